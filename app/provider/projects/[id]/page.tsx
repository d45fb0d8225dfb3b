import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppShell, Card, EmptyState } from "@/components/AppShell";
import { QrLink } from "@/features/surveys/components/QrLink";
import { SessionForm } from "@/features/surveys/components/SessionForm";
import { StatusBadge } from "@/features/surveys/components/SurveyStatusBadge";
import { managedProject, surveyStatus, templatesFor } from "@/features/surveys/data";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

/**
 * An annual project: its offline sessions with their survey link, QR code and responses, its other
 * surveys, and the form for a new session. For its provider, regulators of its region and admins
 * (scope checked in managedProject).
 */
export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("survey.manage");
  const { id } = await params;
  const project = await pageData(managedProject(user, id));
  const [t, format, templates] = await Promise.all([getTranslations("surveyAdmin"), getFormatter(), templatesFor(user)]);
  const now = new Date();
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit" });
  const back = user.role === "PROVIDER" ? "/provider/surveys" : "/regulator/projects";

  return (
    <AppShell user={user} title={project.name}>
      <Link href={back} className="mb-2 inline-block text-sm text-brand-600">
        ← {user.role === "PROVIDER" ? t("backToSurveys") : t("backToProjects")}
      </Link>
      <p className="mb-3 text-sm text-slate-600" data-testid="project-meta">
        {t("projectHeader", { year: project.year, region: project.regionName, provider: project.providerName ?? t("noProvider"), target: project.satisfactionTarget })}
        {project.archived ? <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs">{t("archived")}</span> : null}
      </p>

      <Card title={t("sessionsTitle", { count: project.sessions.length })} testId="session-list">
        {project.sessions.length === 0 ? (
          <EmptyState>{t("noSessions")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {project.sessions.map((s) => (
              <li key={s.id} className="py-3" data-testid="session-row">
                <p className="font-medium">{s.title}</p>
                <p className="text-xs text-slate-500">
                  {[day(s.heldOn), s.location, s.enterpriseName].filter(Boolean).join(" · ")}
                </p>
                {s.surveys.map((v) => {
                  const status = surveyStatus(v, now);
                  return (
                    <div key={v.id} className="mt-2 rounded border border-slate-200 p-2">
                      <p className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                        <Link href={`/provider/surveys/${v.id}`} className="text-brand-700 underline">
                          {v.title}
                        </Link>
                        <StatusBadge status={status} label={t(`status.${status}`)} />
                        <span className="text-xs text-slate-600">{t("responsesCount", { count: v.responses })}</span>
                        <span className="font-mono text-xs text-slate-500">{v.code}</span>
                      </p>
                      <details>
                        <summary className="cursor-pointer text-xs text-brand-700">{t("showQr")}</summary>
                        <div className="mt-2">
                          <QrLink code={v.code} size="sm" />
                        </div>
                      </details>
                    </div>
                  );
                })}
              </li>
            ))}
          </ul>
        )}
      </Card>

      {project.surveys.length > 0 ? (
        <Card title={t("projectSurveysTitle")}>
          <ul className="divide-y divide-slate-100 text-sm">
            {project.surveys.map((v) => {
              const status = surveyStatus(v, now);
              return (
                <li key={v.id} className="flex flex-wrap items-center gap-2 py-2">
                  <Link href={`/provider/surveys/${v.id}`} className="text-brand-700 underline">
                    {v.title}
                  </Link>
                  <span className="text-xs text-slate-500">{t(`targets.${v.target}`)}</span>
                  <StatusBadge status={status} label={t(`status.${status}`)} />
                  <span className="text-xs text-slate-600">{t("responsesCount", { count: v.responses })}</span>
                </li>
              );
            })}
          </ul>
        </Card>
      ) : null}

      {project.archived ? null : (
        <Card title={t("newSession")}>
          <p className="mb-3 text-sm text-slate-600">{t("newSessionIntro")}</p>
          {templates.length === 0 ? (
            <EmptyState>{t("noTemplates")}</EmptyState>
          ) : (
            <SessionForm
              projectId={project.id}
              templates={templates.map((tp) => ({ id: tp.id, title: tp.title, own: tp.own }))}
              enterprises={project.enterprises.map((e) => ({ id: e.id, name: e.name }))}
              today={today}
            />
          )}
        </Card>
      )}
    </AppShell>
  );
}
