// The exam on the server: papers drawn and stored at the start, answers autosaved against the server's
// deadline, grading once (a conditional status update decides which request grades), overdue attempts
// graded on the answers saved in time. The browser gets stems and options only; keys and explanations
// leave the server only for the learner's own submitted attempt, when the course allows review.
import "server-only";
import { assignedCourse } from "@/features/learning/data";
import { courseProgress } from "@/features/learning/ledger";
import { issueCertificateIfEligible, latestCertificate } from "@/features/certificates/data";
import { db, type Tx } from "@/lib/db";
import { AppError, conflict, forbidden, notFound, prismaErrorCode, validation } from "@/lib/errors";
import type { SessionUser } from "@/lib/session";
import { examDefinitionSchema, paperFor, type ExamDefinition } from "./definition";
import { drawPaper, gradePaper, keyOf, PaperShortfall, certificationCycle, validChoice, type BankQuestion, type Choice, type PaperItem } from "./rules";

const TYPE: Record<string, PaperItem["type"]> = { SINGLE: "single", MULTIPLE: "multiple", TRUE_FALSE: "true_false" };

/** Focus-loss events kept per attempt at most (a page flipping visibility in a loop stops here). */
export const MAX_FOCUS_EVENTS = 500;

function examOf(raw: unknown): ExamDefinition | null {
  if (raw === null || raw === undefined) return null;
  const parsed = examDefinitionSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

const paperOf = (raw: unknown) => (Array.isArray(raw) ? (raw as PaperItem[]) : []);

// ---- Overdue attempts ------------------------------------------------------------------------------

/**
 * Grades attempts of these learners whose deadline has passed (answers saved before it count). Runs
 * wherever attempts are read, so an abandoned attempt shows its grade, not "in progress", to everyone.
 */
export async function settleOverdue(userIds: string | string[], now = new Date()) {
  const ids = Array.isArray(userIds) ? userIds : [userIds];
  const overdue = await db.examAttempt.findMany({ where: { userId: { in: ids }, status: "IN_PROGRESS", deadline: { lt: now } }, select: { id: true } });
  for (const a of overdue) await gradeAttempt(a.id, "DEADLINE", now);
}

// ---- Overview ----------------------------------------------------------------------------------------

export type ExamLock = "noExam" | "hours" | "attemptsUsed" | "passed" | "noPaper";

/**
 * Everything the exam page and the start decide on, loaded once: the assigned course with the learner's
 * lessons, the exam definition and the learner's paper, hours, certification cycle, attempts and lock.
 */
async function examState(user: SessionUser, courseId: string, now: Date) {
  const course = await assignedCourse(user, courseId);
  if (!course) throw notFound();
  await settleOverdue(user.id, now);
  const [row, progress, latest] = await Promise.all([
    db.course.findUniqueOrThrow({ where: { id: courseId }, select: { exam: true } }),
    courseProgress(user.id, course),
    latestCertificate(user.id, courseId),
  ]);
  const exam = examOf(row.exam);
  const cycle = certificationCycle(latest, now);
  const attempts = await db.examAttempt.findMany({
    where: { userId: user.id, courseId, cycle },
    orderBy: { number: "asc" },
    select: { id: true, number: true, status: true, startedAt: true, deadline: true, submittedAt: true, submittedBy: true, score: true, maxScore: true, passMark: true, passed: true },
  });
  const paper = exam ? paperFor(exam, user.positionCode) : null;
  const inProgress = attempts.find((a) => a.status === "IN_PROGRESS") ?? null;
  const hoursDone = progress.creditedSeconds >= course.classHours * course.minutesPerClassHour * 60;
  let lock: ExamLock | null = null;
  if (!exam) lock = "noExam";
  else if (!paper) lock = "noPaper";
  else if (!hoursDone) lock = "hours";
  else if (attempts.some((a) => a.passed)) lock = "passed";
  else if (!inProgress && attempts.length >= exam.attempts) lock = "attemptsUsed";
  return { course, exam, paper, progress, cycle, certificate: latest && latest.cycle === cycle ? latest : null, attempts, inProgress, lock };
}

/** The exam page: the rules, the learner's attempts in this cycle, whether a new attempt may start. */
export async function examOverview(user: SessionUser, courseId: string, now = new Date()) {
  const { course, exam, paper, progress, cycle, certificate, attempts, inProgress, lock } = await examState(user, courseId, now);
  return {
    course: { id: course.id, title: course.title, classHours: course.classHours },
    exam: exam && paper ? { timeLimitMinutes: exam.timeLimitMinutes, totalPoints: exam.totalPoints, passMark: exam.passMark, attempts: exam.attempts, questionCount: paper.sections.reduce((n, s) => n + (s.single?.count ?? 0) + (s.multiple?.count ?? 0) + (s.true_false?.count ?? 0), 0), review: exam.review } : null,
    hoursDone: progress.hoursDone,
    hoursRequired: course.classHours,
    completed: progress.completedAt !== null,
    cycle,
    attempts,
    inProgress,
    lock,
    certificate: certificate ? { code: certificate.code, issuedAt: certificate.issuedAt, expiresAt: certificate.expiresAt, revokedAt: certificate.revokedAt } : null,
  };
}

// ---- Start ---------------------------------------------------------------------------------------------

/**
 * Starts an attempt, or returns the one in progress (a double click or a second device resumes it).
 * The paper is drawn here and stored; the deadline is now + the time limit, by the server's clock.
 */
export async function startAttempt(user: SessionUser, courseId: string, now = new Date()): Promise<{ attemptId: string }> {
  const state = await examState(user, courseId, now);
  if (state.inProgress) return { attemptId: state.inProgress.id };
  if (state.lock) throw new AppError("CONFLICT", `exam.locked.${state.lock}`, undefined, { required: state.course.classHours, done: Math.floor(state.progress.hoursDone * 100) / 100 });
  const exam = state.exam!;
  const paperDef = state.paper!;
  const [questions, lessons] = await Promise.all([
    db.question.findMany({ where: { courseId, pool: "EXAM", archivedAt: null }, select: { id: true, type: true, lessonId: true, options: true } }),
    db.lesson.findMany({ where: { courseId, archivedAt: null }, select: { id: true, positions: true } }),
  ]);
  const uses = new Map((await db.questionUse.findMany({ where: { questionId: { in: questions.map((q) => q.id) } } })).map((u) => [u.questionId, u.drawn]));
  const bank: BankQuestion[] = questions.map((q) => ({
    id: q.id,
    type: TYPE[q.type]!,
    lessonId: q.lessonId,
    optionKeys: ((q.options as { key: string }[] | null) ?? []).map((o) => o.key),
    timesDrawn: uses.get(q.id) ?? 0,
  }));
  let paper: PaperItem[];
  try {
    paper = drawPaper(paperDef, bank, lessons.map((l) => ({ id: l.id, positions: (l.positions as string[]) ?? [] })), new Set(state.course.lessons.map((l) => l.id)));
  } catch (error) {
    // The content check prevents this; a bank can still shrink if questions are archived later.
    if (error instanceof PaperShortfall) throw conflict("exam.bankTooSmall");
    throw error;
  }
  const number = state.attempts.length + 1;
  try {
    const attempt = await db.$transaction(async (tx) => {
      const created = await tx.examAttempt.create({
        data: {
          userId: user.id,
          courseId,
          cycle: state.cycle,
          number,
          startedAt: now,
          deadline: new Date(now.getTime() + exam.timeLimitMinutes * 60_000),
          paper,
          maxScore: exam.totalPoints,
          passMark: exam.passMark,
        },
        select: { id: true },
      });
      await countDraws(tx, paper.map((p) => p.questionId));
      return created;
    });
    return { attemptId: attempt.id };
  } catch (error) {
    // Two starts at once: the unique (user, course, cycle, number) lets one through; resume that one.
    if (prismaErrorCode(error) !== "P2002") throw error;
    const existing = await db.examAttempt.findFirst({ where: { userId: user.id, courseId, cycle: state.cycle, status: "IN_PROGRESS" }, select: { id: true } });
    if (!existing) throw conflict();
    return { attemptId: existing.id };
  }
}

/** Adds one to each drawn question's use count (least-used first relies on it). */
async function countDraws(tx: Tx, ids: string[]) {
  const have = new Set((await tx.questionUse.findMany({ where: { questionId: { in: ids } }, select: { questionId: true } })).map((u) => u.questionId));
  const missing = ids.filter((id) => !have.has(id));
  if (missing.length > 0) await tx.questionUse.createMany({ data: missing.map((questionId) => ({ questionId, drawn: 1 })) });
  const existing = ids.filter((id) => have.has(id));
  if (existing.length > 0) await tx.questionUse.updateMany({ where: { questionId: { in: existing } }, data: { drawn: { increment: 1 } } });
}

// ---- The attempt page --------------------------------------------------------------------------------

async function ownAttempt(user: SessionUser, attemptId: string) {
  const attempt = await db.examAttempt.findUnique({ where: { id: attemptId } });
  if (!attempt) throw notFound();
  if (attempt.userId !== user.id) throw forbidden();
  return attempt;
}

/**
 * What the attempt page shows. In progress: the questions in paper order with their options in the
 * shuffled order, the saved choices, the deadline and the server's time; no key, no explanation.
 * Submitted: the score, and — when the course allows review — each question's key and explanation.
 */
export async function attemptView(user: SessionUser, attemptId: string, now = new Date()) {
  let attempt = await ownAttempt(user, attemptId);
  if (attempt.status === "IN_PROGRESS" && attempt.deadline.getTime() < now.getTime()) {
    await gradeAttempt(attempt.id, "DEADLINE", now);
    attempt = await ownAttempt(user, attemptId);
  }
  const paper = paperOf(attempt.paper);
  const submitted = attempt.status === "SUBMITTED";
  const course = await db.course.findUniqueOrThrow({ where: { id: attempt.courseId }, select: { id: true, title: true, exam: true } });
  const review = submitted && (examOf(course.exam)?.review ?? false);
  const [questions, answers] = await Promise.all([
    db.question.findMany({
      where: { id: { in: paper.map((p) => p.questionId) } },
      // The key and the explanation are selected only for a submitted attempt open to review.
      select: { id: true, stem: true, options: true, answer: review, explanation: review, basis: review },
    }),
    db.examAnswer.findMany({ where: { attemptId }, select: { questionId: true, chosen: true, correct: true } }),
  ]);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const chosen = new Map(answers.map((a) => [a.questionId, a]));
  return {
    id: attempt.id,
    course: { id: course.id, title: course.title },
    number: attempt.number,
    status: attempt.status,
    deadline: attempt.deadline.toISOString(),
    serverNow: now.toISOString(),
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    submittedBy: attempt.submittedBy,
    score: submitted ? attempt.score : null,
    maxScore: attempt.maxScore,
    passMark: attempt.passMark,
    passed: submitted ? attempt.passed : null,
    review,
    questions: paper.map((item, index) => {
      const q = byId.get(item.questionId);
      const texts = new Map(((q?.options as { key: string; text: string }[] | null) ?? []).map((o) => [o.key, o.text]));
      const saved = chosen.get(item.questionId);
      return {
        id: item.questionId,
        index,
        type: item.type,
        points: item.points,
        stem: q?.stem ?? "",
        options: item.options.map((key) => ({ key, text: texts.get(key) ?? "" })),
        chosen: (saved?.chosen as Choice | undefined) ?? [],
        ...(review && q
          ? { key: keyOf((q as { answer?: unknown }).answer), correct: saved?.correct ?? false, explanation: (q as { explanation?: string }).explanation ?? "", basis: (q as { basis?: string }).basis ?? "" }
          : {}),
      };
    }),
  };
}

// ---- Autosave ------------------------------------------------------------------------------------------

/**
 * Saves one answer. Refused once the attempt is submitted or its deadline has passed (the deadline is
 * the server's; an answer arriving after it is ignored and the attempt is graded on what was saved).
 */
export async function saveAnswer(user: SessionUser, input: { attemptId: string; questionId: string; chosen: Choice }, now = new Date()) {
  const attempt = await ownAttempt(user, input.attemptId);
  if (attempt.status !== "IN_PROGRESS") throw conflict("exam.alreadySubmitted");
  if (attempt.deadline.getTime() < now.getTime()) {
    await gradeAttempt(attempt.id, "DEADLINE", now);
    throw conflict("exam.timeUp");
  }
  const item = paperOf(attempt.paper).find((p) => p.questionId === input.questionId);
  if (!item) throw notFound();
  if (!validChoice(item, input.chosen)) throw validation({ chosen: ["exam.invalidChoice"] });
  await db.$transaction(async (tx) => {
    // Still in progress, under the attempt's row lock (PostgreSQL) or the write lock (SQLite): a submit
    // that got there first has already graded, and this answer must not slip in after it.
    const open = await tx.examAttempt.updateMany({ where: { id: attempt.id, status: "IN_PROGRESS", deadline: { gte: now } }, data: { status: "IN_PROGRESS" } });
    if (open.count === 0) throw conflict("exam.alreadySubmitted");
    await tx.examAnswer.upsert({
      where: { attemptId_questionId: { attemptId: attempt.id, questionId: input.questionId } },
      create: { attemptId: attempt.id, questionId: input.questionId, chosen: input.chosen, savedAt: now },
      update: { chosen: input.chosen, savedAt: now },
    });
  });
  return { savedAt: now.toISOString() };
}

// ---- Submit and grade ------------------------------------------------------------------------------------

/** The learner submits. Idempotent: a second submit (double click, retried request) returns the same grade. */
export async function submitAttempt(user: SessionUser, attemptId: string, now = new Date()) {
  const attempt = await ownAttempt(user, attemptId);
  if (attempt.status === "IN_PROGRESS") {
    // After the deadline the submit is the deadline's: graded on what was saved in time.
    await gradeAttempt(attempt.id, attempt.deadline.getTime() < now.getTime() ? "DEADLINE" : "LEARNER", now);
  }
  const done = await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { score: true, passed: true, maxScore: true, passMark: true, submittedBy: true } });
  return { score: done.score!, passed: done.passed!, maxScore: done.maxScore, passMark: done.passMark, submittedBy: done.submittedBy };
}

