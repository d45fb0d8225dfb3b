import "server-only";
import { audienceSchema } from "@/features/content/schemas";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/session";
import { currentPlanPeriod } from "@/features/regions/periods";
import { lessonApplies, matchesAudience, type LearnerProfile } from "./rules";

/** What assignment needs to know of an enterprise (the same for all its staff). */
async function enterpriseProfile(enterpriseId: string | null): Promise<Omit<LearnerProfile, "positionCode" | "isSchoolStudent">> {
  const period = await currentPlanPeriod();
  const [enterprise, periodPositions] = await Promise.all([
    enterpriseId
      ? db.enterprise.findUnique({
          where: { id: enterpriseId },
          select: { industryCode: true, creditCode: true, keyDesignations: { where: { periodId: period?.id ?? "" }, select: { periodId: true } } },
        })
      : null,
    period ? db.planPeriodPosition.findMany({ where: { periodId: period.id }, select: { positionCode: true } }) : [],
  ]);
  return {
    industryCode: enterprise?.industryCode ?? null,
    enterpriseCreditCode: enterprise?.creditCode ?? null,
    isKeyEnterprise: (enterprise?.keyDesignations.length ?? 0) > 0,
    periodKeyPositions: periodPositions.map((p) => p.positionCode),
  };
}

async function profileOf(user: SessionUser): Promise<LearnerProfile> {
  return { ...(await enterpriseProfile(user.enterpriseId)), positionCode: user.positionCode, isSchoolStudent: user.schoolId !== null };
}

/** Active courses with their audience rules, for assignment in memory. */
export async function activeCourses() {
  return db.course.findMany({
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
}

type ActiveCourse = Awaited<ReturnType<typeof activeCourses>>[number];

export function coursesMatching(courses: ActiveCourse[], profile: LearnerProfile) {
  return courses
    .filter((c) => {
      const audience = audienceSchema.safeParse(c.audience);
      return audience.success && matchesAudience(profile, audience.data);
    })
    .map(({ audience: _audience, _count, ...c }) => ({ ...c, lessonCount: _count.lessons }));
}

/**
 * The assigned courses of every staff member of one enterprise, computed with one set of queries
 * (一企一档): the enterprise's facts and the courses are the same for all of them.
 */
export async function assignedCoursesOfStaff(enterpriseId: string, staff: { id: string; positionCode: string | null }[]) {
  const [base, courses] = await Promise.all([enterpriseProfile(enterpriseId), activeCourses()]);
  return new Map(staff.map((s) => [s.id, coursesMatching(courses, { ...base, positionCode: s.positionCode, isSchoolStudent: false })]));
}

/** The learner's lessons of a course: all of them, less syllabus lessons of other positions. */
export async function learnerLessonIds(positionCode: string | null, courseId: string, client: Pick<typeof db, "lesson"> = db): Promise<string[]> {
  const lessons = await client.lesson.findMany({ where: { courseId, archivedAt: null }, select: { id: true, positions: true } });
  return lessons.filter((l) => lessonApplies((l.positions as string[]) ?? [], positionCode)).map((l) => l.id);
}

/** The learner's assigned courses: active courses whose audience rules match the learner. */
export async function assignedCourses(user: SessionUser) {
  const [profile, courses] = await Promise.all([profileOf(user), activeCourses()]);
  return coursesMatching(courses, profile);
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
  const [lessons, text] = await Promise.all([
    db.lesson.findMany({
      where: { courseId, archivedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, title: true, kind: true, durationSeconds: true, minReadingSeconds: true, positions: true },
    }),
    db.course.findUniqueOrThrow({ where: { id: courseId }, select: { description: true } }),
  ]);
  return {
    ...course,
    description: text.description,
    lessons: lessons.filter((l) => lessonApplies((l.positions as string[]) ?? [], user.positionCode)).map(({ positions: _p, ...l }) => l),
  };
}

/**
 * A lesson page's data: the lesson of an assigned course, its check questions without their answers,
 * the learner's progress, practice questions and last practice attempt. Null when not assigned.
 */
export async function lessonPage(user: SessionUser, courseId: string, lessonId: string) {
  const course = await assignedCourse(user, courseId);
  if (!course) return null;
  const lesson = await db.lesson.findFirst({
    where: { id: lessonId, courseId, archivedAt: null },
    select: {
      id: true,
      title: true,
      kind: true,
      body: true,
      position: true,
      videoSrc: true,
      videoPlaybackId: true,
      durationSeconds: true,
      minReadingSeconds: true,
      checkpoints: true,
      hazards: true,
    },
  });
  if (!lesson || !course.lessons.some((l) => l.id === lessonId)) return null;
  const hazards = await lessonHazards(user, (Array.isArray(lesson.hazards) ? lesson.hazards : []) as string[]);
  const checkpoints = (Array.isArray(lesson.checkpoints) ? lesson.checkpoints : []) as { id: string; atSeconds: number; questionId: string }[];
  // Only stems and options: the answer key stays on the server.
  const questions = await db.question.findMany({
    where: { id: { in: checkpoints.map((c) => c.questionId) } },
    select: { id: true, stem: true, type: true, options: true },
  });
  const [progress, lastAttempt] = await Promise.all([
    db.lessonProgress.findUnique({ where: { userId_lessonId: { userId: user.id, lessonId } } }),
    db.quizAttempt.findFirst({ where: { userId: user.id, lessonId }, orderBy: { createdAt: "desc" }, select: { correct: true, total: true } }),
  ]);
  const index = course.lessons.findIndex((l) => l.id === lessonId);
  return {
    course,
    lesson: { ...lesson, checkpoints: undefined, hazards: undefined },
    hazards,
    checkpointViews: checkpoints.flatMap((cp) => {
      const q = questions.find((x) => x.id === cp.questionId);
      return q
        ? [{ id: cp.id, atSeconds: cp.atSeconds, question: { stem: q.stem, multiple: q.type === "MULTIPLE", options: q.options as { key: string; text: string }[] } }]
        : [];
    }),
    progress: {
      creditedSeconds: progress?.creditedSeconds ?? 0,
      furthestSeconds: progress?.furthestSeconds ?? 0,
      positionSeconds: progress?.positionSeconds ?? 0,
      checkpointsPassed: (Array.isArray(progress?.checkpointsPassed) ? progress.checkpointsPassed : []) as string[],
      completed: Boolean(progress?.completedAt),
    },
    lastAttempt,
    previous: index > 0 ? course.lessons[index - 1]! : null,
    next: index >= 0 && index < course.lessons.length - 1 ? course.lessons[index + 1]! : null,
  };
}

/**
 * The hazards of the learner's own enterprise that a 两降两增 module is built on, with their current
 * rectification status (the report is data and changes after the course is written).
 */
async function lessonHazards(user: SessionUser, ids: string[]) {
  if (ids.length === 0 || !user.enterpriseId) return [];
  const enterprise = await db.enterprise.findUnique({ where: { id: user.enterpriseId }, select: { creditCode: true } });
  if (!enterprise) return [];
  const rows = await db.enterpriseHazard.findMany({
    where: { id: { in: ids }, creditCode: enterprise.creditCode, archivedAt: null },
    select: { id: true, category: true, level: true, location: true, status: true, rectifiedOn: true, deadline: true },
  });
  // In the order the lesson lists them.
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}
