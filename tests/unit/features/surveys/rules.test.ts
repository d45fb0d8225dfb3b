// Satisfaction figures on a hand-computed set of five questionnaires (DOMAIN.md, "Satisfaction").
import { describe, expect, it } from "vitest";
import { aggregate, aggregateBy, itemAverages, levelOf, satisfaction, scoreResponse, type RatingItem, type Response, type Scored } from "@/features/surveys/rules";

const items: RatingItem[] = [
  { id: "usefulness", required: true },
  { id: "teacher", required: true },
  { id: "overall", required: true, overall: true },
  { id: "materials", required: false },
];

//  response  usefulness  teacher   overall   materials      score                    overall level
const responses: Response[] = [
  { id: "r1", answers: { usefulness: "VERY_SATISFIED", teacher: "VERY_SATISFIED", overall: "VERY_SATISFIED", materials: "SATISFIED" } }, // (100+100+100+80)/4 = 95, very satisfied
  { id: "r2", answers: { usefulness: "SATISFIED", teacher: "SATISFIED", overall: "SATISFIED" } }, // 80, satisfied
  { id: "r3", answers: { usefulness: "NEUTRAL", teacher: "SATISFIED", overall: "NEUTRAL", materials: "DISSATISFIED" } }, // (60+80+60+40)/4 = 60, neutral
  { id: "r4", answers: { usefulness: "VERY_SATISFIED", teacher: "VERY_SATISFIED", overall: "SATISFIED" } }, // (100+100+80)/3 = 93.33…, satisfied
  { id: "r5", answers: { usefulness: "VERY_SATISFIED", overall: "VERY_SATISFIED" } }, // invalid: teacher missing
];

describe("satisfaction", () => {
  it("averages the valid questionnaires on the 100-point scale and counts the satisfied share", () => {
    const s = satisfaction(items, responses);
    expect(s.respondents).toBe(4);
    expect(s.average).toBeCloseTo((95 + 80 + 60 + 280 / 3) / 4, 10); // 82.083…
    expect(s.satisfiedShare).toBe(3 / 4);
    expect(s.meetsTarget).toBe(false); // below 85
    expect(satisfaction(items, responses.filter((r) => r.id !== "r3")).meetsTarget).toBe(true); // (95+80+93.33)/3 = 89.44
  });

  it("has no figure without valid questionnaires", () => {
    expect(satisfaction(items, [responses[4]!])).toEqual({ respondents: 0, average: null, satisfiedShare: null, meetsTarget: null });
  });

  it("without an overall item, a questionnaire's level is the one nearest its score", () => {
    expect(levelOf(90)).toBe("VERY_SATISFIED");
    expect(levelOf(89)).toBe("SATISFIED");
    expect(levelOf(70)).toBe("SATISFIED");
    expect(levelOf(69.9)).toBe("NEUTRAL");
    const noOverall = items.filter((i) => !i.overall);
    // r3 without its overall answer: (60+80+40)/3 = 60 → neutral; r2: 80 → satisfied.
    expect(satisfaction(noOverall, [responses[1]!, responses[2]!]).satisfiedShare).toBe(0.5);
  });

  it("per item, over the valid questionnaires that answered it", () => {
    const byItem = itemAverages(items, responses);
    expect(byItem.get("usefulness")).toEqual({ answered: 4, average: (100 + 80 + 60 + 100) / 4 });
    expect(byItem.get("materials")).toEqual({ answered: 2, average: 60 });
  });
});

// ---- What is stored with each response, and the figures over stored responses ----------------------

describe("scoreResponse", () => {
  it("scores the rating items answered and takes the overall item's level", () => {
    // (100 + 80 + 60 + 40) / 4 = 70; the overall item says 一般 (neutral), whatever the mean.
    expect(scoreResponse(items, { id: "a", answers: { usefulness: "VERY_SATISFIED", teacher: "SATISFIED", overall: "NEUTRAL", materials: "DISSATISFIED" } })).toEqual({ valid: true, score: 70, level: "NEUTRAL" });
    // An optional item left out does not pull the mean down: (80 + 80 + 80) / 3 = 80.
    expect(scoreResponse(items, { id: "b", answers: { usefulness: "SATISFIED", teacher: "SATISFIED", overall: "SATISFIED" } })).toEqual({ valid: true, score: 80, level: "SATISFIED" });
  });

  it("ignores answers to items that are not rating items (free text)", () => {
    const answers = { usefulness: "SATISFIED", teacher: "NEUTRAL", overall: "SATISFIED", suggestion: "多讲案例" } as unknown as Response["answers"];
    // (80 + 60 + 80) / 3 = 73.33…
    const scored = scoreResponse(items, { id: "c", answers });
    expect(scored.score).toBeCloseTo(220 / 3, 10);
    expect(scored).toMatchObject({ valid: true, level: "SATISFIED" });
  });

  it("marks a questionnaire missing a required item invalid, still scoring what was answered", () => {
    // overall missing: invalid; score (100 + 100) / 2 = 100; level nearest 100 → 非常满意.
    expect(scoreResponse(items, { id: "d", answers: { usefulness: "VERY_SATISFIED", teacher: "VERY_SATISFIED" } })).toEqual({ valid: false, score: 100, level: "VERY_SATISFIED" });
  });

  it("without an overall item takes the nearest level, ties to the higher one", () => {
    const plain: RatingItem[] = [
      { id: "a", required: true },
      { id: "b", required: true },
    ];
    // (80 + 60) / 2 = 70: equally near 满意 (80) and 一般 (60) → 满意.
    expect(scoreResponse(plain, { id: "e", answers: { a: "SATISFIED", b: "NEUTRAL" } })).toEqual({ valid: true, score: 70, level: "SATISFIED" });
    // (60 + 40) / 2 = 50 → 一般.
    expect(scoreResponse(plain, { id: "f", answers: { a: "NEUTRAL", b: "DISSATISFIED" } })).toEqual({ valid: true, score: 50, level: "NEUTRAL" });
    // (40 + 20) / 2 = 30 → 不满意.
    expect(scoreResponse(plain, { id: "g", answers: { a: "DISSATISFIED", b: "VERY_DISSATISFIED" } }).level).toBe("DISSATISFIED");
  });

  it("a questionnaire with no rating answered has no score and is not valid, even when nothing is required", () => {
    const optional: RatingItem[] = [{ id: "a", required: false }];
    expect(scoreResponse(optional, { id: "h", answers: {} })).toEqual({ valid: false, score: null, level: null });
  });
});