/**
 * Grades an attempt once. The status update IN_PROGRESS → SUBMITTED is conditional: of any number of
 * concurrent calls exactly one changes a row and grades; the others find it done and return.
 */
export async function gradeAttempt(attemptId: string, by: "LEARNER" | "DEADLINE", now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.examAttempt.updateMany({ where: { id: attemptId, status: "IN_PROGRESS" }, data: { status: "SUBMITTED", submittedAt: now, submittedBy: by } });
    if (claimed.count === 0) return false;
    const attempt = await tx.examAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    const paper = paperOf(attempt.paper);
    const [answers, questions] = await Promise.all([
      tx.examAnswer.findMany({ where: { attemptId, savedAt: { lte: attempt.deadline } }, select: { questionId: true, chosen: true } }),
      tx.question.findMany({ where: { id: { in: paper.map((p) => p.questionId) } }, select: { id: true, answer: true } }),
    ]);
    const graded = gradePaper(
      paper,
      new Map(answers.map((a) => [a.questionId, a.chosen as Choice])),
      new Map(questions.map((q) => [q.id, keyOf(q.answer)])),
      { passMark: attempt.passMark },
    );
    await tx.examAttempt.update({ where: { id: attemptId }, data: { score: graded.score, passed: graded.passed } });
    const right = graded.items.filter((i) => i.correct).map((i) => i.questionId);
    if (right.length > 0) await tx.examAnswer.updateMany({ where: { attemptId, questionId: { in: right } }, data: { correct: true } });
    await tx.examAnswer.updateMany({ where: { attemptId, questionId: { notIn: right } }, data: { correct: false } });
    if (graded.passed) await issueCertificateIfEligible(tx, { userId: attempt.userId, courseId: attempt.courseId }, now);
    return true;
  });
}

// ---- Focus loss ---------------------------------------------------------------------------------------------

/** Stores page-hidden and blur events of an attempt in progress (shown to admins beside the score). */
export async function recordFocusEvents(user: SessionUser, attemptId: string, events: { kind: "hidden" | "blur"; at: Date }[]) {
  const attempt = await ownAttempt(user, attemptId);
  if (attempt.status !== "IN_PROGRESS") return { stored: 0 };
  const have = await db.examFocusEvent.count({ where: { attemptId } });
  const room = Math.max(0, MAX_FOCUS_EVENTS - have);
  const rows = events.slice(0, room).map((e) => ({ attemptId, kind: e.kind, at: e.at }));
  if (rows.length > 0) await db.examFocusEvent.createMany({ data: rows });
  return { stored: rows.length };
}
