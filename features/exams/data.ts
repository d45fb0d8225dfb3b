// The exam on the server: papers drawn and stored at the start, answers autosaved against the server's
// deadline, grading once (a conditional status update decides which request grades), overdue attempts
// graded on the answers saved in time. The browser gets stems and options only; keys and explanations
// leave the server only for the learner's own submitted attempt, when the course allows review.
// The bank, the definition and the draw counts come from ./bank (read once per course every 2 s), so a
// class starting at once does not read the whole bank per learner nor queue on the same counter rows.
import "server-only";
import { assignedCourses } from "@/features/learning/data";
import { lessonApplies } from "@/features/learning/rules";
import { courseProgress } from "@/features/learning/ledger";
import { issueCertificateIfEligible, latestCertificate } from "@/features/certificates/data";
import { db } from "@/lib/db";
import { AppError, conflict, forbidden, notFound, prismaErrorCode, validation } from "@/lib/errors";
import type { SessionUser } from "@/lib/session";
import { countDraws, drawBank, examSource, type ExamSource } from "./bank";
import { paperFor, type ExamDefinition, type ExamPaper } from "./definition";
import { drawPaper, gradePaper, keyOf, PaperShortfall, certificationCycle, validChoice, type Choice, type PaperItem } from "./rules";

/** Focus-loss events kept per attempt at most (a page flipping visibility in a loop stops here). */
export const MAX_FOCUS_EVENTS = 500;

const paperOf = (raw: unknown) => (Array.isArray(raw) ? (raw as PaperItem[]) : []);

/**
 * Transactions of the exam wait their turn longer than Prisma's defaults (2 s to start, 5 s to run): when
 * a whole class starts or submits at once, a learner's start or submit should be slow, not fail
 * (PostgreSQL: the pool's connections; SQLite: the process's write lock).
 */
export const EXAM_TX = { maxWait: 15_000, timeout: 15_000 } as const;

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
async function examState(user: SessionUser, courseId: string, now: Date, settled = false): Promise<ExamState> {
  // The course's lessons and bank come from ./bank: only the assignment and the learner's own rows are read.
  const course = (await assignedCourses(user)).find((c) => c.id === courseId);
  if (!course) throw notFound(); // (before ./bank is asked: it keeps what it loads, per course id)
  const [source, progress, latest, all] = await Promise.all([
    examSource(courseId),
    courseProgress(user.id, course),
    latestCertificate(user.id, courseId),
    db.examAttempt.findMany({
      where: { userId: user.id, courseId },
      orderBy: { number: "asc" },
      select: { id: true, cycle: true, number: true, status: true, startedAt: true, deadline: true, submittedAt: true, submittedBy: true, score: true, maxScore: true, passMark: true, passed: true },
    }),
  ]);
  // An attempt of this course past its deadline is graded first (on what was saved in time); a pass
  // may issue a certificate and so change the cycle: read again.
  const overdue = all.filter((a) => a.status === "IN_PROGRESS" && a.deadline.getTime() < now.getTime());
  if (overdue.length > 0 && !settled) {
    for (const a of overdue) await gradeAttempt(a.id, "DEADLINE", now);
    return examState(user, courseId, now, true);
  }
  const exam = source.exam;
  const cycle = certificationCycle(latest, now);
  const attempts = all.filter((a) => a.cycle === cycle).map(({ cycle: _cycle, ...a }) => a);
  const learnerLessons = new Set(source.lessons.filter((l) => lessonApplies(l.positions, user.positionCode)).map((l) => l.id));
  const paper = exam ? paperFor(exam, user.positionCode) : null;
  const inProgress = attempts.find((a) => a.status === "IN_PROGRESS") ?? null;
  const hoursDone = progress.creditedSeconds >= course.classHours * course.minutesPerClassHour * 60;
  let lock: ExamLock | null = null;
  if (!exam) lock = "noExam";
  else if (!paper) lock = "noPaper";
  else if (!hoursDone) lock = "hours";
  else if (attempts.some((a) => a.passed)) lock = "passed";
  else if (!inProgress && attempts.length >= exam.attempts) lock = "attemptsUsed";
  return { course, source, learnerLessons, exam, paper, progress, cycle, certificate: latest && latest.cycle === cycle ? latest : null, attempts, inProgress, lock };
}

