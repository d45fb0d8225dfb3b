import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, Card, EmptyState } from "@/components/AppShell";
import { ProjectForm } from "@/features/surveys/components/ProjectForm";
import { projectList, providerAccounts, surveyRegions } from "@/features/surveys/data";
import { requirePage } from "@/lib/authz";

/** Annual work-injury prevention projects (年度工伤预防项目) of the regulator's region, and a new one. */
export default async function ProjectsPage() {
  const user = await requirePage("project.manage");
  const t = await getTranslations("surveyAdmin");
  if (user.role === "REGULATOR" && !user.regionCode) {
    return (
      <AppShell user={user} title={t("projectsTitle")}>
        <EmptyState>{(await getTranslations("regulator"))("noRegion")}</EmptyState>
      </AppShell>
    );
  }
  const [projects, regions, providers] = await Promise.all([projectList(user), surveyRegions(user), providerAccounts()]);
  // The year in Beijing: projects are planned by the calendar year there.
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

  return (
    <AppShell user={user} title={t("projectsTitle")}>
      <Link href="/regulator" className="mb-2 inline-block text-sm text-brand-600">
        ← {t("back")}
      </Link>
      <p className="mb-3 text-sm text-slate-600">{t("projectsIntro")}</p>
      <nav className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link href="/provider/surveys" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:border-brand-600">
          {t("surveysLink")}
        </Link>
      </nav>
      <Card title={t("projectCount", { count: projects.length })} testId="project-list">
        {projects.length === 0 ? (
          <EmptyState>{t("noProjects")}</EmptyState>
        ) : (
          <div className="-mx-4 overflow-x-auto px-4">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th className="py-1 pr-3">{t("projectName")}</th>
                  <th className="py-1 pr-3">{t("year")}</th>
                  <th className="py-1 pr-3">{t("colRegion")}</th>
                  <th className="py-1 pr-3">{t("provider")}</th>
                  <th className="py-1 pr-3 text-right">{t("satisfactionTargetShort")}</th>
                  <th className="py-1 pr-3 text-right">{t("colSessions")}</th>
                  <th className="py-1 pr-3 text-right">{t("colSurveys")}</th>
                </tr>
              </thead>
              <tbody>
                {projects.map((p) => (
                  <tr key={p.id} className="border-t border-slate-100" data-testid="project-row">
                    <td className="py-2 pr-3">
                      <Link href={`/provider/projects/${p.id}`} className="font-medium text-brand-700 underline">
                        {p.name}
                      </Link>
                    </td>
                    <td className="py-2 pr-3 tabular-nums">{p.year}</td>
                    <td className="py-2 pr-3">{p.regionName}</td>
                    <td className="py-2 pr-3">{p.providerName ?? <span className="text-slate-400">{t("noProvider")}</span>}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{p.satisfactionTarget}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{p.sessions}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{p.surveys}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title={t("newProject")}>
        <ProjectForm regions={regions} providers={providers} year={year} />
      </Card>
    </AppShell>
  );
}
