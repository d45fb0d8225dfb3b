import { getTranslations } from "next-intl/server";
import { AppShell, Card, EmptyState } from "@/components/AppShell";
import { schoolOverview } from "@/features/schools/data";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

export default async function SchoolHome() {
  const user = await requirePage("school.manage");
  const t = await getTranslations();
  if (!user.schoolId) {
    return (
      <AppShell user={user} title={t("school.title")}>
        <EmptyState>{t("school.noSchool")}</EmptyState>
      </AppShell>
    );
  }
  const s = await pageData(schoolOverview(user, user.schoolId));
  return (
    <AppShell user={user} title={s.name}>
      <Card title={t("school.profile")} testId="school-profile">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500">{t("enterprise.region")}</dt>
          <dd>
            {s.region.parent?.name} {s.region.name}
          </dd>
          <dt className="text-slate-500">{t("school.students")}</dt>
          <dd className="tabular-nums">{s.students}</dd>
        </dl>
      </Card>
    </AppShell>
  );
}
