// 一人一档: one learner's record — assigned courses with hours, completion, exam attempts (with focus
// loss for admins), certificates and survey status (DOMAIN.md, "Exams and records"). Seen by the learner,
// the admin of their enterprise, regulators of the enterprise's region and administrators.
import "server-only";
import { findSessionUser } from "@/features/accounts/data";
import { settleOverdue } from "@/features/exams/data";
import { certificateStatus } from "@/features/exams/rules";
import { assignedCourses, assignedCoursesOfStaff } from "@/features/learning/data";
import { pendingSurveys } from "@/features/surveys/data";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { maskMobile } from "@/lib/identifiers";
import { canAccessEnterprise } from "@/lib/scope";
import type { SessionUser } from "@/lib/session";

/** May `viewer` see the record of `learner`? */
async function canSeeRecord(viewer: SessionUser, learner: { id: string; enterpriseId: string | null }) {
  if (viewer.id === learner.id || viewer.role === "ADMIN") return true;
  if (!learner.enterpriseId) return false;
  const enterprise = await db.enterprise.findUnique({ where: { id: learner.enterpriseId }, select: { id: true, regionCode: true } });
  return Boolean(enterprise && canAccessEnterprise(viewer, enterprise));
}

export async function learnerRecord(viewer: SessionUser, learnerId: string, now = new Date()) {
  const learner = await findSessionUser(learnerId);
  if (!learner) throw notFound();
  if (!(await canSeeRecord(viewer, learner))) throw forbidden();
  await settleOverdue(learnerId, now);
  const [courses, person, progress, completions, attempts, certificates, answered, pending] = await Promise.all([
    assignedCourses(learner),
    db.user.findUniqueOrThrow({
      where: { id: learnerId },
      select: { name: true, mobile: true, createdAt: true, enterprise: { select: { name: true } }, school: { select: { name: true } }, position: { select: { name: true } } },
    }),
    db.lessonProgress.groupBy({ by: ["courseId"], where: { userId: learnerId }, _sum: { creditedSeconds: true } }),
    db.courseCompletion.findMany({ where: { userId: learnerId }, select: { courseId: true, completedAt: true } }),
    db.examAttempt.findMany({
      where: { userId: learnerId },
      orderBy: [{ courseId: "asc" }, { cycle: "asc" }, { number: "asc" }],
      select: { id: true, courseId: true, cycle: true, number: true, status: true, startedAt: true, submittedAt: true, submittedBy: true, score: true, maxScore: true, passed: true, _count: { select: { focusEvents: true } } },
    }),
    db.certificate.findMany({ where: { userId: learnerId }, orderBy: { issuedAt: "asc" }, select: { code: true, courseId: true, cycle: true, issuedAt: true, expiresAt: true, revokedAt: true, classHours: true, score: true } }),
    // Responses that name the learner: anonymous surveys store no user id, so they stay out of the record.
    db.surveyResponse.findMany({ where: { userId: learnerId }, orderBy: { submittedAt: "asc" }, select: { submittedAt: true, survey: { select: { id: true, title: true } } } }),
    pendingSurveys(learner, now),
  ]);
  const seconds = new Map(progress.map((p) => [p.courseId, p._sum.creditedSeconds ?? 0]));
  const completed = new Map(completions.map((c) => [c.courseId, c.completedAt]));
  // Admins and regulators see focus loss; the learner sees their own attempts without it.
  const showFocus = viewer.id !== learnerId;
  return {
    person: {
      id: learnerId,
      name: person.name,
      mobile: maskMobile(person.mobile),
      organisation: person.enterprise?.name ?? person.school?.name ?? null,
      position: person.position?.name ?? null,
      since: person.createdAt,
    },
    courses: courses.map((c) => {
      const hoursDone = Math.floor(((seconds.get(c.id) ?? 0) / (c.minutesPerClassHour * 60)) * 100) / 100;
      return {
        id: c.id,
        title: c.title,
        family: c.family,
        hoursRequired: c.classHours,
        hoursDone,
        completedAt: completed.get(c.id) ?? null,
        attempts: attempts
          .filter((a) => a.courseId === c.id)
          .map(({ _count, courseId: _c, ...a }) => ({ ...a, focusLoss: showFocus ? _count.focusEvents : null })),
        certificates: certificates.filter((x) => x.courseId === c.id).map((x) => ({ ...x, status: certificateStatus(x, now) })),
      };
    }),
    /** Satisfaction surveys: those answered (non-anonymous ones) and those open and waiting for the learner. */
    surveys: {
      answered: answered.map((r) => ({ id: r.survey.id, title: r.survey.title, submittedAt: r.submittedAt })),
      pending: pending.map((s) => ({ id: s.id, title: s.title, closesAt: s.closesAt })),
    },
  };
}

