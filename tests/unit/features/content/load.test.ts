// loadContent: the repository's content/ loads, and bad content is refused with every problem named by
// its file (relative to the content root), its field and a message that says what is wrong. Each case
// builds a temporary content root: the repository's reference data plus the small valid course in
// tests/unit/fixtures/content-course, with one file changed.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentError, loadContent, type ContentProblem, type LoadedContent, type LoadedCourse } from "@/features/content/load";

const REPO_CONTENT = path.join(process.cwd(), "content");
const FIXTURE_COURSE = path.join(process.cwd(), "tests/unit/fixtures/content-course");

const COURSE = "courses/x/course.md";
const LESSON_1 = "courses/x/lessons/01.md";
const LESSON_2 = "courses/x/lessons/02.md";
const QUESTIONS = "courses/x/questions/q.yaml";
const PERIODS = "reference/plan-periods.yaml";

/** A change to one file of the content root: new text, a function of the old text, or null to delete it. */
type Edit = string | ((text: string) => string) | null;

/** Replaces `from` by `to`, failing loudly if `from` is absent (so a case never tests unchanged content). */
const replace =
  (from: string, to: string) =>
  (text: string): string => {
    if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
    return text.replace(from, to);
  };

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function contentRoot(edits: Record<string, Edit> = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "load-content-test-"));
  roots.push(root);
  mkdirSync(path.join(root, "reference"));
  for (const name of readdirSync(path.join(REPO_CONTENT, "reference")).filter((f) => f.endsWith(".yaml"))) {
    copyFileSync(path.join(REPO_CONTENT, "reference", name), path.join(root, "reference", name));
  }
  cpSync(FIXTURE_COURSE, path.join(root, "courses/x"), { recursive: true });
  for (const [rel, edit] of Object.entries(edits)) {
    const file = path.join(root, rel);
    if (edit === null) {
      rmSync(file, { recursive: true, force: true });
    } else if (typeof edit === "string") {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, edit);
    } else {
      writeFileSync(file, edit(readFileSync(file, "utf8")));
    }
  }
  return root;
}

/** The ContentError loadContent throws for `root`; fails the test when it loads. */
function contentError(root: string): ContentError {
  let thrown: unknown;
  try {
    loadContent(root);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, "loadContent should refuse this content").toBeInstanceOf(ContentError);
  return thrown as ContentError;
}

function expectProblem(root: string, file: string, field: string, message: RegExp): ContentProblem[] {
  const error = contentError(root);
  expect(error.problems).toContainEqual({ file, field, message: expect.stringMatching(message) });
  // The thrown message is what the sync prints: it names the file and the field.
  expect(error.message).toContain(`${file}: ${field}: `);
  return error.problems;
}

describe("loadContent on the repository's content/", () => {
  let content: LoadedContent;
  beforeAll(() => {
    content = loadContent(REPO_CONTENT);
  });

  it("loads at least one course, each with lessons", () => {
    expect(content.courses.length).toBeGreaterThanOrEqual(1);
    for (const course of content.courses) expect(course.lessons.length, course.id).toBeGreaterThan(0);
  });

  it("has the 9 key-position categories", () => {
    expect(content.positions.positions).toHaveLength(9);
  });

  it("has the 2 plan periods", () => {
    expect(content.periods.periods).toHaveLength(2);
    expect(content.periods.periods.map((p) => p.id)).toEqual(["2021-2025", "2026-2030"]);
  });

  it("is also what loadContent reads by default", () => {
    expect(loadContent().courses.map((c) => c.id)).toEqual(content.courses.map((c) => c.id));
  });
});

describe("loadContent on a valid minimal course", () => {
  let content: LoadedContent;
  let course: LoadedCourse;
  beforeAll(() => {
    content = loadContent(contentRoot());
    course = content.courses.find((c) => c.id === "fixture-course")!;
  });

  it("loads the course with its source path and description", () => {
    expect(content.courses).toHaveLength(1);
    expect(course).toMatchObject({ sourcePath: COURSE, family: "GENERAL", classHours: 1, minutesPerClassHour: 30 });
    expect(course.description).toMatch(/^A small valid course/);
  });

  it("fills the audience defaults", () => {
    expect(course.audience).toEqual({ schoolStudents: false, positions: ["TEAM_LEADER"], industries: ["HAZCHEM"], enterprises: [], planPeriodKeyPositions: false, withinIndustries: [] });
  });

  it("orders the lessons by file name and numbers them 1..n", () => {
    expect(course.lessons.map((l) => [l.sourcePath, l.id, l.position])).toEqual([
      [LESSON_1, "zeta-first", 1],
      [LESSON_2, "alpha-second", 2],
      ["courses/x/lessons/10.md", "mid-third", 3],
    ]);
  });

  it("keeps each lesson's body without its frontmatter", () => {
    expect(course.lessons[0]!.body).toMatch(/^The first lesson by file name/);
    expect(course.lessons[0]!.body).not.toContain("---");
  });

  it("loads the questions with their source file", () => {
    expect(course.questions.map((q) => [q.id, q.sourcePath])).toEqual([
      ["q-single", QUESTIONS],
      ["q-judge", QUESTIONS],
    ]);
  });
});