describe("aggregate", () => {
  const s = (valid: boolean, score: number | null, level: Scored["level"]): Scored => ({ valid, score, level });

  it("counts only valid questionnaires with a score", () => {
    const figures = aggregate([
      s(true, 95, "VERY_SATISFIED"),
      s(true, 80, "SATISFIED"),
      s(true, 60, "NEUTRAL"),
      s(false, 100, "VERY_SATISFIED"), // invalid: left out
      s(true, null, null), // no score: left out
    ]);
    // (95 + 80 + 60) / 3 = 78.33…; satisfied 2 of 3.
    expect(figures.respondents).toBe(3);
    expect(figures.average).toBeCloseTo(235 / 3, 10);
    expect(figures.satisfiedShare).toBe(2 / 3);
    expect(figures.meetsTarget).toBe(false);
  });

  it("takes the satisfied share from the overall level, not from the score", () => {
    // Scores 90 and 50 average 70; the levels (一般, 满意) make one satisfied of two.
    const figures = aggregate([s(true, 90, "NEUTRAL"), s(true, 50, "SATISFIED")]);
    expect(figures).toEqual({ respondents: 2, average: 70, satisfiedShare: 0.5, meetsTarget: false });
  });

  it("meets the target at exactly the target, and uses the target it is given", () => {
    expect(aggregate([s(true, 85, "SATISFIED")]).meetsTarget).toBe(true); // 85 ≥ 85
    expect(aggregate([s(true, 84.99, "SATISFIED")]).meetsTarget).toBe(false);
    expect(aggregate([s(true, 80, "SATISFIED")], 80).meetsTarget).toBe(true);
    expect(aggregate([s(true, 95, "VERY_SATISFIED")], 96).meetsTarget).toBe(false);
  });

  it("has no figure without data", () => {
    expect(aggregate([])).toEqual({ respondents: 0, average: null, satisfiedShare: null, meetsTarget: null });
  });
});

describe("aggregateBy", () => {
  type Row = Scored & { enterpriseId: string | null };
  const rows: Row[] = [
    { enterpriseId: "e1", valid: true, score: 100, level: "VERY_SATISFIED" },
    { enterpriseId: "e2", valid: true, score: 60, level: "NEUTRAL" },
    { enterpriseId: "e1", valid: true, score: 70, level: "SATISFIED" },
    { enterpriseId: null, valid: true, score: 20, level: "VERY_DISSATISFIED" }, // no enterprise: in no group
    { enterpriseId: "e2", valid: false, score: 100, level: "VERY_SATISFIED" }, // invalid
    { enterpriseId: "e3", valid: false, score: 80, level: "SATISFIED" }, // e3 has only an invalid one
  ];

  it("aggregates each group, in the order the groups first appear", () => {
    const by = aggregateBy(rows, (r) => r.enterpriseId);
    expect([...by.keys()]).toEqual(["e1", "e2", "e3"]);
    // e1: (100 + 70) / 2 = 85, both satisfied, meets 85.
    expect(by.get("e1")).toEqual({ respondents: 2, average: 85, satisfiedShare: 1, meetsTarget: true });
    // e2: only the valid 60 counts.
    expect(by.get("e2")).toEqual({ respondents: 1, average: 60, satisfiedShare: 0, meetsTarget: false });
    // e3: a group with no valid questionnaire has no figure.
    expect(by.get("e3")).toEqual({ respondents: 0, average: null, satisfiedShare: null, meetsTarget: null });
  });

  it("passes the target on to each group", () => {
    const by = aggregateBy(rows, (r) => r.enterpriseId, 90);
    expect(by.get("e1")?.meetsTarget).toBe(false); // 85 < 90
  });

  it("the groups together give the same figures as aggregate over their rows", () => {
    const byAll = aggregateBy(rows, (r) => (r.enterpriseId ? "all" : undefined));
    expect(byAll.get("all")).toEqual(aggregate(rows.filter((r) => r.enterpriseId)));
    // (100 + 60 + 70) / 3 = 76.66…
    expect(byAll.get("all")?.average).toBeCloseTo(230 / 3, 10);
  });
});
