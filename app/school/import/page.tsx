import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, Card, EmptyState } from "@/components/AppShell";
import { ImportWizard } from "@/features/rosters/components/ImportWizard";
import { requirePage } from "@/lib/authz";

export default async function SchoolImportPage() {
  const user = await requirePage("school.manage");
  const t = await getTranslations();
  if (!user.schoolId) {
    return (
      <AppShell user={user} title={t("school.import")}>
        <EmptyState>{t("school.noSchool")}</EmptyState>
      </AppShell>
    );
  }
  return (
    <AppShell user={user} title={t("school.import")}>
      <Link href="/school" className="mb-2 inline-block text-sm text-brand-600">
        ← {t("school.title")}
      </Link>
      <Card>
        <p className="mb-3 text-sm text-slate-600">{t("school.importHint")}</p>
        <ImportWizard kind="STUDENTS" positions={{}} doneHref="/school" />
      </Card>
    </AppShell>
  );
}
