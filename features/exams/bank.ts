// What every start, attempt page and grading of a course's exam reads the same: the exam definition, the
// question bank (with keys, never sent to the browser from here) and the lessons' positions, kept in
// memory per course and reloaded when older than BANK_MAX_AGE_MS — a class starting its exam at once
// reads the bank once, not once per learner. A content sync reaches new papers within that time.
//
// Draw counts (least-used first) are kept here too: counted in memory at once, so the next start in this
// process already sees them (concurrent starts spread over the bank instead of all taking the same
// least-used questions), and written to QuestionUse in batches every DRAW_WRITE_MS — one short
// transaction for all the starts of that time, instead of every start incrementing the same rows inside
// its own transaction (hot rows that serialised all starts, and on PostgreSQL failed concurrent first
// draws with a unique violation).
import "server-only";
import { db } from "@/lib/db";
import { prismaErrorCode } from "@/lib/errors";
import { examDefinitionSchema, type ExamDefinition } from "./definition";
import { keyOf, type BankQuestion, type Choice, type LessonScope } from "./rules";

/** How long a course's bank, definition and draw counts are used before they are read again. */
export const BANK_MAX_AGE_MS = 2_000;

const TYPE: Record<string, BankQuestion["type"]> = { SINGLE: "single", MULTIPLE: "multiple", TRUE_FALSE: "true_false" };

export type BankEntry = BankQuestion & { stem: string; options: { key: string; text: string }[]; key: Choice };

export type ExamSource = {
  courseId: string;
  title: string;
  classHours: number;
  minutesPerClassHour: number;
  exam: ExamDefinition | null;
  /** The exam questions not archived, by id. */
  questions: Map<string, BankEntry>;
  lessons: LessonScope[];
  loadedAt: number;
};

type Slot = { source?: ExamSource; loading?: Promise<ExamSource> };
const slots = new Map<string, Slot>();

/** Draws counted in this process: the database's count when the source was loaded, plus ours since. */
const drawn = new Map<string, number>();

