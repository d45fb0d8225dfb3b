// The class-hour ledger on the server: heartbeats in, credited seconds out, through the pure rules of
// crediting.ts. Each heartbeat is one transaction that first takes the learner's learning-clock row
// (a row lock on PostgreSQL; SQLite serialises writers), so two tabs cannot credit the same seconds.
import "server-only";
import { issueCertificateIfEligible } from "@/features/certificates/data";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { storableText } from "@/lib/identifiers";
import type { SessionUser } from "@/lib/session";
import { creditingConfig } from "./config";
import {
  classHours,
  courseComplete,
  creditHeartbeat,
  lessonComplete,
  type Checkpoint,
  type CreditNote,
  type LessonRule,
  type LessonState,
} from "./crediting";
import { assignedCourseIds, learnerLessonIds } from "./data";
import { heartbeatTransaction } from "./ledger-store";
import { lessonApplies } from "./rules";

export const heartbeatSchema = z.object({
  lessonId: z.string().min(1).max(80),
  /** A random id per page load. */
  tabId: z.string().min(8).max(64),
  seq: z.number().int().min(0).max(1_000_000),
  watchedSeconds: z.number().min(0).max(86_400),
  ageSeconds: z.number().min(0).max(30 * 86_400).default(0),
  position: z.number().min(0).max(86_400).default(0),
  visible: z.boolean(),
  active: z.boolean(),
});
export const heartbeatBatchSchema = storableText(z.object({ beats: z.array(heartbeatSchema).min(1).max(200) }));
export type HeartbeatInput = z.infer<typeof heartbeatSchema>;

export type HeartbeatOutcome = { seq: number; tabId: string; status: "credited" | "duplicate"; credited: number; notes: CreditNote[] };

const checkpointsOf = (json: unknown): Checkpoint[] => (Array.isArray(json) ? (json as Checkpoint[]) : []);
const passedOf = (json: unknown): string[] => (Array.isArray(json) ? (json as string[]) : []);

export function ruleOf(lesson: { kind: "VIDEO" | "READING"; durationSeconds: number | null; minReadingSeconds: number | null; checkpoints: unknown }): LessonRule {
  return lesson.kind === "VIDEO"
    ? { kind: "VIDEO", durationSeconds: lesson.durationSeconds ?? 0, checkpoints: checkpointsOf(lesson.checkpoints) }
    : { kind: "READING", minReadingSeconds: lesson.minReadingSeconds ?? 0 };
}

const lessonSelect = {
  id: true,
  courseId: true,
  kind: true,
  durationSeconds: true,
  minReadingSeconds: true,
  checkpoints: true,
  positions: true,
  archivedAt: true,
} as const;

/** The lesson, if it is in a course assigned to the learner; else Forbidden / NotFound. */
async function lessonForLearner(user: SessionUser, lessonId: string, assigned: Set<string>) {
  const lesson = await db.lesson.findUnique({ where: { id: lessonId }, select: lessonSelect });
  if (!lesson || lesson.archivedAt) throw notFound();
  if (!assigned.has(lesson.courseId) || !lessonApplies((lesson.positions as string[]) ?? [], user.positionCode)) throw forbidden();
  return lesson;
}

function stateOf(progress: { creditedSeconds: number; furthestSeconds: number; positionSeconds: number; checkpointsPassed: unknown } | null | undefined): LessonState {
  return progress
    ? { creditedSeconds: progress.creditedSeconds, furthestSeconds: progress.furthestSeconds, positionSeconds: progress.positionSeconds, checkpointsPassed: passedOf(progress.checkpointsPassed) }
    : { creditedSeconds: 0, furthestSeconds: 0, positionSeconds: 0, checkpointsPassed: [] };
}

/** Makes sure the learner has a clock row (epoch 0: nothing credited yet), so there is a row to lock. */
async function ensureClock(userId: string) {
  try {
    await db.learningClock.upsert({ where: { userId }, create: { userId, creditedUntil: new Date(0) }, update: {} });
  } catch (error) {
    // Two first heartbeats at once: the other request created it.
    if (!(await db.learningClock.findUnique({ where: { userId } }))) throw error;
  }
}

/** Takes the learner's clock row for the rest of the transaction and returns its value. */
async function lockClock(tx: Tx, userId: string): Promise<number> {
  // An update that changes nothing still takes the row lock on PostgreSQL.
  await tx.learningClock.updateMany({ where: { userId }, data: { userId } });
  const row = await tx.learningClock.findUniqueOrThrow({ where: { userId }, select: { creditedUntil: true } });
  return row.creditedUntil.getTime();
}

