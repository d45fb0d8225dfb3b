// Certificates (培训合格证明): issued in the transaction that completes the last requirement (the exam
// passed, or for a course without an exam the course completed), verified by anyone with the code,
// revoked by an administrator. What a certificate says is copied into it when issued.
import "server-only";
import { recordAudit } from "@/features/audit/data";
import { certificateDefinitionSchema, examDefinitionSchema } from "@/features/exams/definition";
import { addMonths, certificateStatus, certificationCycle, maskName } from "@/features/exams/rules";
import { maskMobile } from "@/lib/identifiers";
import { canAccessEnterprise } from "@/lib/scope";
import { db, type Tx } from "@/lib/db";
import { forbidden, notFound, prismaErrorCode } from "@/lib/errors";
import type { SessionUser } from "@/lib/session";
import { certificateHeldBySurvey } from "@/features/surveys/data";
import { newVerifyCode, normaliseCode } from "./code";

export async function latestCertificate(userId: string, courseId: string, client: Pick<Tx, "certificate"> = db) {
  return client.certificate.findFirst({
    where: { userId, courseId },
    orderBy: { cycle: "desc" },
    select: { id: true, code: true, cycle: true, issuedAt: true, expiresAt: true, revokedAt: true },
  });
}

/**
 * Issues the certificate of the learner's current cycle when everything it certifies holds: the course
 * completed and, where the course has an exam, an attempt of the cycle passed. Does nothing when one is
 * already issued for the cycle or something is missing. Runs inside the caller's transaction.
 */
export async function issueCertificateIfEligible(tx: Tx, who: { userId: string; courseId: string }, now: Date) {
  const [course, completion, user, latest] = await Promise.all([
    tx.course.findUnique({ where: { id: who.courseId }, select: { title: true, classHours: true, exam: true, certificate: true } }),
    tx.courseCompletion.findUnique({ where: { userId_courseId: who } }),
    tx.user.findUnique({ where: { id: who.userId }, select: { name: true } }),
    latestCertificate(who.userId, who.courseId, tx),
  ]);
  if (!course || !completion || !user) return null;
  const cycle = certificationCycle(latest, now);
  if (latest && latest.cycle === cycle) return null; // this cycle's certificate exists
  const exam = course.exam ? examDefinitionSchema.safeParse(course.exam) : null;
  let attempt: { id: string; score: number | null } | null = null;
  if (exam?.success) {
    attempt = await tx.examAttempt.findFirst({ where: { ...who, cycle, passed: true }, orderBy: { score: "desc" }, select: { id: true, score: true } });
    if (!attempt) return null;
  }
  const definition = certificateDefinitionSchema.parse(course.certificate ?? {});
  for (let tries = 0; tries < 3; tries++) {
    try {
      return await tx.certificate.create({
        data: {
          code: newVerifyCode(),
          userId: who.userId,
          courseId: who.courseId,
          attemptId: attempt?.id ?? null,
          cycle,
          holderName: user.name,
          courseTitle: course.title,
          classHours: course.classHours,
          score: attempt?.score ?? null,
          issuer: definition.issuer,
          issuedAt: now,
          expiresAt: definition.validityMonths ? addMonths(now, definition.validityMonths) : null,
        },
        select: { id: true, code: true },
      });
    } catch (error) {
      // 80 random bits make a code collision practically impossible; retry rather than fail if it happens.
      // On PostgreSQL a failed statement aborts the transaction, so only SQLite can retry in place.
      if (prismaErrorCode(error) !== "P2002" || tries === 2) throw error;
    }
  }
  return null;
}

