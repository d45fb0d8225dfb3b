import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppShell, Card, EmptyState } from "@/components/AppShell";
import { CertificateCard } from "@/features/certificates/components/CertificateCard";
import { StartExam } from "@/features/exams/components/StartExam";
import { examOverview } from "@/features/exams/data";
import { SurveyPrompt } from "@/features/surveys/components/SurveyPrompt";
import { certificateHeldBySurvey, courseSurvey } from "@/features/surveys/data";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

export default async function ExamPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("learning.own");
  const { id } = await params;
  const overview = await pageData(examOverview(user, id));
  const [t, format, survey, held] = await Promise.all([
    getTranslations("exam"),
    getFormatter(),
    overview.completed ? courseSurvey(user, id) : null,
    overview.certificate ? certificateHeldBySurvey(user.id, id) : null,
  ]);
  const { exam, attempts, inProgress, lock } = overview;
  const done = Math.floor(overview.hoursDone * 100) / 100;
  return (
    <AppShell user={user} title={`${overview.course.title} · ${t("title")}`}>
      {survey && survey.open && !survey.answered ? <SurveyPrompt survey={survey} /> : null}
      <Card>
        {exam ? (
          <div className="space-y-2 text-sm" data-testid="exam-rules">
            <p>{t("rules", { count: exam.questionCount, total: exam.totalPoints, pass: exam.passMark, minutes: exam.timeLimitMinutes, attempts: exam.attempts })}</p>
            <p className="text-slate-600">{t("rulesNoteTimer")}</p>
            <p className="text-slate-600">{t("rulesNoteFocus")}</p>
          </div>
        ) : null}
        <div className="mt-3" data-testid="exam-action">
          {inProgress ? (
            <StartExam courseId={id} label={t("resume")} />
          ) : lock ? (
            <p className="rounded bg-slate-50 p-3 text-sm text-slate-700" data-testid="exam-locked">
              {t(`locked.${lock}`, { required: overview.hoursRequired, done })}
            </p>
          ) : (
            <StartExam courseId={id} label={attempts.length > 0 ? t("retake") : t("start")} />
          )}
        </div>
      </Card>
      {overview.certificate ? <CertificateCard certificate={overview.certificate} heldBySurvey={held} /> : null}
      {exam ? (
        <Card title={t("attemptsTitle")} testId="exam-attempts">
          {attempts.length === 0 ? (
            <EmptyState>{t("noAttempts")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {attempts.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-2 py-2" data-testid={`attempt-${a.number}`}>
                  <span>
                    {t("attemptRow", { number: a.number })}
                    <span className="block text-xs text-slate-500">{format.dateTime(a.startedAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" })}</span>
                  </span>
                  {a.status === "IN_PROGRESS" ? (
                    <span className="text-amber-800">{t("inProgress")}</span>
                  ) : (
                    <Link href={`/learn/exams/${a.id}`} className="text-right">
                      <span className={a.passed ? "text-green-800" : "text-red-700"}>
                        {t("scoreLine", { score: a.score ?? 0 })} · {a.passed ? t("passed") : t("failed")}
                      </span>
                      {a.submittedBy === "DEADLINE" ? <span className="block text-xs text-slate-500">{t("byDeadline")}</span> : null}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
      <Link href={`/learn/courses/${id}`} className="text-sm text-brand-700 underline">
        {t("backToCourse")}
      </Link>
    </AppShell>
  );
}