/** Records a course completion when every lesson meets its rule and the hours are reached. */
async function settleCourse(tx: Tx, user: SessionUser, courseId: string, now: Date) {
  const userId = user.id;
  const course = await tx.course.findUnique({ where: { id: courseId }, select: { classHours: true, minutesPerClassHour: true } });
  if (!course) return;
  const lessonIds = await learnerLessonIds(user.positionCode, courseId, tx);
  const progress = await tx.lessonProgress.findMany({ where: { userId, courseId }, select: { lessonId: true, creditedSeconds: true, completedAt: true } });
  const byLesson = new Map(progress.map((p) => [p.lessonId, p]));
  const done = courseComplete({
    lessonsComplete: lessonIds.map((id) => Boolean(byLesson.get(id)?.completedAt)),
    creditedSeconds: progress.reduce((sum, p) => sum + p.creditedSeconds, 0),
    classHours: course.classHours,
    minutesPerClassHour: course.minutesPerClassHour,
  });
  if (!done) return;
  const credited = progress.reduce((sum, p) => sum + p.creditedSeconds, 0);
  await tx.courseCompletion.upsert({
    where: { userId_courseId: { userId, courseId } },
    create: { userId, courseId, completedAt: now, creditedSeconds: credited },
    update: {},
  });
  // A course without an exam is certified on completion; one whose exam was passed first, now.
  await issueCertificateIfEligible(tx, { userId, courseId }, now);
}

// Assignment and lesson facts change only when content is synced or an enterprise's designation changes;
// a heartbeat arrives from every learner every 15 s. The heartbeat path keeps them for REFERENCE_TTL_MS
// per process (pages and every other write check them afresh), so a change reaches heartbeats within that.
const REFERENCE_TTL_MS = 30_000;
const REFERENCE_MAX_ENTRIES = 10_000;
type Cached<T> = { at: number; value: T };
const assignmentCache = new Map<string, Cached<Set<string>>>();
const lessonCache = new Map<string, Cached<LessonRow | null>>();
type LessonRow = { id: string; courseId: string; kind: "VIDEO" | "READING"; durationSeconds: number | null; minReadingSeconds: number | null; checkpoints: unknown; positions: unknown; archivedAt: Date | null };

async function cached<T>(cache: Map<string, Cached<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  const now = Date.now();
  if (hit && now - hit.at < REFERENCE_TTL_MS) return hit.value;
  const value = await load();
  if (cache.size >= REFERENCE_MAX_ENTRIES) cache.clear();
  cache.set(key, { at: now, value });
  return value;
}

/** The learner's assigned courses, as the heartbeat path sees them (the same for everyone with this profile). */
const heartbeatAssignment = (user: SessionUser) =>
  cached(assignmentCache, `${user.enterpriseId ?? ""}|${user.schoolId ? "school" : ""}|${user.positionCode ?? ""}`, () => assignedCourseIds(user));

/** The lesson if the learner may learn it now; else Forbidden / NotFound. */
async function heartbeatLesson(user: SessionUser, lessonId: string, assigned: Set<string>) {
  const lesson = await cached(lessonCache, lessonId, () => db.lesson.findUnique({ where: { id: lessonId }, select: lessonSelect }));
  if (!lesson || lesson.archivedAt) throw notFound();
  if (!assigned.has(lesson.courseId) || !lessonApplies((lesson.positions as string[]) ?? [], user.positionCode)) throw forbidden();
  return lesson;
}

/** The lesson's figures after a heartbeat, for the page. */
export type LessonTotals = { creditedSeconds: number; furthestSeconds: number; completed: boolean };

/**
 * Credits a batch of heartbeats, in the order given, each in its own transaction. A heartbeat already
 * recorded (same tab and sequence number) is reported as a duplicate and credits nothing. Returns each
 * heartbeat's outcome and every lesson's figures after the batch.
 *
 * The common case runs at the database driver (ledger-store.ts). A heartbeat that completes its lesson
 * takes the Prisma transaction below instead, which also settles the course and its certificate.
 */
