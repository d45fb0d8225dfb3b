import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, Card } from "@/components/AppShell";
import { ExamRunner } from "@/features/exams/components/ExamRunner";
import { ExamReview } from "@/features/exams/components/ExamReview";
import { attemptView, examOverview } from "@/features/exams/data";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

export default async function AttemptPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const user = await requirePage("learning.own");
  const { attemptId } = await params;
  const view = await pageData(attemptView(user, attemptId));
  const t = await getTranslations("exam");
  if (view.status === "IN_PROGRESS") {
    return (
      <AppShell user={user} title={view.course.title}>
        <ExamRunner attemptId={view.id} deadline={view.deadline} serverNow={view.serverNow} questions={view.questions} />
      </AppShell>
    );
  }
  const overview = await pageData(examOverview(user, view.course.id));
  const left = overview.exam ? Math.max(0, overview.exam.attempts - overview.attempts.length) : 0;
  return (
    <AppShell user={user} title={`${view.course.title} · ${t("resultTitle")}`}>
      <Card testId="exam-result">
        <p className="text-2xl font-semibold" data-testid="exam-score">
          {t("resultScore", { score: view.score ?? 0, total: view.maxScore })}
        </p>
        {view.passed ? (
          <p className="mt-1 text-green-800" data-testid="exam-passed">
            {t("resultPassed")}
          </p>
        ) : (
          <div className="mt-1 space-y-1">
            <p className="text-red-700" data-testid="exam-failed">
              {t("resultFailed", { pass: view.passMark })}
            </p>
            {left > 0 ? <p className="text-sm text-slate-700">{t("resultRetake", { count: left })}</p> : null}
          </div>
        )}
        {view.submittedBy === "DEADLINE" ? <p className="mt-1 text-sm text-slate-600">{t("timeUp")}</p> : null}
        <Link href={`/learn/courses/${view.course.id}/exam`} className="mt-3 inline-block text-sm text-brand-700 underline" data-testid="back-to-exam">
          {t("backToExam")}
        </Link>
      </Card>
      {view.review ? <ExamReview questions={view.questions} /> : <Card>{t("noReview")}</Card>}
    </AppShell>
  );
}
