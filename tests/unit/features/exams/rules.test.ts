// The exam's rules: which questions a section draws from, the draw (least-used first, no repeats,
// options shuffled), all-or-nothing grading, the masked name and the certificate's validity.
import { describe, expect, it } from "vitest";
import type { ExamPaper, ExamSection } from "@/features/exams/definition";
import {
  addMonths,
  certificateStatus,
  certificationCycle,
  drawPaper,
  gradePaper,
  isCorrect,
  keyOf,
  maskName,
  PaperShortfall,
  paperShortfalls,
  RECERTIFY_WINDOW_DAYS,
  recertificationOpen,
  sectionPool,
  shuffle,
  validChoice,
  type BankQuestion,
  type Choice,
  type LessonScope,
  type PaperItem,
  type QuestionTypeName,
} from "@/features/exams/rules";

/** A small seeded PRNG (mulberry32), so draws are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

const q = (id: string, type: QuestionTypeName, lessonId: string | null = null, timesDrawn = 0, optionKeys = type === "true_false" ? [] : ["A", "B", "C", "D"]): BankQuestion => ({
  id,
  type,
  lessonId,
  optionKeys,
  timesDrawn,
});
const many = (prefix: string, n: number, type: QuestionTypeName, lessonId: string | null = null, timesDrawn = 0) => Array.from({ length: n }, (_, i) => q(`${prefix}${i}`, type, lessonId, timesDrawn));
const section = (over: Partial<ExamSection> = {}): ExamSection => ({ from: "path", ...over });
const paperOf = (sections: ExamSection[], positions: string[] = []): ExamPaper => ({ positions, sections });
const ids = (questions: { id: string }[]) => questions.map((x) => x.id).sort();
const drawnIds = (items: PaperItem[]) => items.map((i) => i.questionId).sort();

/** Two lessons every learner takes, one for team leaders, one for operators. */
const lessons: LessonScope[] = [
  { id: "core-1", positions: [] },
  { id: "core-2", positions: [] },
  { id: "leader", positions: ["TEAM_LEADER"] },
  { id: "operator", positions: ["OPERATOR"] },
];
const allLessons = new Set(lessons.map((l) => l.id));
/** One question on each lesson, one on no lesson, one on an archived lesson. */
const scopedBank = [q("q-core-1", "single", "core-1"), q("q-core-2", "single", "core-2"), q("q-leader", "single", "leader"), q("q-operator", "single", "operator"), q("q-none", "single", null), q("q-archived", "single", "gone")];

