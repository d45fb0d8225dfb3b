import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AppShell, Card } from "@/components/AppShell";
import { ChangePasswordForm } from "@/features/accounts/components/ChangePasswordForm";
import { safeNextPath } from "@/features/accounts/next-path";
import { requirePage } from "@/lib/authz";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const user = await requirePage("account.self", { allowPendingPasswordChange: true });
  // A first login from a survey's QR link returns there after the change (only a path of this site).
  const next = safeNextPath((await searchParams).next) ?? undefined;
  const t = await getTranslations("account");
  return (
    <AppShell user={user} title={t("title")}>
      {user.mustChangePassword ? (
        <p role="status" className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="must-change-notice">
          {t("mustChange")}
        </p>
      ) : null}
      <Card>
        <ChangePasswordForm next={next} />
      </Card>
    </AppShell>
  );
}