type AttemptRow = {
  id: string;
  number: number;
  status: "IN_PROGRESS" | "SUBMITTED";
  startedAt: Date;
  deadline: Date;
  submittedAt: Date | null;
  submittedBy: string | null;
  score: number | null;
  maxScore: number;
  passMark: number;
  passed: boolean | null;
};

type ExamState = {
  course: Awaited<ReturnType<typeof assignedCourses>>[number];
  source: ExamSource;
  learnerLessons: Set<string>;
  exam: ExamDefinition | null;
  paper: ExamPaper | null;
  progress: Awaited<ReturnType<typeof courseProgress>>;
  cycle: number;
  certificate: Awaited<ReturnType<typeof latestCertificate>>;
  attempts: AttemptRow[];
  inProgress: AttemptRow | null;
  lock: ExamLock | null;
};

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
  let paper: PaperItem[];
  try {
    paper = drawPaper(paperDef, drawBank(state.source), state.source.lessons, state.learnerLessons);
  } catch (error) {
    // The content check prevents this; a bank can still shrink if questions are archived later.
    if (error instanceof PaperShortfall) throw conflict("exam.bankTooSmall");
    throw error;
  }
  // Counted in memory now, before any await: the next start in this process draws with these counts.
  countDraws(paper.map((p) => p.questionId));
  const number = state.attempts.length + 1;
  let attemptId: string;
  try {
    // One insert in a transaction of its own (on SQLite the transaction takes the process's write lock:
    // lib/db/sqlite-lock.ts). The draw counts are written apart, in batches (./bank).
    const created = await db.$transaction((tx) =>
      tx.examAttempt.create({
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
      }),
      EXAM_TX,
    );
    attemptId = created.id;
  } catch (error) {
    // Two starts at once: the unique (user, course, cycle, number) lets one through; resume that one.
    if (prismaErrorCode(error) !== "P2002") throw error;
    const existing = await db.examAttempt.findFirst({ where: { userId: user.id, courseId, cycle: state.cycle, status: "IN_PROGRESS" }, select: { id: true } });
    if (!existing) throw conflict();
    return { attemptId: existing.id };
  }
  return { attemptId };
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
    await gradeOnce(attempt, "DEADLINE", now);
    attempt = await ownAttempt(user, attemptId);
  }
  const paper = paperOf(attempt.paper);
  const submitted = attempt.status === "SUBMITTED";
  const source = await examSource(attempt.courseId);
  const course = { id: attempt.courseId, title: source.title };
  const review = submitted && (source.exam?.review ?? false);
  // In progress: stems and options from the bank in memory (questions archived since are read). The key
  // and the explanation are read only for a submitted attempt open to review.
  const fromBank = review ? [] : paper.flatMap((p) => source.questions.get(p.questionId) ?? []).map((q) => ({ id: q.id, stem: q.stem, options: q.options }));
  const missing = paper.filter((p) => review || !source.questions.has(p.questionId)).map((p) => p.questionId);
  const [read, answers] = await Promise.all([
    missing.length > 0
      ? db.question.findMany({ where: { id: { in: missing } }, select: { id: true, stem: true, options: true, answer: review, explanation: review, basis: review } })
      : [],
    db.examAnswer.findMany({ where: { attemptId }, select: { questionId: true, chosen: true, correct: true } }),
  ]);
  const questions = [...fromBank, ...read];
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
    await gradeOnce(attempt, "DEADLINE", now);
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
  }, EXAM_TX);
  return { savedAt: now.toISOString() };
}

// ---- Submit and grade ------------------------------------------------------------------------------------

/** The learner submits. Idempotent: a second submit (double click, retried request) returns the same grade. */
export async function submitAttempt(user: SessionUser, attemptId: string, now = new Date()) {
  const attempt = await ownAttempt(user, attemptId);
  if (attempt.status === "IN_PROGRESS") {
    // After the deadline the submit is the deadline's: graded on what was saved in time.
    const by = attempt.deadline.getTime() < now.getTime() ? "DEADLINE" : "LEARNER";
    const graded = await gradeOnce(attempt, by, now);
    if (graded) return { score: graded.score, passed: graded.passed, maxScore: attempt.maxScore, passMark: attempt.passMark, submittedBy: by };
  }
  const done = await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { score: true, passed: true, maxScore: true, passMark: true, submittedBy: true } });
  return { score: done.score!, passed: done.passed!, maxScore: done.maxScore, passMark: done.passMark, submittedBy: done.submittedBy };
}