describe("sectionPool", () => {
  it("from core keeps questions on lessons without positions and questions on no lesson", () => {
    const pool = sectionPool(section({ from: "core" }), paperOf([], ["TEAM_LEADER"]), scopedBank, lessons, allLessons);
    expect(ids(pool)).toEqual(["q-core-1", "q-core-2", "q-none"]);
  });

  it("from module keeps only questions on lessons whose positions meet the paper's", () => {
    const leader = sectionPool(section({ from: "module" }), paperOf([], ["TEAM_LEADER"]), scopedBank, lessons, allLessons);
    expect(ids(leader)).toEqual(["q-leader"]);
    const both = sectionPool(section({ from: "module" }), paperOf([], ["TEAM_LEADER", "OPERATOR"]), scopedBank, lessons, allLessons);
    expect(ids(both)).toEqual(["q-leader", "q-operator"]);
  });

  it("from module keeps nothing on a paper for every learner (no positions) nor questions on no lesson", () => {
    expect(sectionPool(section({ from: "module" }), paperOf([], []), scopedBank, lessons, allLessons)).toEqual([]);
  });

  it("from path keeps every question of the learner's lessons and questions on no lesson", () => {
    const pool = sectionPool(section({ from: "path" }), paperOf([]), scopedBank, lessons, allLessons);
    expect(ids(pool)).toEqual(["q-core-1", "q-core-2", "q-leader", "q-none", "q-operator"]);
  });

  it("excludes lessons not on the learner's path, whatever the section draws from", () => {
    const path = new Set(["core-1", "leader"]);
    expect(ids(sectionPool(section({ from: "path" }), paperOf([]), scopedBank, lessons, path))).toEqual(["q-core-1", "q-leader", "q-none"]);
    expect(ids(sectionPool(section({ from: "core" }), paperOf([]), scopedBank, lessons, path))).toEqual(["q-core-1", "q-none"]);
    expect(ids(sectionPool(section({ from: "module" }), paperOf([], ["TEAM_LEADER", "OPERATOR"]), scopedBank, lessons, path))).toEqual(["q-leader"]);
  });

  it("lessons: [...] narrows the pool to those lessons (questions on no lesson drop out)", () => {
    const pool = sectionPool(section({ lessons: ["core-2", "leader"] }), paperOf([]), scopedBank, lessons, allLessons);
    expect(ids(pool)).toEqual(["q-core-2", "q-leader"]);
  });

  it("lessons: [...] still applies the section's from", () => {
    const pool = sectionPool(section({ from: "core", lessons: ["core-2", "leader"] }), paperOf([], ["TEAM_LEADER"]), scopedBank, lessons, allLessons);
    expect(ids(pool)).toEqual(["q-core-2"]);
  });

  it("excludes questions on an unknown (archived) lesson even if the learner's set names it", () => {
    const withGone = new Set([...allLessons, "gone"]);
    for (const from of ["path", "core", "module"] as const) {
      const pool = sectionPool(section({ from }), paperOf([], ["TEAM_LEADER"]), scopedBank, lessons, withGone);
      expect(pool.map((x) => x.id)).not.toContain("q-archived");
    }
    expect(sectionPool(section({ lessons: ["gone"] }), paperOf([]), scopedBank, lessons, withGone)).toEqual([]);
  });
});

describe("shuffle", () => {
  it("returns a permutation without touching the input", () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = shuffle(input, mulberry32(7));
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual(input);
  });

  it("is reproducible with the same seeded source", () => {
    expect(shuffle([1, 2, 3, 4, 5, 6, 7, 8], mulberry32(42))).toEqual(shuffle([1, 2, 3, 4, 5, 6, 7, 8], mulberry32(42)));
  });
});

