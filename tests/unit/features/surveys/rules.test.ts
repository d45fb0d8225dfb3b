// Satisfaction figures on a hand-computed set of five questionnaires (DOMAIN.md, "Satisfaction").
import { describe, expect, it } from "vitest";
import { itemAverages, levelOf, satisfaction, type RatingItem, type Response } from "@/features/surveys/rules";

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
