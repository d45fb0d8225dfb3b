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
          // A list, not a table: on a phone every project's provider, target and counts stay in sight.
          <ul className="divide-y divide-slate-100 text-sm">
            {projects.map((p) => (
              <li key={p.id} className="py-3" data-testid="project-row">
                <Link href={`/provider/projects/${p.id}`} className="font-medium break-words text-brand-700 underline">
                  {p.name}
                </Link>
                <span className="block text-xs text-slate-600">
                  {t("projectHeader", { year: p.year, region: p.regionName, provider: p.providerName ?? t("noProvider"), target: p.satisfactionTarget })}
                </span>
                <span className="block text-xs text-slate-500">{t("projectRowCounts", { sessions: p.sessions, surveys: p.surveys })}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("newProject")}>
        <ProjectForm regions={regions} providers={providers} year={year} />
      </Card>
    </AppShell>
  );
}