describe("drawPaper", () => {
  const bank = [...many("s", 10, "single"), ...many("m", 10, "multiple"), ...many("t", 10, "true_false")];

  it("draws the right number of questions per type and section", () => {
    const paper = paperOf([section({ single: { count: 3, points: 5 }, true_false: { count: 2, points: 2 } }), section({ multiple: { count: 4, points: 10 }, single: { count: 2, points: 4 } })]);
    for (const seed of SEEDS.slice(0, 50)) {
      const items = drawPaper(paper, bank, [], new Set(), mulberry32(seed));
      const count = (s: number, type: QuestionTypeName) => items.filter((i) => i.section === s && i.type === type).length;
      expect(items).toHaveLength(11);
      expect([count(0, "single"), count(0, "multiple"), count(0, "true_false")]).toEqual([3, 0, 2]);
      expect([count(1, "single"), count(1, "multiple"), count(1, "true_false")]).toEqual([2, 4, 0]);
      // sections stay in order; each item's type is its question's type
      expect(items.map((i) => i.section)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
      for (const item of items) expect(item.questionId[0]).toBe({ single: "s", multiple: "m", true_false: "t" }[item.type]);
    }
  });

  it("skips a type whose count is 0", () => {
    const items = drawPaper(paperOf([section({ single: { count: 0, points: 5 }, true_false: { count: 1, points: 5 } })]), bank, [], new Set(), mulberry32(1));
    expect(items.map((i) => i.type)).toEqual(["true_false"]);
  });

  it("copies each item's points from its section's rule for the type", () => {
    const paper = paperOf([section({ single: { count: 2, points: 7.5 }, multiple: { count: 1, points: 3 } }), section({ single: { count: 2, points: 2.5 } })]);
    const items = drawPaper(paper, bank, [], new Set(), mulberry32(3));
    for (const item of items) expect(item.points).toBe(item.section === 1 ? 2.5 : item.type === "single" ? 7.5 : 3);
  });

  it("never draws the same question twice in a paper, even when two sections' pools overlap", () => {
    const singles = many("s", 10, "single");
    const paper = paperOf([section({ single: { count: 5, points: 10 } }), section({ from: "core", single: { count: 5, points: 10 } })]);
    for (const seed of SEEDS) {
      const items = drawPaper(paper, singles, [], new Set(), mulberry32(seed));
      expect(new Set(items.map((i) => i.questionId)).size).toBe(10);
      expect(drawnIds(items)).toEqual(ids(singles));
    }
  });

  it("runs short rather than repeat a question when overlapping pools are too small together", () => {
    const paper = paperOf([section({ single: { count: 5, points: 10 } }), section({ single: { count: 5, points: 10 } })]);
    expect(() => drawPaper(paper, many("s", 9, "single"), [], new Set(), mulberry32(1))).toThrow(new PaperShortfall(1, "single", 5, 4));
  });

  it("draws the least-used questions first", () => {
    const fresh = many("fresh", 4, "single", null, 0);
    const used = many("used", 6, "single", null, 5);
    const paper = paperOf([section({ single: { count: 4, points: 25 } })]);
    for (const seed of SEEDS) {
      expect(drawnIds(drawPaper(paper, [...used, ...fresh], [], new Set(), mulberry32(seed)))).toEqual(ids(fresh));
    }
  });

  it("fills up from the next-least-used once the least-used run out", () => {
    const bank2 = [...many("zero", 2, "single", null, 0), ...many("one", 3, "single", null, 1), ...many("five", 5, "single", null, 5)];
    const paper = paperOf([section({ single: { count: 4, points: 25 } })]);
    for (const seed of SEEDS) {
      const drawn = drawnIds(drawPaper(paper, bank2, [], new Set(), mulberry32(seed)));
      expect(drawn.filter((id) => id.startsWith("zero"))).toHaveLength(2);
      expect(drawn.filter((id) => id.startsWith("one"))).toHaveLength(2);
      expect(drawn.filter((id) => id.startsWith("five"))).toHaveLength(0);
    }
  });

  it("breaks ties between equally-used questions at random", () => {
    const equal = [...many("e", 5, "single", null, 2), q("busy", "single", null, 9)];
    const paper = paperOf([section({ single: { count: 1, points: 100 } })]);
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) seen.add(drawPaper(paper, equal, [], new Set())[0]!.questionId);
    expect([...seen].sort()).toEqual(["e0", "e1", "e2", "e3", "e4"]);
  });

  it("shuffles the options of choice questions as a permutation of the keys; true/false items have none", () => {
    const bank2 = [q("s", "single", null, 0, ["A", "B", "C", "D"]), q("m", "multiple", null, 0, ["A", "B", "C", "D", "E"]), q("t", "true_false")];
    const paper = paperOf([section({ single: { count: 1, points: 1 }, multiple: { count: 1, points: 1 }, true_false: { count: 1, points: 1 } })]);
    const orders = new Set<string>();
    for (const seed of SEEDS) {
      const items = drawPaper(paper, bank2, [], new Set(), mulberry32(seed));
      const byId = new Map(items.map((i) => [i.questionId, i]));
      expect([...byId.get("s")!.options].sort()).toEqual(["A", "B", "C", "D"]);
      expect([...byId.get("m")!.options].sort()).toEqual(["A", "B", "C", "D", "E"]);
      expect(byId.get("t")!.options).toEqual([]);
      orders.add(byId.get("s")!.options.join(""));
    }
    expect(orders.size).toBeGreaterThan(1); // the order does change
  });

  it("does not alter the bank's option keys", () => {
    const question = q("s", "single", null, 0, ["A", "B", "C", "D"]);
    drawPaper(paperOf([section({ single: { count: 1, points: 1 } })]), [question], [], new Set(), mulberry32(5));
    expect(question.optionKeys).toEqual(["A", "B", "C", "D"]);
  });

  it("is reproducible for the same seeded source", () => {
    const paper = paperOf([section({ single: { count: 3, points: 5 }, multiple: { count: 3, points: 5 } })]);
    expect(drawPaper(paper, bank, [], new Set(), mulberry32(9))).toEqual(drawPaper(paper, bank, [], new Set(), mulberry32(9)));
  });

  it("draws only from the section's pool", () => {
    const bank2 = [...many("core", 3, "single", "core-1"), ...many("lead", 3, "single", "leader"), ...many("op", 3, "single", "operator")];
    const paper = paperOf([section({ from: "core", single: { count: 2, points: 10 } }), section({ from: "module", single: { count: 3, points: 10 } })], ["TEAM_LEADER"]);
    for (const seed of SEEDS.slice(0, 50)) {
      const items = drawPaper(paper, bank2, lessons, allLessons, mulberry32(seed));
      expect(items.filter((i) => i.section === 0).every((i) => i.questionId.startsWith("core"))).toBe(true);
      expect(items.filter((i) => i.section === 1).map((i) => i.questionId).sort()).toEqual(["lead0", "lead1", "lead2"]);
    }
  });

  it("throws PaperShortfall naming the section, type, wanted and available counts when a pool is too small", () => {
    const paper = paperOf([section({ single: { count: 2, points: 10 } }), section({ multiple: { count: 1, points: 10 }, true_false: { count: 4, points: 10 } })]);
    const small = [...many("s", 5, "single"), ...many("m", 1, "multiple"), ...many("t", 3, "true_false")];
    let error: unknown;
    try {
      drawPaper(paper, small, [], new Set(), mulberry32(1));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PaperShortfall);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ section: 1, type: "true_false", wanted: 4, available: 3 });
    expect((error as Error).message).toBe("section 2 wants 4 true_false question(s) and its bank has 3");
  });
});

