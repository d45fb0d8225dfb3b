import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/LocaleSwitcher";
import { LoginForm } from "@/features/accounts/components/LoginForm";
import { safeNextPath } from "@/features/accounts/next-path";
import { ROLE_HOME } from "@/lib/roles";
import { getSession } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ changed?: string; next?: string | string[] }> }) {
  const { changed, next: rawNext } = await searchParams;
  const next = safeNextPath(rawNext) ?? undefined;
  const user = await getSession();
  if (user) redirect(user.mustChangePassword ? (next ? `/account/password?next=${encodeURIComponent(next)}` : "/account/password") : (next ?? ROLE_HOME[user.role]));
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-8">
      <div className="mb-6 text-center">
        <h1 className="text-2xl font-bold text-brand-700">{t("app.name")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("app.tagline")}</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-4 text-lg font-semibold">{t("login.title")}</h2>
        {changed ? (
          <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-800">
            {t("login.passwordChanged")}
          </p>
        ) : null}
        <LoginForm next={next} />
        <p className="mt-4 text-xs text-slate-500">{t("login.help")}</p>
      </div>
      <div className="mt-4 flex justify-center">
        <LocaleSwitcher />
      </div>
    </main>
  );
}
