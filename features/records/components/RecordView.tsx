// 一人一档 on screen: per course the hours, the completion, the exam attempts and the certificates; the
// satisfaction surveys answered and waiting.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/AppShell";
import type { LearnerRecord } from "../data";

export async function RecordView({ record, exportBase }: { record: LearnerRecord; exportBase: string }) {
  const [t, format] = await Promise.all([getTranslations("record"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  return (
    <div data-testid="learner-record">
      <Card>
        <dl className="grid grid-cols-[5rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500">{t("name")}</dt>
          <dd>{record.person.name}</dd>
          <dt className="text-slate-500">{t("mobile")}</dt>
          <dd>{record.person.mobile}</dd>
          <dt className="text-slate-500">{t("organisation")}</dt>
          <dd>{record.person.organisation ?? "—"}</dd>
          <dt className="text-slate-500">{t("position")}</dt>
          <dd>{record.person.position ?? "—"}</dd>
          <dt className="text-slate-500">{t("survey")}</dt>
          <dd data-testid="record-survey-summary">
            {record.surveys.answered.length + record.surveys.pending.length === 0
              ? t("noSurvey")
              : t("surveySummary", { answered: record.surveys.answered.length, pending: record.surveys.pending.length })}
          </dd>
        </dl>
        <div className="mt-3 flex gap-3 text-sm">
          <a href={`${exportBase}/xlsx`} className="font-medium text-brand-700 underline" data-testid="record-xlsx" download>
            {t("downloadXlsx")}
          </a>
          <a href={`${exportBase}/pdf`} className="font-medium text-brand-700 underline" data-testid="record-pdf" download>
            {t("downloadPdf")}
          </a>
        </div>
      </Card>
      {record.courses.length === 0 ? <EmptyState>{t("noCourses")}</EmptyState> : null}
      {record.surveys.answered.length + record.surveys.pending.length > 0 ? (
        <Card title={t("surveysTitle")} testId="record-surveys">
          <ul className="space-y-1 text-sm">
            {record.surveys.answered.map((s) => (
              <li key={s.id} data-testid={`record-survey-${s.id}`}>
                {t("surveyAnswered", { title: s.title, date: day(s.submittedAt) })}
              </li>
            ))}
            {record.surveys.pending.map((s) => (
              <li key={s.id} className="text-amber-900" data-testid={`record-survey-${s.id}`}>
                {t("surveyPending", { title: s.title })}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-slate-500">{t("surveyAnonymousNote")}</p>
        </Card>
      ) : null}
      {record.courses.map((c) => (
        <Card key={c.id} title={c.title} testId={`record-course-${c.id}`}>
          <p className="text-sm">
            {t("hours", { done: c.hoursDone, required: c.hoursRequired })}
            {c.completedAt ? ` · ${t("completedOn", { date: day(c.completedAt) })}` : ` · ${t("notCompleted")}`}
          </p>
          {c.attempts.length > 0 ? (
            <ul className="mt-2 space-y-1 text-sm">
              {c.attempts.map((a) => (
                <li key={a.id}>
                  {t("attempt", { number: a.number, date: day(a.startedAt) })}：
                  {a.status === "IN_PROGRESS" ? t("inProgress") : t(a.passed ? "resultPassed" : "resultFailed", { score: a.score ?? 0 })}
                  {a.focusLoss !== null ? <span className="text-slate-500"> · {t("focusLoss", { count: a.focusLoss })}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-slate-500">{t("noAttempts")}</p>
          )}
          {c.certificates.map((x) => (
            <p key={x.code} className="mt-1 text-sm">
              {t("certificate", { code: x.code, date: day(x.issuedAt) })}
              <span className="text-slate-500"> · {t(`status.${x.status}`)}</span>{" "}
              <Link href={`/verify/${x.code}`} className="text-brand-700 underline">
                {t("verify")}
              </Link>
            </p>
          ))}
        </Card>
      ))}
    </div>
  );
}