describe("paperShortfalls", () => {
  const categoryPaper = paperOf([section({ from: "core", single: { count: 2, points: 10 } }), section({ from: "module", single: { count: 2, points: 10 } })], ["TEAM_LEADER", "OPERATOR"]);

  it("returns [] when every position's paper can be drawn in full", () => {
    const bank = [...many("core", 2, "single", "core-1"), ...many("lead", 2, "single", "leader"), ...many("op", 2, "single", "operator")];
    expect(paperShortfalls(categoryPaper, bank, lessons)).toEqual([]);
  });

  it("names the position whose module lacks questions", () => {
    const bank = [...many("core", 3, "single", "core-1"), ...many("lead", 2, "single", "leader"), ...many("op", 1, "single", "operator")];
    expect(paperShortfalls(categoryPaper, bank, lessons)).toEqual(["the OPERATOR paper: section 2 wants 2 single question(s) and its bank has 1"]);
  });

  it("reports each short position", () => {
    const bank = [...many("core", 3, "single", "core-1"), ...many("lead", 1, "single", "leader")];
    expect(paperShortfalls(categoryPaper, bank, lessons)).toEqual([
      "the TEAM_LEADER paper: section 2 wants 2 single question(s) and its bank has 1",
      "the OPERATOR paper: section 2 wants 2 single question(s) and its bank has 0",
    ]);
  });

  it("checks a paper for every learner against the lessons every learner takes, without a position prefix", () => {
    const paper = paperOf([section({ single: { count: 3, points: 10 } })]);
    // questions on the team leaders' module are not on every learner's path
    const bank = [...many("core", 2, "single", "core-2"), ...many("lead", 5, "single", "leader")];
    expect(paperShortfalls(paper, bank, lessons)).toEqual(["section 1 wants 3 single question(s) and its bank has 2"]);
    expect(paperShortfalls(paper, [...bank, q("none", "single")], lessons)).toEqual([]);
  });
});

describe("keyOf", () => {
  it("reads a bare boolean answer as the stored true/false key", () => {
    expect(keyOf(true)).toEqual(["T"]);
    expect(keyOf(false)).toEqual(["F"]);
  });

  it("keeps an array of option keys as it is", () => {
    expect(keyOf(["A", "C"])).toEqual(["A", "C"]);
  });

  it("turns anything else into []", () => {
    for (const other of [undefined, null, "A", 1, { A: true }]) expect(keyOf(other)).toEqual([]);
  });
});

