import "server-only";
import { db } from "@/lib/db";

/** The course catalogue as synced from content/, with lesson and question counts per pool. */
export async function courseCatalog() {
  const courses = await db.course.findMany({
    where: { archivedAt: null },
    orderBy: { title: "asc" },
    select: { id: true, title: true, family: true, classHours: true, minutesPerClassHour: true, sourcePath: true, updatedAt: true },
  });
  const [lessons, questions] = await Promise.all([
    db.lesson.groupBy({ by: ["courseId"], where: { archivedAt: null }, _count: { _all: true } }),
    db.question.groupBy({ by: ["courseId", "pool"], where: { archivedAt: null }, _count: { _all: true } }),
  ]);
  return courses.map((c) => ({
    ...c,
    lessons: lessons.find((l) => l.courseId === c.id)?._count._all ?? 0,
    practiceQuestions: questions.find((q) => q.courseId === c.id && q.pool === "PRACTICE")?._count._all ?? 0,
    examQuestions: questions.find((q) => q.courseId === c.id && q.pool === "EXAM")?._count._all ?? 0,
  }));
}