/** The public verify page: what the certificate says, the holder's name masked. Null when unknown. */
export async function verifyCertificate(input: string, now = new Date()) {
  const code = normaliseCode(input);
  if (!code) return null;
  const cert = await db.certificate.findUnique({
    where: { code },
    select: { code: true, holderName: true, courseTitle: true, classHours: true, issuer: true, issuedAt: true, expiresAt: true, revokedAt: true, revokedReason: true },
  });
  if (!cert) return null;
  return {
    code: cert.code,
    holder: maskName(cert.holderName),
    courseTitle: cert.courseTitle,
    classHours: cert.classHours,
    issuer: cert.issuer,
    issuedAt: cert.issuedAt,
    expiresAt: cert.expiresAt,
    status: certificateStatus(cert, now),
    revokedReason: cert.revokedAt ? cert.revokedReason : null,
  };
}

/** A certificate with what its PDF prints, for its holder, their enterprise's admin, regulators of the region, admins. */
export async function certificateForPdf(user: SessionUser, code: string) {
  const normalised = normaliseCode(code);
  if (!normalised) throw notFound();
  const cert = await db.certificate.findUnique({
    where: { code: normalised },
    include: { user: { select: { id: true, mobile: true, regionCode: true, enterprise: { select: { id: true, regionCode: true } } } } },
  });
  if (!cert) throw notFound();
  const own = cert.userId === user.id;
  const enterprise = cert.user.enterprise;
  if (!own && user.role !== "ADMIN" && !(enterprise && canAccessEnterprise(user, enterprise))) throw forbidden();
  // Issue 7: a course survey set as required holds the holder's download until it is answered.
  if (own && (await certificateHeldBySurvey(cert.userId, cert.courseId))) throw forbidden("errors.surveyRequiredForCertificate");
  const progress = await db.lessonProgress.aggregate({ where: { userId: cert.userId, courseId: cert.courseId }, _sum: { creditedSeconds: true } });
  const course = await db.course.findUniqueOrThrow({ where: { id: cert.courseId }, select: { minutesPerClassHour: true } });
  const credited = (progress._sum.creditedSeconds ?? 0) / (course.minutesPerClassHour * 60);
  return {
    code: cert.code,
    holderName: cert.holderName,
    idHint: maskMobile(cert.user.mobile),
    courseTitle: cert.courseTitle,
    classHours: cert.classHours,
    creditedHours: Math.floor(credited * 10) / 10,
    score: cert.score,
    issuer: cert.issuer,
    issuedAt: cert.issuedAt,
    expiresAt: cert.expiresAt,
    revoked: cert.revokedAt !== null,
  };
}

/** The learner's own certificates, newest first. */
export async function myCertificates(user: SessionUser, now = new Date()) {
  const rows = await db.certificate.findMany({
    where: { userId: user.id },
    orderBy: { issuedAt: "desc" },
    select: { code: true, courseId: true, courseTitle: true, classHours: true, score: true, issuer: true, issuedAt: true, expiresAt: true, revokedAt: true },
  });
  return rows.map((r) => ({ ...r, status: certificateStatus(r, now) }));
}

/**
 * Revokes a certificate (an administrator, with a reason), audited in the same transaction. Revoking
 * twice keeps the first record (and the first audit event).
 */
export async function revokeCertificate(user: SessionUser, input: { code: string; reason: string }, now = new Date()) {
  if (user.role !== "ADMIN") throw forbidden();
  const code = normaliseCode(input.code);
  if (!code) throw notFound();
  await db.$transaction(async (tx) => {
    const cert = await tx.certificate.findUnique({ where: { code }, select: { id: true, userId: true, courseTitle: true } });
    if (!cert) throw notFound();
    const done = await tx.certificate.updateMany({ where: { id: cert.id, revokedAt: null }, data: { revokedAt: now, revokedReason: input.reason, revokedById: user.id } });
    if (done.count === 0) return;
    await recordAudit(tx, {
      actor: user,
      action: "certificate.revoke",
      target: { type: "Certificate", id: cert.id },
      scope: { userId: cert.userId },
      // The reason is public already (the verify page shows it); the holder is not named here.
      detail: { code, course: cert.courseTitle, reason: input.reason },
    });
  });
  return { code };
}