describe("isCorrect", () => {
  it("single choice: right only for the key", () => {
    expect(isCorrect(["B"], ["B"])).toBe(true);
    expect(isCorrect(["A"], ["B"])).toBe(false);
  });

  it("multiple choice is all-or-nothing: a subset or a superset is wrong", () => {
    expect(isCorrect(["A", "C"], ["A", "C"])).toBe(true);
    expect(isCorrect(["A"], ["A", "C"])).toBe(false);
    expect(isCorrect(["A", "B", "C"], ["A", "C"])).toBe(false);
    expect(isCorrect(["A", "B"], ["A", "C"])).toBe(false);
  });

  it("multiple choice: the order of the chosen keys does not matter", () => {
    expect(isCorrect(["D", "A", "C"], ["A", "C", "D"])).toBe(true);
  });

  it("true/false compares [\"T\"] and [\"F\"] (the stored keys)", () => {
    expect(isCorrect(["T"], ["T"])).toBe(true);
    expect(isCorrect(["F"], ["F"])).toBe(true);
    expect(isCorrect(["F"], ["T"])).toBe(false);
    expect(isCorrect(["true"], ["T"])).toBe(false);
  });

  it("an unanswered question is wrong", () => {
    expect(isCorrect(undefined, ["A"])).toBe(false);
    expect(isCorrect([], ["A"])).toBe(false);
    expect(isCorrect([], [])).toBe(false);
  });
});

describe("gradePaper", () => {
  const item = (questionId: string, points: number, type: QuestionTypeName = "single"): PaperItem => ({ questionId, type, points, options: type === "true_false" ? [] : ["A", "B", "C"], section: 0 });
  const grade = (points: number[], rightCount: number, passMark = 80) => {
    const paper = points.map((p, i) => item(`q${i}`, p));
    const keys = new Map<string, Choice>(paper.map((p) => [p.questionId, ["A"]]));
    const choices = new Map<string, Choice>(paper.map((p, i) => [p.questionId, i < rightCount ? ["A"] : ["B"]]));
    return gradePaper(paper, choices, keys, { passMark });
  };

  it("scores each item: full points when right, nothing when wrong or unanswered", () => {
    const paper = [item("s", 10), item("m", 20, "multiple"), item("t", 5, "true_false"), item("u", 15), item("w", 50, "multiple")];
    const keys = new Map<string, Choice>([["s", ["A"]], ["m", ["A", "B"]], ["t", ["F"]], ["u", ["C"]], ["w", ["A", "C"]]]);
    const choices = new Map<string, Choice>([["s", ["A"]], ["m", ["B", "A"]], ["t", ["F"]], ["w", ["A"]]]);
    const result = gradePaper(paper, choices, keys, { passMark: 30 });
    expect(result.items).toEqual([
      { questionId: "s", correct: true, points: 10, earned: 10 },
      { questionId: "m", correct: true, points: 20, earned: 20 },
      { questionId: "t", correct: true, points: 5, earned: 5 },
      { questionId: "u", correct: false, points: 15, earned: 0 },
      { questionId: "w", correct: false, points: 50, earned: 0 },
    ]);
    expect(result.score).toBe(35);
    expect(result.passed).toBe(true);
  });

  it("an answer earns nothing when the question's key is missing", () => {
    const result = gradePaper([item("q", 10)], new Map([["q", ["A"]]]), new Map(), { passMark: 5 });
    expect(result.items[0]).toMatchObject({ correct: false, earned: 0 });
    expect(result).toMatchObject({ score: 0, passed: false });
  });

  it("rounds fractional points to an exact 2-decimal sum", () => {
    // 7.5 + 7.5 + 7.5 + 57.3 + 0.1 + 0.1 sums to 79.99999999999999 in floating point.
    const result = grade([7.5, 7.5, 7.5, 57.3, 0.1, 0.1], 6);
    expect(result.score).toBe(80);
    expect(result.passed).toBe(true);
    expect(grade([0.1, 0.2], 2, 0.3).score).toBe(0.3);
  });

  it("scores 3 × 7.5 + 5 × 2.5 + 13 × 5 = 100 when all are right", () => {
    const points = [...Array(3).fill(7.5), ...Array(5).fill(2.5), ...Array(13).fill(5)] as number[];
    expect(grade(points, points.length)).toMatchObject({ score: 100, passed: true });
    expect(grade(points, 3)).toMatchObject({ score: 22.5, passed: false });
  });

  it("passes at exactly the pass mark and fails just below it", () => {
    expect(grade([10, 10, 10, 10, 10, 10, 10, 10, 10, 10], 8)).toMatchObject({ score: 80, passed: true });
    expect(grade([79.5, 20.5], 1)).toMatchObject({ score: 79.5, passed: false });
    expect(grade([80.5, 19.5], 1)).toMatchObject({ score: 80.5, passed: true });
  });

  it("an empty answer sheet scores 0", () => {
    const paper = [item("a", 50), item("b", 50)];
    const result = gradePaper(paper, new Map(), new Map<string, Choice>([["a", ["A"]], ["b", ["B"]]]), { passMark: 80 });
    expect(result).toMatchObject({ score: 0, passed: false });
    expect(result.items.every((i) => !i.correct && i.earned === 0)).toBe(true);
  });
});