describe("loadContent refuses bad course frontmatter", () => {
  it("a class-hour value that is not positive", () => {
    expectProblem(contentRoot({ [COURSE]: replace("classHours: 1", "classHours: 0") }), COURSE, "frontmatter.classHours", />\s*0|too small/i);
  });

  it("an unknown course family, listing the families allowed", () => {
    expectProblem(contentRoot({ [COURSE]: replace("family: GENERAL", "family: COOKING") }), COURSE, "frontmatter.family", /TECH_SCHOOL.*GENERAL/);
  });

  it("an unknown position in the audience", () => {
    expectProblem(
      contentRoot({ [COURSE]: replace("positions: [TEAM_LEADER]", "positions: [CHEF, TEAM_LEADER]") }),
      COURSE,
      "frontmatter.audience.positions[0]",
      /^unknown position CHEF$/,
    );
  });

  it("an unknown industry in the audience", () => {
    expectProblem(contentRoot({ [COURSE]: replace("industries: [HAZCHEM]", "industries: [HAZCHEM, BAKERY]") }), COURSE, "frontmatter.audience.industries[1]", /unknown industry BAKERY/);
  });

  it("a misspelt frontmatter key", () => {
    expectProblem(contentRoot({ [COURSE]: replace("classHours: 1", "classHours: 1\nclasHours: 2") }), COURSE, "frontmatter", /clasHours/);
  });

  it("frontmatter that is not valid YAML", () => {
    expectProblem(contentRoot({ [COURSE]: replace("title: 测试课程", "title: [unclosed") }), COURSE, "frontmatter", /not valid YAML frontmatter/);
  });

  it("a course folder without course.md", () => {
    expectProblem(contentRoot({ [COURSE]: null }), COURSE, "(file)", /needs a course\.md/);
  });
});

describe("loadContent refuses bad lessons", () => {
  it("a reading lesson without minReadingMinutes", () => {
    expectProblem(contentRoot({ [LESSON_1]: replace("minReadingMinutes: 5\n", "") }), LESSON_1, "frontmatter.minReadingMinutes", /reading lesson needs minReadingMinutes/);
  });

  it("a video lesson without its video", () => {
    const edit = replace("video:\n  src: /media/second.mp4\n  durationSeconds: 300\n", "");
    expectProblem(contentRoot({ [LESSON_2]: edit }), LESSON_2, "frontmatter.video", /video lesson needs video/);
  });

  it("a video with both src and playbackId", () => {
    expectProblem(contentRoot({ [LESSON_2]: replace("  src: /media/second.mp4\n", "  src: /media/second.mp4\n  playbackId: abc123\n") }), LESSON_2, "frontmatter.video", /exactly one of src or playbackId/);
  });

  it("a lesson without a body", () => {
    expectProblem(contentRoot({ [LESSON_1]: (text) => text.slice(0, text.lastIndexOf("---") + 4) }), LESSON_1, "body", /needs a body/);
  });

  it("a lesson id that is not a stable id", () => {
    expectProblem(contentRoot({ [LESSON_1]: replace("id: zeta-first", "id: Zeta_First") }), LESSON_1, "frontmatter.id", /lower-case letters, digits and dashes/);
  });

  it("a lesson id used twice", () => {
    expectProblem(contentRoot({ [LESSON_2]: replace("id: alpha-second", "id: zeta-first") }), LESSON_2, "frontmatter.id", /duplicate lesson id "zeta-first" \(also in courses\/x\/lessons\/01\.md\)/);
  });

  it("an unknown position on a syllabus lesson", () => {
    expectProblem(contentRoot({ [LESSON_1]: replace("minReadingMinutes: 5\n", "minReadingMinutes: 5\npositions: [ASTRONAUT]\n") }), LESSON_1, "frontmatter.positions[0]", /unknown position ASTRONAUT/);
  });

  it("a check point on a reading lesson", () => {
    expectProblem(contentRoot({ [LESSON_1]: replace("minReadingMinutes: 5\n", "minReadingMinutes: 5\ncheckpoints:\n  - { at: 10, question: q-single }\n") }), LESSON_1, "frontmatter.checkpoints", /only a video lesson/);
  });

  it("a check point after the end of the video", () => {
    expectProblem(contentRoot({ [LESSON_2]: replace("  durationSeconds: 300\n", "  durationSeconds: 300\ncheckpoints:\n  - { at: 301, question: q-single }\n") }), LESSON_2, "frontmatter.checkpoints", /inside the video/);
  });

  it("a check point whose question is not a practice question of its lesson", () => {
    expectProblem(
      contentRoot({ [LESSON_2]: replace("  durationSeconds: 300\n", "  durationSeconds: 300\ncheckpoints:\n  - { at: 30, question: no-such-question }\n") }),
      LESSON_2,
      "frontmatter.checkpoints[0].question",
      /not a practice question of this lesson/,
    );
  });

  it("lessons too short to carry the required class hours", () => {
    expectProblem(contentRoot({ [COURSE]: replace("classHours: 1", "classHours: 3") }), COURSE, "frontmatter.classHours", /add up to \d+ minutes, less than 3 class hour/);
  });

  it("a course without lesson files", () => {
    expectProblem(contentRoot({ "courses/x/lessons": null }), "courses/x/lessons", "(folder)", /at least one lesson/);
  });
});

