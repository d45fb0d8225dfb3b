import "server-only";
import { audienceSchema } from "@/features/content/schemas";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/session";
import { matchesAudience, type LearnerProfile } from "./rules";

async function profileOf(user: SessionUser): Promise<LearnerProfile> {
  const enterprise = user.enterpriseId
    ? await db.enterprise.findUnique({ where: { id: user.enterpriseId }, select: { industryCode: true, creditCode: true } })
    : null;
  return {
    positionCode: user.positionCode,
    isSchoolStudent: user.schoolId !== null,
    industryCode: enterprise?.industryCode ?? null,
    enterpriseCreditCode: enterprise?.creditCode ?? null,
  };
}

/** The learner's assigned courses: active courses whose audience rules match the learner. */
export async function assignedCourses(user: SessionUser) {
  const profile = await profileOf(user);
  const courses = await db.course.findMany({
    where: { archivedAt: null },
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      family: true,
      summary: true,
      classHours: true,
      minutesPerClassHour: true,
      audience: true,
      _count: { select: { lessons: { where: { archivedAt: null } } } },
    },
  });
  return courses
    .filter((c) => {
      const audience = audienceSchema.safeParse(c.audience);
      return audience.success && matchesAudience(profile, audience.data);
    })
    .map(({ audience: _audience, _count, ...c }) => ({ ...c, lessonCount: _count.lessons }));
}

/** Ids of the learner's assigned courses: the scope every learning write is checked against. */
export async function assignedCourseIds(user: SessionUser): Promise<Set<string>> {
  return new Set((await assignedCourses(user)).map((c) => c.id));
}

/** One assigned course with its lessons, or null when it is not assigned to this learner. */
export async function assignedCourse(user: SessionUser, courseId: string) {
  const courses = await assignedCourses(user);
  const course = courses.find((c) => c.id === courseId);
  if (!course) return null;
  const lessons = await db.lesson.findMany({
    where: { courseId, archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, title: true, kind: true, durationSeconds: true, minReadingSeconds: true },
  });
  return { ...course, lessons };
}