/**
 * Grades an attempt once. The status update IN_PROGRESS → SUBMITTED is conditional: of any number of
 * concurrent calls exactly one changes a row and grades; the others find it done and return.
 */
export async function gradeAttempt(attemptId: string, by: "LEARNER" | "DEADLINE", now = new Date()): Promise<boolean> {
  const attempt = await db.examAttempt.findUnique({ where: { id: attemptId }, select: { id: true, userId: true, courseId: true, paper: true, deadline: true, passMark: true } });
  return attempt !== null && (await gradeOnce(attempt, by, now)) !== null;
}

type Gradable = { id: string; userId: string; courseId: string; paper: unknown; deadline: Date; passMark: number };

/**
 * gradeAttempt on an attempt already read (what is used here never changes after the start). Returns the
 * grade when this call graded, null when another had. The answers are read after the claim, in the same
 * transaction: a save either committed before it (and counts) or finds the attempt submitted.
 */
async function gradeOnce(attempt: Gradable, by: "LEARNER" | "DEADLINE", now: Date): Promise<{ score: number; passed: boolean } | null> {
  // Calls for an attempt this process is grading wait for it instead of queueing transactions that
  // would only find it graded (a double click, a retried request, the deadline and the learner at once).
  const running = grading.get(attempt.id);
  if (running) {
    // Graded by that call; if it failed, this one tries.
    return (await running.then(() => true, () => false)) ? null : gradeOnce(attempt, by, now);
  }
  const work = gradeInTransaction(attempt, by, now);
  grading.set(attempt.id, work);
  try {
    return await work;
  } finally {
    grading.delete(attempt.id);
  }
}
const grading = new Map<string, Promise<{ score: number; passed: boolean } | null>>();

async function gradeInTransaction(attempt: Gradable, by: "LEARNER" | "DEADLINE", now: Date): Promise<{ score: number; passed: boolean } | null> {
  const paper = paperOf(attempt.paper);
  const source = await examSource(attempt.courseId);
  // Keys from the bank in memory; a question archived since the draw is read.
  const keys = new Map<string, Choice>();
  for (const p of paper) {
    const q = source.questions.get(p.questionId);
    if (q) keys.set(p.questionId, q.key);
  }
  const unknown = paper.filter((p) => !keys.has(p.questionId)).map((p) => p.questionId);
  if (unknown.length > 0) for (const q of await db.question.findMany({ where: { id: { in: unknown } }, select: { id: true, answer: true } })) keys.set(q.id, keyOf(q.answer));
  return db.$transaction(async (tx) => {
    const claimed = await tx.examAttempt.updateMany({ where: { id: attempt.id, status: "IN_PROGRESS" }, data: { status: "SUBMITTED", submittedAt: now, submittedBy: by } });
    if (claimed.count === 0) return null;
    const answers = await tx.examAnswer.findMany({ where: { attemptId: attempt.id }, select: { questionId: true, chosen: true, savedAt: true } });
    const inTime = answers.filter((a) => a.savedAt.getTime() <= attempt.deadline.getTime());
    const graded = gradePaper(paper, new Map(inTime.map((a) => [a.questionId, a.chosen as Choice])), keys, { passMark: attempt.passMark });
    await tx.examAttempt.update({ where: { id: attempt.id }, data: { score: graded.score, passed: graded.passed }, select: { id: true } });
    // Mark each stored answer right or wrong (the review shows it): one update per mark that occurs.
    const right = graded.items.filter((i) => i.correct).map((i) => i.questionId);
    if (right.length > 0) await tx.examAnswer.updateMany({ where: { attemptId: attempt.id, questionId: { in: right } }, data: { correct: true } });
    if (answers.length > right.length) await tx.examAnswer.updateMany({ where: { attemptId: attempt.id, questionId: { notIn: right } }, data: { correct: false } });
    if (graded.passed) await issueCertificateIfEligible(tx, { userId: attempt.userId, courseId: attempt.courseId }, now);
    return { score: graded.score, passed: graded.passed };
  }, EXAM_TX);
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
