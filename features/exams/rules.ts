// The exam's rules as pure functions: which questions a paper section draws from, the draw itself
// (least-used first, no repeats, options shuffled; Moodle's random-question behaviour), grading
// (multiple choice all-or-nothing), and the certificate's masked name and validity.
import type { ExamDefinition, ExamPaper, ExamSection } from "./definition";

export const QUESTION_TYPES = ["single", "multiple", "true_false"] as const;
export type QuestionTypeName = (typeof QUESTION_TYPES)[number];

/** A question of the bank as the draw sees it (no key). */
export type BankQuestion = { id: string; type: QuestionTypeName; lessonId: string | null; optionKeys: string[]; timesDrawn: number };
export type LessonScope = { id: string; positions: string[] };

/** One question of a drawn paper, fixed at the start of the attempt. */
export type PaperItem = { questionId: string; type: QuestionTypeName; points: number; options: string[]; section: number };

/** A learner's choice: option keys for choice questions, ["T"] or ["F"] for true/false (as keys are stored). */
export type Choice = string[];

/** The questions a section may draw, for a learner whose lessons are `learnerLessons`. */
export function sectionPool(section: ExamSection, paper: ExamPaper, bank: BankQuestion[], lessons: LessonScope[], learnerLessons: ReadonlySet<string>): BankQuestion[] {
  const byId = new Map(lessons.map((l) => [l.id, l]));
  return bank.filter((q) => {
    const lesson = q.lessonId ? byId.get(q.lessonId) : undefined;
    if (q.lessonId && !lesson) return false; // a question on an archived lesson
    if (section.lessons && (!q.lessonId || !section.lessons.includes(q.lessonId))) return false;
    const onPath = !lesson || learnerLessons.has(lesson.id);
    if (!onPath) return false;
    if (section.from === "core") return !lesson || lesson.positions.length === 0;
    if (section.from === "module") return Boolean(lesson && lesson.positions.some((p) => paper.positions.includes(p)));
    return true;
  });
}

/** Fisher–Yates with an injected random source (tests pass a seeded one). */
export function shuffle<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Least-used first: the fewest-drawn questions, random among equals. */
function leastUsed(pool: BankQuestion[], count: number, random: () => number): BankQuestion[] {
  return shuffle(pool, random)
    .sort((a, b) => a.timesDrawn - b.timesDrawn) // stable: the shuffle breaks ties
    .slice(0, count);
}

export class PaperShortfall extends Error {
  constructor(readonly section: number, readonly type: QuestionTypeName, readonly wanted: number, readonly available: number) {
    super(`section ${section + 1} wants ${wanted} ${type} question(s) and its bank has ${available}`);
  }
}

/**
 * Draws a paper: per section and type, `count` questions least-used first, never one twice in the
 * attempt; questions shuffled within their section and choice options shuffled.
 */
export function drawPaper(paper: ExamPaper, bank: BankQuestion[], lessons: LessonScope[], learnerLessons: ReadonlySet<string>, random: () => number = Math.random): PaperItem[] {
  const taken = new Set<string>();
  const items: PaperItem[] = [];
  paper.sections.forEach((section, index) => {
    const pool = sectionPool(section, paper, bank, lessons, learnerLessons).filter((q) => !taken.has(q.id));
    const picked: PaperItem[] = [];
    for (const type of QUESTION_TYPES) {
      const rule = section[type];
      if (!rule || rule.count === 0) continue;
      const candidates = pool.filter((q) => q.type === type);
      if (candidates.length < rule.count) throw new PaperShortfall(index, type, rule.count, candidates.length);
      for (const q of leastUsed(candidates, rule.count, random)) {
        taken.add(q.id);
        picked.push({ questionId: q.id, type, points: rule.points, options: type === "true_false" ? [] : shuffle(q.optionKeys, random), section: index });
      }
    }
    items.push(...shuffle(picked, random));
  });
  return items;
}