describe("validChoice", () => {
  const single = { type: "single" as const, options: ["A", "B", "C"] };
  const multiple = { type: "multiple" as const, options: ["A", "B", "C", "D"] };
  const trueFalse = { type: "true_false" as const, options: [] };

  it("accepts one known key for single choice", () => {
    expect(validChoice(single, ["B"])).toBe(true);
  });

  it("accepts several known keys for multiple choice", () => {
    expect(validChoice(multiple, ["D", "A"])).toBe(true);
    expect(validChoice(multiple, ["A"])).toBe(true);
  });

  it("rejects unknown keys", () => {
    expect(validChoice(single, ["Z"])).toBe(false);
    expect(validChoice(multiple, ["A", "E"])).toBe(false);
    expect(validChoice(single, ["a"])).toBe(false);
  });

  it("rejects duplicates", () => {
    expect(validChoice(multiple, ["A", "A"])).toBe(false);
  });

  it("rejects two keys for single choice", () => {
    expect(validChoice(single, ["A", "B"])).toBe(false);
  });

  it("rejects a true/false key for a choice question", () => {
    expect(validChoice(single, ["T"])).toBe(false);
  });

  it("true/false takes exactly one of T and F", () => {
    expect(validChoice(trueFalse, ["T"])).toBe(true);
    expect(validChoice(trueFalse, ["F"])).toBe(true);
    expect(validChoice(trueFalse, ["true"])).toBe(false);
    expect(validChoice(trueFalse, ["A"])).toBe(false);
    expect(validChoice(trueFalse, ["T", "F"])).toBe(false);
  });

  it("accepts [] (clearing the answer) for every type", () => {
    expect(validChoice(single, [])).toBe(true);
    expect(validChoice(multiple, [])).toBe(true);
    expect(validChoice(trueFalse, [])).toBe(true);
  });
});

describe("maskName", () => {
  it("keeps the first character of a two-character name", () => {
    expect(maskName("张三")).toBe("张*");
  });

  it("keeps the first and last characters of a longer name", () => {
    expect(maskName("张三丰")).toBe("张*丰");
    expect(maskName("欧阳娜娜")).toBe("欧**娜");
  });

  it("masks a one-character (or empty) name entirely", () => {
    expect(maskName("A")).toBe("*");
    expect(maskName("")).toBe("*");
  });

  it("trims surrounding spaces and counts characters beyond the BMP as one", () => {
    expect(maskName("  张三 ")).toBe("张*");
    expect(maskName("𠀀三")).toBe("𠀀*");
  });
});