describe("loadContent refuses bad questions", () => {
  it("an answer that is not among the options", () => {
    expectProblem(contentRoot({ [QUESTIONS]: replace("answer: [B]", "answer: [C]") }), QUESTIONS, "questions[0].answer", /^answer C is not one of the options$/);
  });

  it("a single-choice question with two answers", () => {
    expectProblem(contentRoot({ [QUESTIONS]: replace("answer: [B]", "answer: [A, B]") }), QUESTIONS, "questions[0].answer", /exactly one answer/);
  });

  it("a true/false question with options", () => {
    expectProblem(contentRoot({ [QUESTIONS]: replace("answer: true", "answer: true\n    options: [{ key: A, text: 对 }]") }), QUESTIONS, "questions[1].options", /no options/);
  });

  it("a duplicate question id", () => {
    expectProblem(contentRoot({ [QUESTIONS]: replace("id: q-judge", "id: q-single") }), QUESTIONS, "questions[1].id", /^duplicate question id "q-single" \(also in courses\/x\/questions\/q\.yaml\)$/);
  });

  it("a lesson that is not in the course", () => {
    expectProblem(contentRoot({ [QUESTIONS]: replace("lesson: zeta-first", "lesson: no-such-lesson") }), QUESTIONS, "questions[0].lesson", /^no lesson "no-such-lesson" in this course$/);
  });

  it("a practice question that names no lesson", () => {
    expectProblem(contentRoot({ [QUESTIONS]: replace("    lesson: zeta-first\n", "") }), QUESTIONS, "questions[0].lesson", /practice question names its lesson/);
  });

  it("a question file that is not valid YAML", () => {
    expectProblem(contentRoot({ [QUESTIONS]: "questions:\n  - id: q-1\n    stem: [unclosed\n" }), QUESTIONS, "(file)", /^not valid YAML: /);
  });

  it("a question file without questions", () => {
    expectProblem(contentRoot({ [QUESTIONS]: "questions: []\n" }), QUESTIONS, "questions", /.+/);
  });
});

