import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, Card } from "@/components/AppShell";
import { ImportWizard } from "@/features/rosters/components/ImportWizard";
import { requirePage } from "@/lib/authz";
import { db } from "@/lib/db";

/** A regulator imports staff of enterprises in its region: each row names its enterprise's credit code. */
export default async function RegulatorImportPage() {
  const user = await requirePage("regulator.view");
  const t = await getTranslations();
  const positions = await db.positionCategory.findMany({ select: { code: true, name: true } });
  return (
    <AppShell user={user} title={t("roster.regulatorImport")}>
      <Link href="/regulator" className="mb-2 inline-block text-sm text-brand-600">
        ← {t("regulator.backToScope")}
      </Link>
      <Card>
        <p className="mb-3 text-sm text-slate-600">{t("roster.regulatorImportHint")}</p>
        <ImportWizard kind="STAFF" positions={Object.fromEntries(positions.map((p) => [p.code, p.name]))} doneHref="/regulator" />
      </Card>
    </AppShell>
  );
}
