import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, Card, EmptyState } from "@/components/AppShell";
import { ImportWizard } from "@/features/rosters/components/ImportWizard";
import { requirePage } from "@/lib/authz";
import { db } from "@/lib/db";

export default async function EnterpriseImportPage() {
  const user = await requirePage("enterprise.manage");
  const t = await getTranslations();
  if (!user.enterpriseId) {
    return (
      <AppShell user={user} title={t("roster.import")}>
        <EmptyState>{t("enterprise.noEnterprise")}</EmptyState>
      </AppShell>
    );
  }
  const positions = await db.positionCategory.findMany({ select: { code: true, name: true } });
  return (
    <AppShell user={user} title={t("roster.import")}>
      <Link href="/enterprise/roster" className="mb-2 inline-block text-sm text-brand-600">
        ← {t("roster.title")}
      </Link>
      <Card>
        <p className="mb-3 text-sm text-slate-600">{t("roster.importHint")}</p>
        <ImportWizard kind="STAFF" positions={Object.fromEntries(positions.map((p) => [p.code, p.name]))} doneHref="/enterprise/roster" />
      </Card>
    </AppShell>
  );
}
