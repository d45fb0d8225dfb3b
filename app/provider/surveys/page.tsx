import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppShell, Card, EmptyState } from "@/components/AppShell";
import { SurveyCreateForm } from "@/features/surveys/components/SurveyCreateForm";
import { StatusBadge } from "@/features/surveys/components/SurveyStatusBadge";
import { managedSurveys, projectList, regionNames, surveyCourses, surveyRegions, surveyStatus, templatesFor } from "@/features/surveys/data";
import { requirePage } from "@/lib/authz";
import { ROLE_HOME } from "@/lib/roles";

/** Satisfaction surveys the user manages (provider: its own and its projects'; regulator: its region's). */
export default async function SurveysPage() {
  const user = await requirePage("survey.manage");
  const [t, format, surveys, templates, courses, projects, regions] = await Promise.all([
    getTranslations("surveyAdmin"),
    getFormatter(),
    managedSurveys(user),
    templatesFor(user),
    surveyCourses(),
    projectList(user),
    surveyRegions(user),
  ]);
  const names = await regionNames(surveys.map((s) => s.regionCode));
  const now = new Date();
  // Today's Beijing date (yyyy-mm-dd), the default opening day.
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit" });

  return (
    <AppShell user={user} title={t("title")}>
      <Link href={ROLE_HOME[user.role]} className="mb-2 inline-block text-sm text-brand-600">
        ← {t("back")}
      </Link>
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <nav className="mb-4 flex flex-wrap gap-2 text-sm" aria-label={t("title")}>
        <Link href="/provider/surveys/templates" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:border-brand-600" data-testid="link-templates">
          {t("templatesLink")}
        </Link>
        {user.role === "REGULATOR" || user.role === "ADMIN" ? (
          <Link href="/regulator/projects" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:border-brand-600" data-testid="link-projects">
            {t("projectsLink")}
          </Link>
        ) : null}
      </nav>

      <Card title={t("listTitle", { count: surveys.length })} testId="survey-list">
        {surveys.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <div className="-mx-4 overflow-x-auto px-4">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th className="py-1 pr-3">{t("colSurvey")}</th>
                  <th className="py-1 pr-3">{t("colTarget")}</th>
                  <th className="py-1 pr-3">{t("colRegion")}</th>
                  <th className="py-1 pr-3">{t("colSettings")}</th>
                  <th className="py-1 pr-3">{t("colStatus")}</th>
                  <th className="py-1 pr-3 text-right">{t("colResponses")}</th>
                </tr>
              </thead>
              <tbody>
                {surveys.map((s) => {
                  const status = surveyStatus(s, now);
                  return (
                    <tr key={s.id} className="border-t border-slate-100 align-top" data-testid="survey-row">
                      <td className="py-2 pr-3">
                        <Link href={`/provider/surveys/${s.id}`} className="font-medium text-brand-700 underline">
                          {s.title}
                        </Link>
                        <span className="block font-mono text-xs text-slate-500">{s.code}</span>
                      </td>
                      <td className="py-2 pr-3">
                        <span className="block text-xs text-slate-500">{t(`targets.${s.target}`)}</span>
                        {s.target === "COURSE" ? s.courseTitle : s.target === "SESSION" ? s.session?.title : s.project?.name}
                        {s.target !== "PROJECT" && s.project ? <span className="block text-xs text-slate-500">{t("inProject", { name: s.project.name })}</span> : null}
                      </td>
                      <td className="py-2 pr-3">{names.get(s.regionCode) ?? s.regionCode}</td>
                      <td className="py-2 pr-3 text-xs">
                        <span className="block">{s.anonymous ? t("anonymousYes") : t("anonymousNo")}</span>
                        {s.target === "COURSE" ? <span className="block">{s.requiredForCertificate ? t("requiredYes") : t("requiredNo")}</span> : null}
                      </td>
                      <td className="py-2 pr-3">
                        <StatusBadge status={status} label={t(`status.${status}`)} />
                        <span className="block text-xs text-slate-500">
                          {s.closesAt ? t("period", { from: day(s.opensAt), to: day(s.closesAt) }) : t("since", { from: day(s.opensAt) })}
                        </span>
                      </td>
                      <td className="py-2 pr-3 text-right tabular-nums">{s.responses}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title={t("newSurvey")}>
        <SurveyCreateForm
          templates={templates.map((tp) => ({ id: tp.id, title: tp.title, own: tp.own }))}
          courses={courses}
          projects={projects.map((p) => ({ id: p.id, name: p.name, year: p.year, regionName: p.regionName }))}
          regions={regions}
          today={today}
        />
      </Card>

      <Card title={t("projectsTitle")} testId="project-links">
        {projects.length === 0 ? (
          <EmptyState>{user.role === "PROVIDER" ? t("noProjectsProvider") : t("noProjects")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {projects.map((p) => (
              <li key={p.id} className="py-2">
                <Link href={`/provider/projects/${p.id}`} className="font-medium text-brand-700 underline">
                  {p.name}
                </Link>
                <span className="block text-xs text-slate-500">{t("projectMeta", { year: p.year, region: p.regionName, sessions: p.sessions, surveys: p.surveys })}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </AppShell>
  );
}

