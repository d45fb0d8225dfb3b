// The exam a course declares: defaults (60 minutes, 100 points, 80 to pass, two attempts, review),
// papers whose points add up to the total, and the paper each learner sits.
import { describe, expect, it } from "vitest";
import { examDefinitionSchema, examSectionSchema, paperFor, type ExamDefinition } from "@/features/exams/definition";

/** A paper of 10 questions × 10 points (100 points), for the given positions. */
const paper = (positions?: string[]) => ({
  ...(positions ? { positions } : {}),
  sections: [{ single: { count: 4, points: 10 }, multiple: { count: 3, points: 10 }, true_false: { count: 3, points: 10 } }],
});

const messages = (input: unknown) => {
  const result = examDefinitionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("examDefinitionSchema", () => {
  it("applies the defaults: 60 minutes, 100 points, 80 to pass, two attempts, review after submission", () => {
    const exam = examDefinitionSchema.parse({ papers: [paper()] });
    expect(exam.timeLimitMinutes).toBe(60);
    expect(exam.totalPoints).toBe(100);
    expect(exam.passMark).toBe(80);
    expect(exam.attempts).toBe(2);
    expect(exam.review).toBe(true);
    expect(exam.multipleScoring).toBe("all_or_nothing");
  });

  it("defaults a paper to every learner (positions []) and a section to the learner's path", () => {
    const exam = examDefinitionSchema.parse({ papers: [paper()] });
    expect(exam.papers[0]!.positions).toEqual([]);
    expect(exam.papers[0]!.sections[0]!.from).toBe("path");
  });

  it("keeps declared values over the defaults", () => {
    const exam = examDefinitionSchema.parse({ timeLimitMinutes: 90, totalPoints: 50, passMark: 40, attempts: 3, review: false, papers: [{ sections: [{ single: { count: 10, points: 5 } }] }] });
    expect(exam).toMatchObject({ timeLimitMinutes: 90, totalPoints: 50, passMark: 40, attempts: 3, review: false });
  });

  it("rejects a paper whose points do not add up to totalPoints, naming the sum", () => {
    const msgs = messages({ papers: [{ sections: [{ single: { count: 4, points: 10 }, true_false: { count: 3, points: 10 } }] }] });
    expect(msgs).toContain("the paper's questions add up to 70 points, not 100");
  });

  it("places the points error on the offending paper's sections", () => {
    const result = examDefinitionSchema.safeParse({ papers: [paper(["TEAM_LEADER"]), { sections: [{ single: { count: 1, points: 10 } }] }] });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.message.includes("add up to"));
    expect(issue?.path).toEqual(["papers", 1, "sections"]);
    expect(issue?.message).toBe("the paper's questions add up to 10 points, not 100");
  });

  it("sums points across sections and types, fractional points included", () => {
    // 2 sections: 3 × 7.5 + 5 × 2.5 = 35 and 13 × 5 = 65: 100 exactly.
    const exam = { papers: [{ sections: [{ single: { count: 3, points: 7.5 }, true_false: { count: 5, points: 2.5 } }, { from: "core", multiple: { count: 13, points: 5 } }] }] };
    expect(examDefinitionSchema.safeParse(exam).success).toBe(true);
  });

  it("accepts a sum that differs from totalPoints only by floating-point error", () => {
    // Three sections of one 0.1-point question: 0.1 + 0.1 + 0.1 is 0.30000000000000004 in floating point.
    const section = { single: { count: 1, points: 0.1 } };
    const exam = { totalPoints: 0.3, passMark: 0.2, papers: [{ sections: [section, section, section] }] };
    expect(examDefinitionSchema.safeParse(exam).success).toBe(true);
  });

  it("rejects a passMark above totalPoints", () => {
    const result = examDefinitionSchema.safeParse({ passMark: 101, papers: [paper()] });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ message: "passMark cannot exceed totalPoints", path: ["passMark"] })]);
  });

  it("accepts a passMark equal to totalPoints", () => {
    expect(examDefinitionSchema.safeParse({ passMark: 100, papers: [paper()] }).success).toBe(true);
  });

  it("requires the paper for every learner to come last when there are several papers", () => {
    const result = examDefinitionSchema.safeParse({ papers: [paper(), paper(["TEAM_LEADER"])] });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.message.includes("must come last"));
    expect(issue?.path).toEqual(["papers", 0, "positions"]);
    expect(examDefinitionSchema.safeParse({ papers: [paper(["TEAM_LEADER"]), paper()] }).success).toBe(true);
  });

  it("allows a single paper for every learner", () => {
    expect(examDefinitionSchema.safeParse({ papers: [paper([])] }).success).toBe(true);
  });

  it("requires at least one paper and a section in each paper", () => {
    expect(examDefinitionSchema.safeParse({ papers: [] }).success).toBe(false);
    expect(examDefinitionSchema.safeParse({ papers: [{ sections: [] }] }).success).toBe(false);
  });

  it("rejects position codes that are not upper-case codes", () => {
    expect(messages({ papers: [paper(["team_leader"])] })).toContain("must be an upper-case code such as TEAM_LEADER");
  });

  it("rejects unknown keys (strict)", () => {
    expect(examDefinitionSchema.safeParse({ papers: [paper()], passmark: 80 }).success).toBe(false);
  });
});

describe("examSectionSchema", () => {
  it("requires a section to draw at least one question", () => {
    const result = examSectionSchema.safeParse({ single: { count: 0, points: 10 } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe("a section draws at least one question");
  });

  it("rejects non-positive points and non-integer counts", () => {
    expect(examSectionSchema.safeParse({ single: { count: 1, points: 0 } }).success).toBe(false);
    expect(examSectionSchema.safeParse({ single: { count: 1.5, points: 1 } }).success).toBe(false);
  });

  it("accepts lesson ids in kebab case only", () => {
    expect(examSectionSchema.safeParse({ lessons: ["fire-safety-1"], single: { count: 1, points: 1 } }).success).toBe(true);
    expect(examSectionSchema.safeParse({ lessons: ["Fire_Safety"], single: { count: 1, points: 1 } }).success).toBe(false);
  });
});

describe("paperFor", () => {
  const exam: ExamDefinition = examDefinitionSchema.parse({
    papers: [paper(["TEAM_LEADER"]), paper(["OPERATOR", "WELDER"]), paper()],
  });

  it("picks the paper of the learner's position", () => {
    expect(paperFor(exam, "TEAM_LEADER")).toBe(exam.papers[0]);
    expect(paperFor(exam, "WELDER")).toBe(exam.papers[1]);
    expect(paperFor(exam, "OPERATOR")).toBe(exam.papers[1]);
  });

  it("falls back to the paper for every learner for another position or no position", () => {
    expect(paperFor(exam, "DRIVER")).toBe(exam.papers[2]);
    expect(paperFor(exam, null)).toBe(exam.papers[2]);
  });

  it("returns null when no paper fits and none is for every learner", () => {
    const only = examDefinitionSchema.parse({ papers: [paper(["TEAM_LEADER"])] });
    expect(paperFor(only, "OPERATOR")).toBeNull();
    expect(paperFor(only, null)).toBeNull();
  });

  it("picks the first matching paper when several name the position", () => {
    const twice = examDefinitionSchema.parse({ papers: [paper(["TEAM_LEADER"]), paper(["TEAM_LEADER", "OPERATOR"])] });
    expect(paperFor(twice, "TEAM_LEADER")).toBe(twice.papers[0]);
  });
});