export async function recordHeartbeatBatch(
  user: SessionUser,
  beats: HeartbeatInput[],
  now = () => new Date(),
): Promise<{ outcomes: HeartbeatOutcome[]; lessons: Record<string, LessonTotals> }> {
  const config = creditingConfig();
  const assigned = await heartbeatAssignment(user);
  const lessons = new Map<string, LessonRow>();
  for (const id of new Set(beats.map((b) => b.lessonId))) lessons.set(id, await heartbeatLesson(user, id, assigned));

  const outcomes: HeartbeatOutcome[] = [];
  const totals: Record<string, LessonTotals> = {};
  for (const beat of beats) {
    const lesson = lessons.get(beat.lessonId)!;
    const rule = ruleOf(lesson);
    const fast = await heartbeatTransaction<{ outcome: HeartbeatOutcome; totals: LessonTotals } | null>({ userId: user.id, lessonId: lesson.id, courseId: lesson.courseId, tabId: beat.tabId, seq: beat.seq }, (stored) => {
      const state = stateOf(stored.progress);
      if (stored.seen) {
        const current = { creditedSeconds: state.creditedSeconds, furthestSeconds: state.furthestSeconds, completed: stored.progress?.completed ?? false };
        return { write: null, result: { outcome: { seq: beat.seq, tabId: beat.tabId, status: "duplicate" as const, credited: 0, notes: [] }, totals: current } };
      }
      const at = now();
      const result = creditHeartbeat({ clock: stored.clock, now: at.getTime(), state, beat, rule, config });
      // Completing the lesson settles the course too: that one goes through the transaction below.
      if (!stored.progress?.completed && lessonComplete(rule, result.state, config)) return { write: null, result: null };
      return {
        write: {
          at,
          position: beat.position,
          claimedSeconds: beat.watchedSeconds,
          creditedSeconds: result.credited,
          notes: result.notes.join(","),
          clock: result.clock,
          progress: { creditedSeconds: result.state.creditedSeconds, furthestSeconds: result.state.furthestSeconds, positionSeconds: result.state.positionSeconds },
        },
        result: {
          outcome: { seq: beat.seq, tabId: beat.tabId, status: "credited" as const, credited: result.credited, notes: result.notes },
          totals: { creditedSeconds: result.state.creditedSeconds, furthestSeconds: result.state.furthestSeconds, completed: stored.progress?.completed ?? false },
        },
      };
    });
    const done = fast ?? (await creditInPrismaTransaction(user, lesson, beat, config, now));
    outcomes.push(done.outcome);
    totals[lesson.id] = done.totals;
  }
  return { outcomes, lessons: totals };
}

/** Credits a batch of heartbeats (see recordHeartbeatBatch) and returns their outcomes. */
export async function recordHeartbeats(user: SessionUser, beats: HeartbeatInput[], now = () => new Date()): Promise<HeartbeatOutcome[]> {
  return (await recordHeartbeatBatch(user, beats, now)).outcomes;
}

/** One heartbeat in a Prisma transaction: the path of a heartbeat that completes its lesson. */
async function creditInPrismaTransaction(user: SessionUser, lesson: LessonRow, beat: HeartbeatInput, config: ReturnType<typeof creditingConfig>, now: () => Date) {
  const rule = ruleOf(lesson);
  await ensureClock(user.id);
  return db.$transaction(async (tx) => {
    const clock = await lockClock(tx, user.id);
    const progress = await tx.lessonProgress.findUnique({ where: { userId_lessonId: { userId: user.id, lessonId: lesson.id } } });
    const state = stateOf(progress);
    const seen = await tx.heartbeat.findUnique({ where: { userId_tabId_seq: { userId: user.id, tabId: beat.tabId, seq: beat.seq } }, select: { id: true } });
    if (seen) {
      return {
        outcome: { seq: beat.seq, tabId: beat.tabId, status: "duplicate" as const, credited: 0, notes: [] },
        totals: { creditedSeconds: state.creditedSeconds, furthestSeconds: state.furthestSeconds, completed: progress?.completedAt != null },
      };
    }

    const at = now();
    const result = creditHeartbeat({ clock, now: at.getTime(), state, beat, rule, config });

    await tx.heartbeat.create({
      data: {
        userId: user.id,
        lessonId: lesson.id,
        tabId: beat.tabId,
        seq: beat.seq,
        position: beat.position,
        claimedSeconds: beat.watchedSeconds,
        creditedSeconds: result.credited,
        notes: result.notes.join(","),
      },
    });
    await tx.learningClock.update({ where: { userId: user.id }, data: { creditedUntil: new Date(result.clock) } });
    const completedNow = !progress?.completedAt && lessonComplete(rule, result.state, config);
    const data = {
      creditedSeconds: result.state.creditedSeconds,
      furthestSeconds: result.state.furthestSeconds,
      positionSeconds: result.state.positionSeconds,
      ...(completedNow ? { completedAt: at } : {}),
    };
    await tx.lessonProgress.upsert({
      where: { userId_lessonId: { userId: user.id, lessonId: lesson.id } },
      create: { userId: user.id, lessonId: lesson.id, courseId: lesson.courseId, checkpointsPassed: [], ...data },
      update: data,
    });
    if (completedNow) await settleCourse(tx, user, lesson.courseId, at);
    return {
      outcome: { seq: beat.seq, tabId: beat.tabId, status: "credited" as const, credited: result.credited, notes: result.notes },
      totals: { creditedSeconds: result.state.creditedSeconds, furthestSeconds: result.state.furthestSeconds, completed: completedNow || progress?.completedAt != null },
    };
  });
}

