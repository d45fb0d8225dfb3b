// content/ validation: the repository's content loads; bad content fails with the file, the field and
// a clear message. Each case builds a small content folder in a temporary directory.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ContentError, loadContent, type ContentProblem } from "@/features/content/load";

const REPO_CONTENT = path.resolve(import.meta.dirname, "../../../content");
const roots: string[] = [];

const COURSE = `---
id: test-course
title: 测试课程
family: GENERAL
classHours: 1
minutesPerClassHour: 30
audience:
  positions: [TEAM_LEADER]
---
课程说明。
`;
const lesson = (id: string, extra = "minReadingMinutes: 5") => `---
id: ${id}
title: 第一节
kind: reading
${extra}
---
正文。
`;
const QUESTIONS = `questions:
  - id: q-1
    pool: practice
    lesson: lesson-a
    type: single
    stem: 这是一道单选题？
    options:
      - { key: A, text: 甲 }
      - { key: B, text: 乙 }
    answer: [B]
    explanation: 因为乙是对的。
    basis: 测试依据
  - id: q-2
    pool: exam
    type: true_false
    stem: 这是一道判断题。
    answer: true
    explanation: 因为它是对的。
    basis: 测试依据
`;

/** A content root with the repository's reference data and one small valid course; override files by path. */
function contentRoot(files: Record<string, string | null> = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "content-test-"));
  roots.push(root);
  cpSync(path.join(REPO_CONTENT, "reference"), path.join(root, "reference"), { recursive: true });
  const all: Record<string, string | null> = {
    "courses/x/course.md": COURSE,
    "courses/x/lessons/01-a.md": lesson("lesson-a"),
    "courses/x/lessons/02-b.md": lesson("lesson-b"),
    "courses/x/questions/q.yaml": QUESTIONS,
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    if (text === null) continue;
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

function problemsOf(root: string): ContentProblem[] {
  try {
    loadContent(root);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems;
  }
  throw new Error("expected the content to be refused");
}

function expectProblem(root: string, file: string, field: string, message: RegExp) {
  const problems = problemsOf(root);
  expect(problems).toContainEqual({ file, field, message: expect.stringMatching(message) });
}

afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

describe("loadContent", () => {
  it("loads the repository's content", () => {
    const content = loadContent(REPO_CONTENT);
    expect(content.courses.length).toBeGreaterThanOrEqual(1);
    expect(content.positions.positions).toHaveLength(9);
    expect(content.periods.periods.map((p) => p.id)).toEqual(["2021-2025", "2026-2030"]);
    expect(content.regions.provinces[0]!.code).toBe("510000");
  });

  it("loads a valid course with its lessons in file-name order", () => {
    const content = loadContent(contentRoot());
    const course = content.courses.find((c) => c.id === "test-course")!;
    expect(course.lessons.map((l) => [l.id, l.position])).toEqual([
      ["lesson-a", 1],
      ["lesson-b", 2],
    ]);
    expect(course.questions.map((q) => q.id)).toEqual(["q-1", "q-2"]);
    expect(course.sourcePath).toBe("courses/x/course.md");
  });

  it("names the file and field of a bad class-hour value", () => {
    expectProblem(contentRoot({ "courses/x/course.md": COURSE.replace("classHours: 1", "classHours: -2") }), "courses/x/course.md", "frontmatter.classHours", /too small|>0|positive/i);
  });

  it("names an unknown course family", () => {
    expectProblem(contentRoot({ "courses/x/course.md": COURSE.replace("family: GENERAL", "family: COOKING") }), "courses/x/course.md", "frontmatter.family", /TECH_SCHOOL/);
  });

  it("names minutes per class hour below the online minimum of 30", () => {
    expectProblem(contentRoot({ "courses/x/course.md": COURSE.replace("minutesPerClassHour: 30", "minutesPerClassHour: 20") }), "courses/x/course.md", "frontmatter.minutesPerClassHour", /30/);
  });

  it("names an unknown position in the audience", () => {
    expectProblem(
      contentRoot({ "courses/x/course.md": COURSE.replace("positions: [TEAM_LEADER]", "positions: [CHEF]") }),
      "courses/x/course.md",
      "frontmatter.audience.positions[0]",
      /unknown position CHEF/,
    );
  });

  it("names a misspelt frontmatter key", () => {
    expectProblem(contentRoot({ "courses/x/course.md": COURSE.replace("title:", "titel: x\ntitle:") }), "courses/x/course.md", "frontmatter", /titel/);
  });

  it("names a reading lesson without its minimum reading time", () => {
    expectProblem(contentRoot({ "courses/x/lessons/02-b.md": lesson("lesson-b", "") }), "courses/x/lessons/02-b.md", "frontmatter.minReadingMinutes", /minReadingMinutes/);
  });

  it("names a video lesson with both src and playbackId", () => {
    const video = lesson("lesson-b", "").replace("kind: reading", "kind: video\nvideo:\n  src: /v.mp4\n  playbackId: abc\n  durationSeconds: 60");
    expectProblem(contentRoot({ "courses/x/lessons/02-b.md": video }), "courses/x/lessons/02-b.md", "frontmatter.video", /exactly one of src or playbackId/);
  });

  it("names an answer that is not among the options", () => {
    expectProblem(contentRoot({ "courses/x/questions/q.yaml": QUESTIONS.replace("answer: [B]", "answer: [C]") }), "courses/x/questions/q.yaml", "questions[0].answer", /C is not one of the options/);
  });

  it("names a single-choice question with two answers", () => {
    expectProblem(contentRoot({ "courses/x/questions/q.yaml": QUESTIONS.replace("answer: [B]", "answer: [A, B]") }), "courses/x/questions/q.yaml", "questions[0].answer", /exactly one answer/);
  });

  it("names a duplicate question id", () => {
    expectProblem(contentRoot({ "courses/x/questions/q.yaml": QUESTIONS.replace("id: q-2", "id: q-1") }), "courses/x/questions/q.yaml", "questions[1].id", /duplicate question id "q-1"/);
  });

  it("names a practice question pointing at a lesson that does not exist", () => {
    expectProblem(contentRoot({ "courses/x/questions/q.yaml": QUESTIONS.replace("lesson: lesson-a", "lesson: lesson-z") }), "courses/x/questions/q.yaml", "questions[0].lesson", /no lesson "lesson-z"/);
  });

  it("names a file that is not valid YAML", () => {
    expectProblem(contentRoot({ "courses/x/questions/q.yaml": "questions: [unclosed" }), "courses/x/questions/q.yaml", "(file)", /not valid YAML/);
  });

  it("names a course folder without course.md", () => {
    expectProblem(contentRoot({ "courses/y/lessons/01.md": lesson("lesson-y") }), "courses/y/course.md", "(file)", /needs a course.md/);
  });

  it("names an unknown position in a plan period", () => {
    const file = path.join(REPO_CONTENT, "reference/plan-periods.yaml");
    const bad = readFileSync(file, "utf8").replace("keyPositions: [SAFETY_EXECUTIVE,", "keyPositions: [NOBODY,");
    expectProblem(contentRoot({ "reference/plan-periods.yaml": bad }), "reference/plan-periods.yaml", "periods[0].keyPositions[0]", /unknown position NOBODY/);
  });

  it("names a county whose code lies outside its city", () => {
    const file = path.join(REPO_CONTENT, "reference/regions.yaml");
    const bad = readFileSync(file, "utf8").replace("510402", "510502");
    const problems = problemsOf(contentRoot({ "reference/regions.yaml": bad }));
    expect(problems.some((p) => p.file === "reference/regions.yaml" && /counties\[\d+\]\.code$/.test(p.field) && p.message.includes("510502"))).toBe(true);
  });

  it("reports every problem at once, and the message lists file and field", () => {
    const root = contentRoot({
      "courses/x/course.md": COURSE.replace("classHours: 1", "classHours: 0"),
      "courses/x/questions/q.yaml": QUESTIONS.replace("answer: [B]", "answer: [C]"),
    });
    try {
      loadContent(root);
      expect.unreachable();
    } catch (error) {
      expect((error as ContentError).problems.length).toBeGreaterThanOrEqual(2);
      expect((error as Error).message).toContain("courses/x/course.md: frontmatter.classHours:");
      expect((error as Error).message).toContain("courses/x/questions/q.yaml: questions[0].answer:");
    }
  });
});