describe("addMonths", () => {
  const utc = (s: string) => new Date(`${s}T00:00:00.000Z`);

  it("clamps to the last day of a shorter month", () => {
    expect(addMonths(utc("2026-01-31"), 1)).toEqual(utc("2026-02-28"));
    expect(addMonths(utc("2028-01-31"), 1)).toEqual(utc("2028-02-29"));
    expect(addMonths(utc("2026-03-31"), 1)).toEqual(utc("2026-04-30"));
  });

  it("adds a validity of 36 months to the same day three years later", () => {
    expect(addMonths(utc("2026-11-23"), 36)).toEqual(utc("2029-11-23"));
  });

  it("crosses year ends and goes back with negative months", () => {
    expect(addMonths(utc("2026-11-30"), 3)).toEqual(utc("2027-02-28"));
    expect(addMonths(utc("2026-03-31"), -1)).toEqual(utc("2026-02-28"));
  });

  it("keeps the time of day and leaves its argument alone", () => {
    const start = new Date("2026-05-15T13:45:30.250Z");
    expect(addMonths(start, 1)).toEqual(new Date("2026-06-15T13:45:30.250Z"));
    expect(start).toEqual(new Date("2026-05-15T13:45:30.250Z"));
  });
});

describe("certificateStatus", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

  it("is valid before expiry and forever without one", () => {
    expect(certificateStatus({ expiresAt: at(1), revokedAt: null }, now)).toBe("valid");
    expect(certificateStatus({ expiresAt: null, revokedAt: null }, now)).toBe("valid");
  });

  it("is expired at and after expiresAt", () => {
    expect(certificateStatus({ expiresAt: at(0), revokedAt: null }, now)).toBe("expired");
    expect(certificateStatus({ expiresAt: at(-1), revokedAt: null }, now)).toBe("expired");
  });

  it("revoked wins over expired", () => {
    expect(certificateStatus({ expiresAt: at(-86_400_000), revokedAt: at(-1) }, now)).toBe("revoked");
    expect(certificateStatus({ expiresAt: null, revokedAt: at(-1) }, now)).toBe("revoked");
  });
});

describe("recertificationOpen", () => {
  const DAY = 86_400_000;
  const now = new Date("2026-06-01T08:00:00Z");
  const expiring = (offsetMs: number) => ({ expiresAt: new Date(now.getTime() + offsetMs), revokedAt: null });

  it("uses a 90-day window", () => {
    expect(RECERTIFY_WINDOW_DAYS).toBe(90);
  });

  it("opens 90 days before expiry, not 91", () => {
    expect(recertificationOpen(expiring(90 * DAY), now)).toBe(true);
    expect(recertificationOpen(expiring(90 * DAY + 1), now)).toBe(false);
    expect(recertificationOpen(expiring(91 * DAY), now)).toBe(false);
    expect(recertificationOpen(expiring(30 * DAY), now)).toBe(true);
  });

  it("stays open once the certificate has expired", () => {
    expect(recertificationOpen(expiring(0), now)).toBe(true);
    expect(recertificationOpen(expiring(-400 * DAY), now)).toBe(true);
  });

  it("never opens for a certificate without expiry, a revoked one, or none", () => {
    expect(recertificationOpen({ expiresAt: null, revokedAt: null }, now)).toBe(false);
    expect(recertificationOpen({ expiresAt: new Date(now.getTime() + DAY), revokedAt: new Date(now.getTime() - DAY) }, now)).toBe(false);
    expect(recertificationOpen(null, now)).toBe(false);
  });
});

describe("certificationCycle", () => {
  const now = new Date("2026-11-23T00:00:00Z");
  it("is 0 before any certificate and stays in the certificate's cycle until re-certification opens", () => {
    expect(certificationCycle(null, now)).toBe(0);
    expect(certificationCycle({ cycle: 0, expiresAt: null, revokedAt: null }, now)).toBe(0);
    expect(certificationCycle({ cycle: 0, expiresAt: new Date("2027-11-23T00:00:00Z"), revokedAt: null }, now)).toBe(0);
  });
  it("moves to the next cycle within 90 days of expiry", () => {
    expect(certificationCycle({ cycle: 1, expiresAt: new Date("2027-01-01T00:00:00Z"), revokedAt: null }, now)).toBe(2);
  });
});
