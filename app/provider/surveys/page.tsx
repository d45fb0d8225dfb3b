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
          // A list, not a table: on a phone every survey's status and answers stay in sight.
          <ul className="divide-y divide-slate-100 text-sm">
            {surveys.map((s) => {
              const status = surveyStatus(s, now);
              const subject = s.target === "COURSE" ? s.courseTitle : s.target === "SESSION" ? s.session?.title : s.project?.name;
              return (
                <li key={s.id} className="py-3" data-testid="survey-row">
                  <div className="flex items-start justify-between gap-3">
                    <p className="min-w-0 break-words">
                      <Link href={`/provider/surveys/${s.id}`} className="font-medium text-brand-700 underline">
                        {s.title}
                      </Link>
                      <span className="block font-mono text-xs text-slate-500">{s.code}</span>
                    </p>
                    <p className="shrink-0 text-right">
                      <StatusBadge status={status} label={t(`status.${status}`)} />
                      <span className="block text-xs tabular-nums text-slate-600">{t("responsesCount", { count: s.responses })}</span>
                    </p>
                  </div>
                  <p className="mt-1 text-xs break-words text-slate-600">
                    {[
                      t("targetSubject", { target: t(`targets.${s.target}`), subject: subject ?? "" }),
                      s.target !== "PROJECT" && s.project ? t("inProject", { name: s.project.name }) : null,
                      names.get(s.regionCode) ?? s.regionCode,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  <p className="text-xs text-slate-500">
                    {[
                      s.anonymous ? t("anonymousYes") : t("anonymousNo"),
                      s.target === "COURSE" ? (s.requiredForCertificate ? t("requiredYes") : t("requiredNo")) : null,
                      s.closesAt ? t("period", { from: day(s.opensAt), to: day(s.closesAt) }) : t("since", { from: day(s.opensAt) }),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </li>
              );
            })}
          </ul>
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