export type LearnerRecord = Awaited<ReturnType<typeof learnerRecord>>;

// ---- 一企一档 ---------------------------------------------------------------------------------------

/**
 * An enterprise's record: its staff (learners), each with their assigned courses' hours, completion,
 * best exam score and certificate. For the enterprise's admin, regulators of its region, administrators.
 */
export async function enterpriseRecord(viewer: SessionUser, enterpriseId: string, now = new Date()) {
  const enterprise = await db.enterprise.findUnique({
    where: { id: enterpriseId },
    select: { id: true, name: true, creditCode: true, regionCode: true, industry: { select: { name: true } }, region: { select: { name: true } } },
  });
  if (!enterprise) throw notFound();
  if (!canAccessEnterprise(viewer, enterprise)) throw forbidden();
  const staff = await db.user.findMany({
    where: { enterpriseId, role: "LEARNER", disabledAt: null },
    orderBy: [{ positionCode: "asc" }, { name: "asc" }],
    select: { id: true, name: true, mobile: true, positionCode: true, position: { select: { name: true } } },
  });
  const ids = staff.map((s) => s.id);
  await settleOverdue(ids, now);
  const [assigned, progress, completions, attempts, certificates] = await Promise.all([
    assignedCoursesOfStaff(enterpriseId, staff),
    db.lessonProgress.groupBy({ by: ["userId", "courseId"], where: { userId: { in: ids } }, _sum: { creditedSeconds: true } }),
    db.courseCompletion.findMany({ where: { userId: { in: ids } }, select: { userId: true, courseId: true, completedAt: true } }),
    db.examAttempt.findMany({ where: { userId: { in: ids }, status: "SUBMITTED" }, select: { userId: true, courseId: true, score: true, passed: true } }),
    db.certificate.findMany({ where: { userId: { in: ids } }, orderBy: { issuedAt: "asc" }, select: { userId: true, courseId: true, code: true, expiresAt: true, revokedAt: true } }),
  ]);
  const key = (u: string, c: string) => `${u}\u0000${c}`;
  const seconds = new Map(progress.map((p) => [key(p.userId, p.courseId), p._sum.creditedSeconds ?? 0]));
  const completed = new Map(completions.map((c) => [key(c.userId, c.courseId), c.completedAt]));
  return {
    enterprise: { id: enterprise.id, name: enterprise.name, creditCode: enterprise.creditCode, industry: enterprise.industry.name, region: enterprise.region.name },
    staff: staff.map((s) => ({
      id: s.id,
      name: s.name,
      mobile: maskMobile(s.mobile),
      position: s.position?.name ?? null,
      courses: (assigned.get(s.id) ?? []).map((c) => {
        const scores = attempts.filter((a) => a.userId === s.id && a.courseId === c.id).map((a) => a.score ?? 0);
        const cert = certificates.filter((x) => x.userId === s.id && x.courseId === c.id).at(-1);
        return {
          id: c.id,
          title: c.title,
          hoursRequired: c.classHours,
          hoursDone: Math.floor(((seconds.get(key(s.id, c.id)) ?? 0) / (c.minutesPerClassHour * 60)) * 100) / 100,
          completedAt: completed.get(key(s.id, c.id)) ?? null,
          bestScore: scores.length > 0 ? Math.max(...scores) : null,
          certificate: cert ? { code: cert.code, status: certificateStatus(cert, now) } : null,
        };
      }),
    })),
  };
}

export type EnterpriseRecord = Awaited<ReturnType<typeof enterpriseRecord>>;
