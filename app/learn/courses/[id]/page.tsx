import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import Markdown from "react-markdown";
import { AppShell, Card } from "@/components/AppShell";
import { ProgressBar } from "@/features/learning/components/ProgressBar";
import { assignedCourse } from "@/features/learning/data";
import { courseProgress } from "@/features/learning/ledger";
import { SurveyPrompt } from "@/features/surveys/components/SurveyPrompt";
import { courseSurvey } from "@/features/surveys/data";
import { requirePage } from "@/lib/authz";

const hours = (n: number) => (Math.floor(n * 100) / 100).toString();

export default async function CoursePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("learning.own");
  const { id } = await params;
  const course = await assignedCourse(user, id);
  if (!course) notFound();
  const [t, format, progress] = await Promise.all([getTranslations(), getFormatter(), courseProgress(user.id, course)]);
  const survey = progress.completedAt ? await courseSurvey(user, course.id) : null;
  return (
    <AppShell user={user} title={course.title}>
      {survey && survey.open && !survey.answered ? <SurveyPrompt survey={survey} /> : null}
      <Card>
        <p className="text-xs text-brand-700">{t(`families.${course.family}`)}</p>
        <p className="mt-1 text-sm text-slate-700">{course.summary}</p>
        <p className="mt-2 text-xs text-slate-500">
          {t("learn.hoursRequired", { hours: course.classHours })} · {t("learn.minutesPerHour", { minutes: course.minutesPerClassHour })}
        </p>
        <div className="mt-3 space-y-1">
          <p className="text-sm font-medium" data-testid="course-hours">
            {t("learn.progress", { done: hours(progress.hoursDone), required: course.classHours })}
          </p>
          <ProgressBar value={progress.hoursDone / course.classHours} label={t("learn.progressLabel")} testId="course-progress" />
          {progress.completedAt ? (
            <p className="text-sm text-green-800" data-testid="course-completed">
              {t("learn.completedAt", { date: format.dateTime(progress.completedAt, { dateStyle: "medium", timeStyle: "short" }) })}
            </p>
          ) : null}
        </div>
      </Card>
      {course.description ? (
        <Card>
          {/* Open on the first visit; folded away once the learner has started. */}
          <details open={progress.hoursDone === 0} data-testid="course-description">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("learn.about")}</summary>
            <div className="prose-lesson mt-2 text-sm leading-relaxed text-slate-700">
              <Markdown>{course.description}</Markdown>
            </div>
          </details>
        </Card>
      ) : null}
      <Card title={t("learn.lessonList")}>
        <ol className="divide-y divide-slate-100" data-testid="lesson-list">
          {course.lessons.map((l, i) => {
            const p = progress.byLesson.get(l.id);
            const status = p?.completedAt ? "done" : p && p.creditedSeconds > 0 ? "inProgress" : "notStarted";
            return (
              <li key={l.id}>
                <Link href={`/learn/courses/${course.id}/lessons/${l.id}`} className="flex items-center justify-between gap-2 py-3 text-sm hover:text-brand-700">
                  <span>
                    {i + 1}. {l.title}
                    <span className="mt-0.5 block text-xs text-slate-500">
                      {t(`learn.kind.${l.kind}`)}
                      {l.kind === "READING" && l.minReadingSeconds ? ` · ${t("learn.minutes", { minutes: Math.round(l.minReadingSeconds / 60) })}` : ""}
                      {l.kind === "VIDEO" && l.durationSeconds ? ` · ${t("learn.minutes", { minutes: Math.max(1, Math.round(l.durationSeconds / 60)) })}` : ""}
                    </span>
                  </span>
                  <span
                    data-testid={`lesson-status-${l.id}`}
                    className={`shrink-0 rounded px-1.5 py-0.5 text-xs ${status === "done" ? "bg-green-100 text-green-800" : status === "inProgress" ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-600"}`}
                  >
                    {t(`learn.status.${status}`)}
                  </span>
                </Link>
              </li>
            );
          })}
        </ol>
      </Card>
      <Card title={t("exam.card")} testId="course-exam">
        <Link href={`/learn/courses/${course.id}/exam`} className="block rounded-md bg-brand-600 py-2.5 text-center text-sm font-semibold text-white" data-testid="open-exam">
          {t("exam.open")}
        </Link>
      </Card>
    </AppShell>
  );
}