/** Marks a check point passed when the answer is right. The answer key stays here. */
export async function answerCheckpoint(user: SessionUser, input: { lessonId: string; checkpointId: string; chosen: string[] }, now = new Date()) {
  const assigned = await assignedCourseIds(user);
  const lesson = await lessonForLearner(user, input.lessonId, assigned);
  const checkpoint = checkpointsOf(lesson.checkpoints).find((cp) => cp.id === input.checkpointId);
  if (!checkpoint) throw notFound();
  const question = await db.question.findUnique({ where: { id: checkpoint.questionId }, select: { answer: true, explanation: true } });
  if (!question) throw notFound();
  const key = [...(question.answer as string[])].sort();
  const correct = key.length === input.chosen.length && [...input.chosen].sort().every((k, i) => k === key[i]);
  if (!correct) return { correct: false as const };
  await db.$transaction(async (tx) => {
    const progress = await tx.lessonProgress.findUnique({ where: { userId_lessonId: { userId: user.id, lessonId: lesson.id } } });
    const passed = new Set(passedOf(progress?.checkpointsPassed));
    passed.add(checkpoint.id);
    const state = { ...stateOf(progress), checkpointsPassed: [...passed] };
    const completedNow = !progress?.completedAt && lessonComplete(ruleOf(lesson), state, creditingConfig());
    await tx.lessonProgress.upsert({
      where: { userId_lessonId: { userId: user.id, lessonId: lesson.id } },
      create: { userId: user.id, lessonId: lesson.id, courseId: lesson.courseId, checkpointsPassed: [...passed], ...(completedNow ? { completedAt: now } : {}) },
      update: { checkpointsPassed: [...passed], ...(completedNow ? { completedAt: now } : {}) },
    });
    if (completedNow) await settleCourse(tx, user, lesson.courseId, now);
  });
  return { correct: true as const, explanation: question.explanation };
}

/** The learner's progress in one course: per lesson state and the course's hours. */
export async function courseProgress(userId: string, course: { id: string; classHours: number; minutesPerClassHour: number }) {
  const [progress, completion] = await Promise.all([
    db.lessonProgress.findMany({ where: { userId, courseId: course.id } }),
    db.courseCompletion.findUnique({ where: { userId_courseId: { userId, courseId: course.id } } }),
  ]);
  const creditedSeconds = progress.reduce((sum, p) => sum + p.creditedSeconds, 0);
  return {
    byLesson: new Map(progress.map((p) => [p.lessonId, p])),
    creditedSeconds,
    hoursDone: classHours(creditedSeconds, course.minutesPerClassHour),
    hoursRequired: course.classHours,
    completedAt: completion?.completedAt ?? null,
  };
}

/**
 * Saves a practice quiz attempt, graded here from the learner's choices (the quiz in the browser has
 * the practice key, which is harmless; what is stored is the server's grading). Never an exam.
 */
export async function saveQuizAttempt(user: SessionUser, input: { lessonId: string; answers: { questionId: string; chosen: number[] }[] }) {
  const assigned = await assignedCourseIds(user);
  const lesson = await lessonForLearner(user, input.lessonId, assigned);
  const questions = await db.question.findMany({
    where: { id: { in: input.answers.map((a) => a.questionId) }, lessonId: lesson.id, pool: "PRACTICE", archivedAt: null },
    select: { id: true, options: true, answer: true },
  });
  const byId = new Map(questions.map((q) => [q.id, q]));
  if (questions.length !== new Set(input.answers.map((a) => a.questionId)).size) throw notFound();
  const graded = input.answers.map((a) => {
    const q = byId.get(a.questionId)!;
    const options = q.options as { key: string }[];
    const chosen = a.chosen.map((i) => options[i - 1]?.key).filter((k): k is string => Boolean(k)).sort();
    const key = [...(q.answer as string[])].sort();
    return { questionId: q.id, chosen, correct: chosen.length === key.length && chosen.every((k, i) => k === key[i]) };
  });
  const correct = graded.filter((g) => g.correct).length;
  const attempt = await db.quizAttempt.create({
    data: { userId: user.id, lessonId: lesson.id, courseId: lesson.courseId, correct, total: graded.length, answers: graded },
    select: { id: true, correct: true, total: true, createdAt: true },
  });
  return attempt;
}

/** The practice questions of a lesson in the quiz component's format (practice only). */
export async function practiceQuizOf(lessonId: string) {
  const questions = await db.question.findMany({
    where: { lessonId, pool: "PRACTICE", archivedAt: null },
    orderBy: { id: "asc" },
    select: { id: true, type: true, stem: true, options: true, answer: true, explanation: true },
  });
  return questions.map((q) => {
    const options = q.options as { key: string; text: string }[];
    const key = q.answer as string[];
    const indexes = key.map((k) => options.findIndex((o) => o.key === k) + 1);
    return {
      id: q.id,
      multiple: q.type === "MULTIPLE",
      stem: q.stem,
      answers: options.map((o) => o.text),
      correct: indexes,
      explanation: q.explanation,
    };
  });
}