function examOf(raw: unknown): ExamDefinition | null {
  if (raw === null || raw === undefined) return null;
  const parsed = examDefinitionSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

async function load(courseId: string): Promise<ExamSource> {
  const loadedAt = Date.now();
  const [course, questions, lessons] = await Promise.all([
    db.course.findUnique({ where: { id: courseId }, select: { title: true, classHours: true, minutesPerClassHour: true, exam: true } }),
    db.question.findMany({ where: { courseId, pool: "EXAM", archivedAt: null }, select: { id: true, type: true, lessonId: true, stem: true, options: true, answer: true } }),
    db.lesson.findMany({ where: { courseId, archivedAt: null }, select: { id: true, positions: true } }),
  ]);
  const uses = questions.length > 0 ? await db.questionUse.findMany({ where: { questionId: { in: questions.map((q) => q.id) } } }) : [];
  for (const u of uses) drawn.set(u.questionId, Math.max(u.drawn + (pending.get(u.questionId) ?? 0), drawn.get(u.questionId) ?? 0));
  return {
    courseId,
    title: course?.title ?? "",
    classHours: course?.classHours ?? 0,
    minutesPerClassHour: course?.minutesPerClassHour ?? 0,
    exam: examOf(course?.exam),
    questions: new Map(
      questions.map((q) => {
        const options = (q.options as { key: string; text: string }[] | null) ?? [];
        return [q.id, { id: q.id, type: TYPE[q.type]!, lessonId: q.lessonId, optionKeys: options.map((o) => o.key), timesDrawn: 0, stem: q.stem, options, key: keyOf(q.answer) }];
      }),
    ),
    lessons: lessons.map((l) => ({ id: l.id, positions: (l.positions as string[]) ?? [] })),
    loadedAt,
  };
}

/** The course's exam source, from memory when it is fresh enough. */
export async function examSource(courseId: string): Promise<ExamSource> {
  let slot = slots.get(courseId);
  if (!slot) slots.set(courseId, (slot = {}));
  if (slot.source && Date.now() - slot.source.loadedAt < BANK_MAX_AGE_MS) return slot.source;
  if (!slot.loading) {
    const s = slot;
    s.loading = load(courseId).then(
      (source) => {
        s.source = source;
        s.loading = undefined;
        return source;
      },
      (error: unknown) => {
        s.loading = undefined;
        throw error;
      },
    );
  }
  return slot.loading!;
}

/** Forgets every course's source (tests that change the bank, content sync in this process). */
export function forgetExamSources() {
  slots.clear();
}

/** The bank as the draw sees it: no key, the draw counts as of now. */
export function drawBank(source: ExamSource): BankQuestion[] {
  return [...source.questions.values()].map((q) => ({ id: q.id, type: q.type, lessonId: q.lessonId, optionKeys: q.optionKeys, timesDrawn: drawn.get(q.id) ?? 0 }));
}

// ---- Draw counts: counted in memory, written in batches ------------------------------------------------

/** Draws are written to QuestionUse at most this often (one short transaction for all of them). */
export const DRAW_WRITE_MS = 250;

const pending = new Map<string, number>();
let timer: ReturnType<typeof setTimeout> | null = null;
let writing: Promise<void> | null = null;

/**
 * Counts one draw of each question: at once in memory (the next draw in this process sees it) and in the
 * database with the next batch, within DRAW_WRITE_MS. The start does not wait for it: a count lost to a
 * crash in between only spreads later draws a little less evenly; the attempt itself is stored already.
 */
export function countDraws(questionIds: string[]): void {
  for (const id of questionIds) {
    drawn.set(id, (drawn.get(id) ?? 0) + 1);
    pending.set(id, (pending.get(id) ?? 0) + 1);
  }
  timer ??= setTimeout(() => void writePending(), DRAW_WRITE_MS);
}

/** Resolves once every draw counted so far is in the database (tests; a graceful stop). */
export async function drawCountsWritten(): Promise<void> {
  while (pending.size > 0 || writing) {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    await (writing ?? writePending());
  }
}

function writePending(): Promise<void> {
  timer = null;
  if (writing) {
    // A batch is being written: this one follows it.
    timer ??= setTimeout(() => void writePending(), DRAW_WRITE_MS);
    return writing;
  }
  const batch = new Map(pending);
  pending.clear();
  writing = writeBatch(batch)
    .catch((error: unknown) => {
      // Another process created the same rows first (P2002): count these draws again in the next batch.
      if (prismaErrorCode(error) === "P2002") {
        for (const [id, n] of batch) pending.set(id, (pending.get(id) ?? 0) + n);
        timer ??= setTimeout(() => void writePending(), DRAW_WRITE_MS);
      } else console.error("[exams] draw counts not written", error);
    })
    .finally(() => {
      writing = null;
    });
  return writing;
}

async function writeBatch(batch: Map<string, number>) {
  if (batch.size === 0) return;
  const byIncrement = new Map<number, string[]>();
  for (const [id, n] of batch) (byIncrement.get(n) ?? byIncrement.set(n, []).get(n)!).push(id);
  await db.$transaction(async (tx) => {
    for (const [n, ids] of byIncrement) {
      const updated = await tx.questionUse.updateMany({ where: { questionId: { in: ids } }, data: { drawn: { increment: n } } });
      if (updated.count === ids.length) continue;
      // First draws of these questions: create their rows.
      const have = new Set((await tx.questionUse.findMany({ where: { questionId: { in: ids } }, select: { questionId: true } })).map((u) => u.questionId));
      const missing = ids.filter((id) => !have.has(id));
      if (missing.length > 0) await tx.questionUse.createMany({ data: missing.map((questionId) => ({ questionId, drawn: n })) });
    }
  }, { maxWait: 15_000, timeout: 15_000 });
}