describe("loadContent refuses bad reference data", () => {
  it("an unknown key position in a plan period", () => {
    const edit = replace("keyPositions: [SAFETY_EXECUTIVE,", "keyPositions: [GHOST_POSITION,");
    expectProblem(contentRoot({ [PERIODS]: edit }), PERIODS, "periods[0].keyPositions[0]", /^unknown position GHOST_POSITION$/);
  });

  it("an unknown key industry in a plan period", () => {
    const edit = replace("keyIndustries: [HAZCHEM, FIREWORKS, MINING, METALLURGY, BUILDING_MATERIALS, CONSTRUCTION, TRANSPORT, MACHINERY, VANADIUM_TITANIUM, ON_DEMAND_DELIVERY]", "keyIndustries: [HAZCHEM, SPACE_TRAVEL]");
    expectProblem(contentRoot({ [PERIODS]: edit }), PERIODS, "periods[1].keyIndustries[1]", /unknown industry SPACE_TRAVEL/);
  });

  it("a period that ends before it starts", () => {
    expectProblem(contentRoot({ [PERIODS]: replace("endYear: 2025", "endYear: 2020") }), PERIODS, "periods[0].endYear", /must not be before startYear/);
  });

  it("a missing reference file", () => {
    expectProblem(contentRoot({ "reference/positions.yaml": null }), "reference/positions.yaml", "(file)", /missing/);
  });

  it("a course that names a position the reference data no longer has", () => {
    const dropTeamLeader = (text: string) => {
      const out = text.replace(/  - code: TEAM_LEADER\n(    .*\n)+/, "");
      if (out === text) throw new Error("positions.yaml has no TEAM_LEADER entry");
      return out;
    };
    const problems = contentError(contentRoot({ "reference/positions.yaml": dropTeamLeader })).problems;
    expect(problems).toContainEqual({ file: COURSE, field: "frontmatter.audience.positions[0]", message: "unknown position TEAM_LEADER" });
  });
});

describe("ContentError", () => {
  let root: string;
  let error: ContentError;
  beforeAll(() => {
    root = contentRoot({
      [COURSE]: replace("classHours: 1", "classHours: -1"),
      [LESSON_1]: replace("minReadingMinutes: 5\n", ""),
      [QUESTIONS]: replace("answer: [B]", "answer: [Z]"),
    });
    error = contentError(root);
  });

  it("reports every problem at once, not only the first", () => {
    expect(error.problems.map((p) => `${p.file} ${p.field}`)).toEqual(
      expect.arrayContaining([`${COURSE} frontmatter.classHours`, `${LESSON_1} frontmatter.minReadingMinutes`, `${QUESTIONS} questions[0].answer`]),
    );
  });

  it("uses paths relative to the content root with forward slashes", () => {
    for (const p of error.problems) {
      expect(path.isAbsolute(p.file), p.file).toBe(false);
      expect(p.file).not.toContain("\\");
      expect(existsSync(path.join(root, p.file)), p.file).toBe(true);
    }
  });

  it("has a message that counts the problems and names each file and field", () => {
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ContentError");
    expect(error.message).toMatch(new RegExp(`^content/ has ${error.problems.length} problem\\(s\\):`));
    for (const p of error.problems) expect(error.message).toContain(`${p.file}: ${p.field}: ${p.message}`);
  });
});

describe("loadContent is repeatable", () => {
  it("reports the same problems when the same valid-but-wrong content is loaded twice", () => {
    const root = contentRoot({ [QUESTIONS]: replace("answer: [B]", "answer: [D]") });
    expect(contentError(root).problems).toEqual(contentError(root).problems);
  });

  // Fails: gray-matter caches a file's text before parsing it, so after a frontmatter YAML error the
  // second matter() call on the same text returns the cached, unparsed file (data {}, body = whole
  // file) instead of throwing. The second load then reports missing id/title/kind, not the YAML error.
  it("reports invalid frontmatter YAML again when the same content is loaded a second time", () => {
    const root = contentRoot({ [LESSON_1]: replace("title: 第一节", "title: [never closed") });
    const first = contentError(root).problems;
    expect(first).toContainEqual({ file: LESSON_1, field: "frontmatter", message: expect.stringMatching(/not valid YAML frontmatter/) });
    const second = contentError(root).problems;
    expect(second).toEqual(first);
  });
});

describe("loadContent checks local video files", () => {
  it("names a video missing from public/ when the content root has a public/ beside it", () => {
    const base = mkdtempSync(path.join(os.tmpdir(), "load-content-public-"));
    roots.push(base);
    const root = path.join(base, "content");
    mkdirSync(path.join(root, "reference"), { recursive: true });
    for (const name of readdirSync(path.join(REPO_CONTENT, "reference"))) copyFileSync(path.join(REPO_CONTENT, "reference", name), path.join(root, "reference", name));
    cpSync(FIXTURE_COURSE, path.join(root, "courses/x"), { recursive: true });
    mkdirSync(path.join(base, "public/media"), { recursive: true });
    expectProblem(root, LESSON_2, "frontmatter.video.src", /no file public\/media\/second\.mp4/);
    writeFileSync(path.join(base, "public/media/second.mp4"), "");
    expect(() => loadContent(root)).not.toThrow();
  });
});