/** Problems of a paper against a bank, for the content check: every section can be drawn in full. */
export function paperShortfalls(paper: ExamPaper, bank: BankQuestion[], lessons: LessonScope[]): string[] {
  const positions = paper.positions.length > 0 ? paper.positions : [null];
  const problems: string[] = [];
  for (const position of positions) {
    const learnerLessons = new Set(lessons.filter((l) => l.positions.length === 0 || (position !== null && l.positions.includes(position))).map((l) => l.id));
    try {
      drawPaper(paper, bank, lessons, learnerLessons, () => 0.5);
    } catch (error) {
      if (!(error instanceof PaperShortfall)) throw error;
      problems.push(`${position ? `the ${position} paper: ` : ""}${error.message}`);
    }
  }
  return problems;
}

/** The key as stored (option keys; true/false as ["T"] / ["F"]); a bare boolean is read the same way. */
export function keyOf(answer: unknown): Choice {
  if (typeof answer === "boolean") return [answer ? "T" : "F"];
  return Array.isArray(answer) ? answer.filter((x): x is string => typeof x === "string") : [];
}

/** Right when the chosen set equals the key's set (multiple choice: all-or-nothing). */
export function isCorrect(chosen: Choice | undefined, key: Choice): boolean {
  if (!chosen || chosen.length === 0) return false;
  const a = new Set(chosen);
  const b = new Set(key);
  return a.size === b.size && [...a].every((x) => b.has(x));
}

export type GradedItem = { questionId: string; correct: boolean; points: number; earned: number };

/** Grades a paper from the stored choices and keys: unanswered questions earn nothing. */
export function gradePaper(paper: PaperItem[], choices: ReadonlyMap<string, Choice>, keys: ReadonlyMap<string, Choice>, exam: Pick<ExamDefinition, "passMark">) {
  const items: GradedItem[] = paper.map((item) => {
    const correct = isCorrect(choices.get(item.questionId), keys.get(item.questionId) ?? []);
    return { questionId: item.questionId, correct, points: item.points, earned: correct ? item.points : 0 };
  });
  // Points may be fractional (e.g. 2.5); round the sum to 2 places so 80 reads as 80, not 79.99999.
  const score = Math.round(items.reduce((sum, i) => sum + i.earned, 0) * 100) / 100;
  return { items, score, passed: score >= exam.passMark };
}

/** A chosen value is acceptable for the question: known option keys, one for single, T or F for true/false. */
export function validChoice(item: Pick<PaperItem, "type" | "options">, chosen: Choice): boolean {
  if (chosen.length === 0) return true; // clearing an answer
  if (item.type === "true_false") return chosen.length === 1 && (chosen[0] === "T" || chosen[0] === "F");
  if (!chosen.every((c) => typeof c === "string" && item.options.includes(c))) return false;
  if (new Set(chosen).size !== chosen.length) return false;
  return item.type === "multiple" || chosen.length === 1;
}

/** The name as the public verify page shows it: the first character and, for longer names, the last. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Adds whole calendar months (validity periods), clamping to the month's last day. */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** Re-certification opens this many days before a certificate expires. */
export const RECERTIFY_WINDOW_DAYS = 90;

export type CertificateStatus = "valid" | "expired" | "revoked";
export function certificateStatus(cert: { expiresAt: Date | null; revokedAt: Date | null }, now: Date): CertificateStatus {
  if (cert.revokedAt) return "revoked";
  if (cert.expiresAt && cert.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

/** Whether the learner is in a new certification cycle: their latest certificate expires within the window. */
export function recertificationOpen(cert: { expiresAt: Date | null; revokedAt: Date | null } | null, now: Date): boolean {
  if (!cert || cert.revokedAt || !cert.expiresAt) return false;
  return cert.expiresAt.getTime() - now.getTime() <= RECERTIFY_WINDOW_DAYS * 86_400_000;
}

/** The certification cycle a learner is in: 0 until a certificate, then its cycle, the next one once re-certification opens. */
export function certificationCycle(latest: { cycle: number; expiresAt: Date | null; revokedAt: Date | null } | null, now: Date): number {
  if (!latest) return 0;
  return recertificationOpen(latest, now) ? latest.cycle + 1 : latest.cycle;
}
