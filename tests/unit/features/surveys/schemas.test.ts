// The answers of one questionnaire checked against the survey's own items (features/surveys/schemas.ts):
// five levels for rating items, trimmed text within its length, required items answered, unknown items
// refused; and the two shapes a submission arrives in (form fields `a.<itemId>` or `{ answers }`).
import { describe, expect, it } from "vitest";
import { surveyItemSchema } from "@/features/surveys/definition";
import { answersInput, answersSchema } from "@/features/surveys/schemas";
import { LEVELS } from "@/features/surveys/rules";

const items = surveyItemSchema.array().parse([
  { id: "teacher", type: "rating", text: "授课教师是否满意？" }, // required by default
  { id: "materials", type: "rating", text: "教材课件是否满意？", required: false },
  { id: "overall", type: "rating", text: "总体是否满意？", overall: true },
  { id: "gain", type: "text", text: "收获最大的内容？", maxLength: 20 }, // optional by default
  { id: "hazard", type: "text", text: "本岗位最大的危险？", required: true, maxLength: 10 },
]);
const schema = answersSchema(items);
const complete = { teacher: "SATISFIED", overall: "VERY_SATISFIED", hazard: "高处坠落" };

/** The problems of a failed parse as { path: message } (unknown keys under "_"). */
function problems(input: Record<string, unknown>) {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return Object.fromEntries(r.error!.issues.map((i) => [i.path.join(".") || "_", i.code === "unrecognized_keys" ? `unknown:${i.keys.join(",")}` : i.message]));
}

describe("answersSchema", () => {
  it("accepts each of the five levels on a rating item", () => {
    for (const level of LEVELS) expect(schema.parse({ ...complete, teacher: level }).teacher).toBe(level);
  });

  it("trims text, and drops blank optional answers (text and rating)", () => {
    const out = schema.parse({ ...complete, gain: "  学会了班前会  ", hazard: " 机械伤害\n", materials: "  " });
    expect(out.gain).toBe("学会了班前会");
    expect(out.hazard).toBe("机械伤害");
    expect(out.materials).toBeUndefined();
    expect(schema.parse({ ...complete, gain: "   " }).gain).toBeUndefined();
  });

  it("reports a required item left out or blank as 'must be answered'", () => {
    expect(problems({ overall: "SATISFIED", hazard: "触电" })).toEqual({ teacher: "surveyRequired" });
    expect(problems({ ...complete, teacher: "" })).toEqual({ teacher: "surveyRequired" });
    expect(problems({ ...complete, teacher: "   " })).toEqual({ teacher: "surveyRequired" });
    expect(problems({ ...complete, hazard: "  " })).toEqual({ hazard: "surveyRequired" });
    // Every missing required item is named, not only the first.
    expect(problems({})).toEqual({ teacher: "surveyRequired", overall: "surveyRequired", hazard: "surveyRequired" });
  });

  it("refuses a value that is not one of the five levels", () => {
    expect(problems({ ...complete, teacher: "GREAT" })).toEqual({ teacher: "surveyLevel" });
    expect(problems({ ...complete, teacher: "satisfied" })).toEqual({ teacher: "surveyLevel" }); // case matters
    expect(problems({ ...complete, teacher: 5 })).toEqual({ teacher: "surveyLevel" });
    expect(problems({ ...complete, materials: "VERY_GOOD" })).toEqual({ materials: "surveyLevel" }); // optional, but if given it must be a level
  });

  it("measures text length after trimming", () => {
    // maxLength 20: 20 characters (with spaces around them) pass, 21 do not.
    expect(schema.parse({ ...complete, gain: `  ${"安".repeat(20)}  ` }).gain).toBe("安".repeat(20));
    expect(problems({ ...complete, gain: "安".repeat(21) })).toEqual({ gain: "surveyTooLong" });
    expect(problems({ ...complete, hazard: "x".repeat(11) })).toEqual({ hazard: "surveyTooLong" });
  });

  it("refuses items the survey does not have", () => {
    expect(problems({ ...complete, bogus: "SATISFIED", other: "x" })).toEqual({ _: "unknown:bogus,other" });
  });
});

describe("answersInput", () => {
  it("takes the `a.<itemId>` form fields and nothing else", () => {
    expect(answersInput({ surveyId: "s1", "$ACTION_ID_abc": "", "a.teacher": "SATISFIED", "a.gain": " 好 ", answer: "x" })).toEqual({ teacher: "SATISFIED", gain: " 好 " });
    expect(answersInput({ surveyId: "s1" })).toEqual({});
  });

  it("takes a JSON caller's `answers` object as it is", () => {
    const answers = { teacher: "NEUTRAL", overall: "SATISFIED" };
    expect(answersInput({ surveyId: "s1", answers, "a.teacher": "VERY_SATISFIED" })).toBe(answers);
  });

  it("ignores an `answers` field that is not an object (a form field named so)", () => {
    expect(answersInput({ answers: "VERY_SATISFIED", "a.overall": "SATISFIED" })).toEqual({ overall: "SATISFIED" });
  });

  it("feeds answersSchema: a form submission parses to the stored answers", () => {
    const out = schema.parse(answersInput({ surveyId: "s1", "a.teacher": "SATISFIED", "a.overall": "SATISFIED", "a.hazard": " 粉尘 ", "a.gain": "" }));
    expect(out).toEqual({ teacher: "SATISFIED", overall: "SATISFIED", hazard: "粉尘" });
  });
});