describe("loadContent includes a course template", () => {
  const TEMPLATE = "templates/t/template.md";
  const template = (family = "GENERAL") => ({
    [TEMPLATE]: `---\nid: shared\ntitle: 共用模板\nfamily: ${family}\n---\n模板说明。`,
    "templates/t/lessons/00-intro.md": "---\nid: intro\ntitle: 开篇\nkind: reading\nminReadingMinutes: 5\n---\n模板的第一讲。",
    "templates/t/lessons/99-followup.md": "---\nid: followup\ntitle: 回访\nkind: reading\nminReadingMinutes: 5\n---\n模板的最后一讲。",
    "templates/t/questions/t.yaml": [
      "questions:",
      "  - { id: t-p1, pool: practice, lesson: intro, type: true_false, stem: 模板练习题。, answer: true, explanation: 模板解析。, basis: 测试依据 }",
      "  - { id: t-e1, pool: exam, lesson: followup, type: true_false, stem: 模板考试题。, answer: false, explanation: 模板解析。, basis: 测试依据 }",
    ].join("\n"),
  });

  it("orders the template's lessons among the course's by file name, ids prefixed with the course id", () => {
    const root = contentRoot({ ...template(), [COURSE]: replace("classHours: 1", "classHours: 1\ntemplate: shared") });
    const course = loadContent(root).courses[0]!;
    expect(course.lessons.map((l) => [l.id, l.position, l.sourcePath])).toEqual([
      ["fixture-course-intro", 1, "templates/t/lessons/00-intro.md"],
      ["zeta-first", 2, LESSON_1],
      ["alpha-second", 3, LESSON_2],
      ["mid-third", 4, "courses/x/lessons/10.md"],
      ["fixture-course-followup", 5, "templates/t/lessons/99-followup.md"],
    ]);
    expect(course.questions.filter((q) => q.sourcePath.startsWith("templates/")).map((q) => [q.id, q.lesson])).toEqual([
      ["fixture-course-t-p1", "fixture-course-intro"],
      ["fixture-course-t-e1", "fixture-course-followup"],
    ]);
    expect(course.description).toMatch(/^模板说明。\n\nA small valid course/);
  });

  it("refuses an unknown template and a template of another family", () => {
    expectProblem(contentRoot({ [COURSE]: replace("classHours: 1", "classHours: 1\ntemplate: nowhere") }), COURSE, "frontmatter.template", /no template "nowhere"/);
    expectProblem(contentRoot({ ...template("TECH_SCHOOL"), [COURSE]: replace("classHours: 1", "classHours: 1\ntemplate: shared") }), COURSE, "frontmatter.template", /for TECH_SCHOOL courses, not GENERAL/);
  });

  it("refuses hazards on a lesson of a course without one enterprise's hazard report", () => {
    expectProblem(contentRoot({ [LESSON_1]: replace("minReadingMinutes: 5", "minReadingMinutes: 5\nhazards: [h1]") }), LESSON_1, "frontmatter.hazards", /belongs to a course for one enterprise that has a hazard report/);
  });
});

describe("the repository's content covers the three course families the plans require", () => {
  it("has a technical-school course, a three-categories course and a customised course per demo key enterprise", () => {
    const courses = loadContent(REPO_CONTENT).courses;
    const ids = (family: string) => courses.filter((c) => c.family === family).map((c) => c.id);
    expect(ids("TECH_SCHOOL")).toEqual(["jigong-bixiu"]);
    expect(ids("HAZCHEM_THREE_CATEGORIES")).toEqual(["weihua-sanlei"]);
    expect(ids("TWO_REDUCTIONS").sort()).toEqual(["lj-anjian-jianzhu", "lj-panxi-fantai"]);
  });

  it("the technical-school course has at least 10 class hours of lessons and an exam bank of at least 150", () => {
    const course = loadContent(REPO_CONTENT).courses.find((c) => c.id === "jigong-bixiu")!;
    const minutes = course.lessons.reduce((sum, l) => sum + (l.minReadingMinutes ?? 0), 0);
    expect(minutes).toBeGreaterThanOrEqual(10 * 45);
    expect(course.questions.filter((q) => q.pool === "exam").length).toBeGreaterThanOrEqual(150);
  });
});
