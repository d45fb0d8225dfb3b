import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, EmptyState } from "@/components/AppShell";
import { ProgressBar } from "@/features/learning/components/ProgressBar";
import { assignedCourses } from "@/features/learning/data";
import { courseProgress } from "@/features/learning/ledger";
import { pendingSurveys } from "@/features/surveys/data";
import { requirePage } from "@/lib/authz";

export default async function LearnerHome() {
  const user = await requirePage("learning.own");
  const [t, assigned, surveys] = await Promise.all([getTranslations(), assignedCourses(user), pendingSurveys(user)]);
  const courses = await Promise.all(assigned.map(async (c) => ({ ...c, progress: await courseProgress(user.id, c) })));
  return (
    <AppShell user={user} title={t("learn.title")}>
      {surveys.length > 0 ? (
        <section className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 shadow-sm" data-testid="pending-surveys">
          <h2 className="mb-2 font-semibold text-amber-950">{t("survey.pending.title")}</h2>
          <ul className="divide-y divide-amber-200">
            {surveys.map((s) => (
              <li key={s.id}>
                <Link href={`/learn/surveys/${s.id}`} className="flex min-h-11 items-center justify-between gap-3 py-2 text-sm" data-testid={`pending-survey-${s.id}`}>
                  <span className="text-amber-950">{s.title}</span>
                  <span className="shrink-0 rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white">{t("survey.pending.action")}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="mb-3 text-right text-sm">
        <Link href="/learn/record" className="text-brand-700 underline" data-testid="my-record">
          {t("record.link")}
        </Link>
      </p>
      {courses.length === 0 ? (
        <EmptyState>{t("learn.empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="course-list">
          {courses.map((c) => (
            <li key={c.id}>
              <Link href={`/learn/courses/${c.id}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
                <p className="text-xs text-brand-700">{t(`families.${c.family}`)}</p>
                <h2 className="mt-1 font-semibold">{c.title}</h2>
                <p className="mt-1 line-clamp-2 text-sm text-slate-600">{c.summary}</p>
                <p className="mt-2 text-xs text-slate-500">
                  {t("learn.hoursRequired", { hours: c.classHours })} · {t("learn.lessons", { count: c.lessonCount })} ·{" "}
                  {t("learn.minutesPerHour", { minutes: c.minutesPerClassHour })}
                </p>
                <div className="mt-3 space-y-1">
                  <p className="text-xs font-medium text-slate-700" data-testid={`course-hours-${c.id}`}>
                    {t("learn.progress", { done: Math.floor(c.progress.hoursDone * 100) / 100, required: c.classHours })}
                    {c.progress.completedAt ? ` · ${t("learn.status.done")}` : ""}
                  </p>
                  <ProgressBar value={c.progress.hoursDone / c.classHours} label={t("learn.progressLabel")} />
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </AppShell>
  );
}
