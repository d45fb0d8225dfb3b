import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppShell, Card } from "@/components/AppShell";
import { assignedCourse } from "@/features/learning/data";
import { requirePage } from "@/lib/authz";

export default async function CoursePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("learning.own");
  const { id } = await params;
  const course = await assignedCourse(user, id);
  if (!course) notFound();
  const t = await getTranslations();
  return (
    <AppShell user={user} title={course.title}>
      <Card>
        <p className="text-xs text-brand-700">{t(`families.${course.family}`)}</p>
        <p className="mt-1 text-sm text-slate-700">{course.summary}</p>
        <p className="mt-2 text-xs text-slate-500">
          {t("learn.hoursRequired", { hours: course.classHours })} · {t("learn.minutesPerHour", { minutes: course.minutesPerClassHour })}
        </p>
      </Card>
      <Card title={t("learn.lessonList")}>
        <ol className="divide-y divide-slate-100" data-testid="lesson-list">
          {course.lessons.map((l, i) => (
            <li key={l.id} className="flex items-center justify-between gap-2 py-2 text-sm">
              <span>
                {i + 1}. {l.title}
              </span>
              <span className="shrink-0 text-xs text-slate-500">
                {t(`learn.kind.${l.kind}`)}
                {l.kind === "READING" && l.minReadingSeconds ? ` · ${t("learn.minutes", { minutes: Math.round(l.minReadingSeconds / 60) })}` : ""}
                {l.kind === "VIDEO" && l.durationSeconds ? ` · ${t("learn.minutes", { minutes: Math.round(l.durationSeconds / 60) })}` : ""}
              </span>
            </li>
          ))}
        </ol>
      </Card>
    </AppShell>
  );
}
