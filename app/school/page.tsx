import Link from "next/link";
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
          <dt className="text-slate-500">{t("school.completed")}</dt>
          <dd className="tabular-nums">{s.completed}</dd>
        </dl>
      </Card>
      <Card title={t("school.classes")}>
        <div className="mb-2 flex justify-end">
          <Link href="/school/import" className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white" data-testid="import-link">
            {t("school.import")}
          </Link>
        </div>
        {s.classes.length === 0 ? (
          <EmptyState>{t("school.noClasses")}</EmptyState>
        ) : (
          <table className="w-full text-left text-sm" data-testid="classes">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1">{t("school.class")}</th>
                <th className="py-1 text-right">{t("school.students")}</th>
                <th className="py-1 text-right">{t("school.completed")}</th>
              </tr>
            </thead>
            <tbody>
              {s.classes.map((c) => (
                <tr key={c.id} className="border-t border-slate-100">
                  <td className="py-1.5">{c.name}</td>
                  <td className="py-1.5 text-right tabular-nums">{c.students}</td>
                  <td className="py-1.5 text-right tabular-nums">
                    {c.completed}
                    {c.students ? <span className="ml-1 text-xs text-slate-500">({Math.round((c.completed / c.students) * 100)}%)</span> : null}
                  </td>
                </tr>
              ))}
              {s.withoutClass.students > 0 ? (
                <tr className="border-t border-slate-100 text-slate-500">
                  <td className="py-1.5">{t("school.noClass")}</td>
                  <td className="py-1.5 text-right tabular-nums">{s.withoutClass.students}</td>
                  <td className="py-1.5 text-right tabular-nums">{s.withoutClass.completed}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        )}
      </Card>
    </AppShell>
  );
}
