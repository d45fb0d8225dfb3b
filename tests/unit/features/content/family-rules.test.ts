// Each course family's rules (DOMAIN.md): class-hour minimums, practice per lesson, exam bank size and
// variety, no question asked twice, every lesson reachable, a module per hazardous-chemicals category.
import { describe, expect, it } from "vitest";
import { familyProblems, FAMILY_RULES } from "@/features/content/family-rules";
import type { ExamPaper } from "@/features/exams/definition";

type Course = Parameters<typeof familyProblems>[0];

const lesson = (id: string, positions: string[] = [], hazards: string[] = []) => ({ id, title: id, kind: "reading" as const, minReadingMinutes: 45, video: { src: `/media/c/${id}.mp4`, durationSeconds: 60 }, positions, hazards, checkpoints: [], sourcePath: `courses/c/lessons/${id}.md` });
const question = (id: string, pool: "practice" | "exam", type: "single" | "multiple" | "true_false", lessonId?: string) => ({
  id,
  pool,
  lesson: lessonId,
  type,
  topic: "",
  stem: `第 ${id} 题的题干`,
  options: type === "true_false" ? undefined : [{ key: "A", text: "甲" }, { key: "B", text: "乙" }],
  answer: type === "true_false" ? true : type === "single" ? ["A"] : ["A", "B"],
  explanation: "因为如此。",
  basis: "测试依据",
  sourcePath: "courses/c/questions/q.yaml",
});

/** A hazard report with one major hazard (h1), for the 两降两增 course of the fixture. */
const report = {
  enterprise: "91510411MA6230K1X7",
  investigation: { by: "服务中心", startedOn: new Date("2026-03-09"), endedOn: new Date("2026-03-13"), summary: "排查" },
  hazards: [{ id: "h1", category: "HOT_METAL" as const, level: "MAJOR" as const, location: "一号炉", description: "事故坑积水", measure: "", foundOn: new Date("2026-03-10"), status: "OPEN" as const }],
  sourcePath: "enterprises/e/hazards.yaml",
};

/** An exam of 10 questions × 10 points drawn from the whole path. */
const examOf = (papers: ExamPaper[] = [{ positions: [], sections: [{ from: "path", single: { count: 4, points: 10 }, multiple: { count: 3, points: 10 }, true_false: { count: 3, points: 10 } }] }]) => ({
  timeLimitMinutes: 60,
  totalPoints: 100,
  passMark: 80,
  attempts: 2,
  review: true,
  multipleScoring: "all_or_nothing" as const,
  papers,
});

/** A course meeting its family's minimums, to break one rule at a time. */
function course(family: Course["family"], over: Partial<Course> = {}): Course {
  const rules = FAMILY_RULES[family];
  const lessons = [lesson("l1"), lesson("l2", [], family === "TWO_REDUCTIONS" ? ["h1"] : [])];
  const practice = lessons.flatMap((l) => Array.from({ length: rules.minPracticePerLesson }, (_, i) => question(`${l.id}-p${i}`, "practice", "single", l.id)));
  const types = ["single", "multiple", "true_false"] as const;
  const exam = Array.from({ length: rules.minExamBank }, (_, i) => question(`e${i}`, "exam", types[i % 3]!));
  return {
    id: "c",
    title: "课程",
    family,
    summary: "",
    classHours: rules.minClassHours,
    minutesPerClassHour: 45,
    audience: { schoolStudents: true, positions: [], industries: [], enterprises: family === "TWO_REDUCTIONS" ? ["91510411MA6230K1X7"] : [], planPeriodKeyPositions: false, withinIndustries: [] },
    certificate: { issuer: "测试培训机构" },
    exam: rules.examRequired ? examOf() : undefined,
    sourcePath: "courses/c/course.md",
    lessons,
    questions: [...practice, ...exam],
    ...over,
  };
}

describe("familyProblems", () => {
  it("accepts a course meeting its family's minimums", () => {
    expect(familyProblems(course("TECH_SCHOOL"))).toEqual([]);
    expect(familyProblems(course("GENERAL"))).toEqual([]);
    expect(familyProblems(course("TWO_REDUCTIONS"), { hazardReport: report })).toEqual([]);
  });

  it("a technical-school course has at least 10 class hours", () => {
    expect(familyProblems(course("TECH_SCHOOL", { classHours: 9.5 }))).toContainEqual({ file: "courses/c/course.md", field: "frontmatter.classHours", message: expect.stringContaining("at least 10") });
  });

  it("every lesson of a technical-school or three-categories course carries a video", () => {
    const c = course("TECH_SCHOOL");
    const noVideo = { ...c, lessons: [c.lessons[0]!, { ...c.lessons[1]!, video: undefined }] };
    expect(familyProblems(noVideo)).toEqual([{ file: "courses/c/lessons/l2.md", field: "frontmatter.video", message: expect.stringContaining("carries a video") }]);
    const twoReductions = course("TWO_REDUCTIONS");
    expect(familyProblems({ ...twoReductions, lessons: twoReductions.lessons.map((l) => ({ ...l, video: undefined })) }, { hazardReport: report })).toEqual([]);
  });

  it("a hazardous-chemicals course has at least 24 class hours and a module per category", () => {
    const c = course("HAZCHEM_THREE_CATEGORIES", { classHours: 20, audience: { schoolStudents: false, positions: [], industries: ["HAZCHEM"], enterprises: [], planPeriodKeyPositions: false, withinIndustries: [] } });
    const problems = familyProblems(c);
    expect(problems).toContainEqual(expect.objectContaining({ field: "frontmatter.classHours", message: expect.stringContaining("24") }));
    for (const cat of ["SAFETY_EXECUTIVE", "FULLTIME_SAFETY_MANAGER", "TEAM_LEADER"]) {
      expect(problems).toContainEqual(expect.objectContaining({ field: "lessons", message: expect.stringContaining(cat) }));
    }
  });

  /** Core of 2 × 300 minutes and a 120-minute module per category: each path is 24 hours × 30 minutes. */
  function hazchem() {
    const audience = { schoolStudents: false, positions: ["SAFETY_EXECUTIVE", "FULLTIME_SAFETY_MANAGER", "TEAM_LEADER"], industries: [], enterprises: [], planPeriodKeyPositions: false, withinIndustries: ["HAZCHEM"] };
    const c = course("HAZCHEM_THREE_CATEGORIES", { minutesPerClassHour: 30, audience });
    const core = c.lessons.map((l) => ({ ...l, minReadingMinutes: 300 }));
    const modules = [lesson("m1", ["SAFETY_EXECUTIVE"]), lesson("m2", ["FULLTIME_SAFETY_MANAGER"]), lesson("m3", ["TEAM_LEADER"])].map((l) => ({ ...l, minReadingMinutes: 120 }));
    const practice = ["m1", "m2", "m3"].flatMap((l) => Array.from({ length: 10 }, (_, i) => question(`${l}-p${i}`, "practice", "single", l)));
    const moduleExam = ["m1", "m2", "m3"].map((l) => question(`${l}-e`, "exam", "single", l));
    const papers = ["SAFETY_EXECUTIVE", "FULLTIME_SAFETY_MANAGER", "TEAM_LEADER"].map((category) => ({
      positions: [category],
      sections: [
        { from: "core" as const, single: { count: 4, points: 10 }, multiple: { count: 2, points: 10 }, true_false: { count: 3, points: 10 } },
        { from: "module" as const, single: { count: 1, points: 10 } },
      ],
    }));
    return { ...c, exam: examOf(papers), lessons: [...core, ...modules], questions: [...c.questions, ...practice, ...moduleExam] };
  }

  it("accepts a hazardous-chemicals course whose every category path carries the hours and an exam", () => {
    expect(familyProblems(hazchem())).toEqual([]);
  });

  it("each category's own path (core + module) must carry the hours, not the course's lessons together", () => {
    const c = hazchem();
    const shortTeamLeader = { ...c, lessons: c.lessons.map((l) => (l.id === "m3" ? { ...l, minReadingMinutes: 60 } : l)) };
    expect(familyProblems(shortTeamLeader)).toEqual([
      { file: "courses/c/course.md", field: "frontmatter.classHours", message: expect.stringContaining("the TEAM_LEADER path (core + module) adds up to 660 minutes") },
    ]);
  });

  it("each category's exam has questions on its own module and a bank of at least 100", () => {
    const c = hazchem();
    const noManagerQuestions = { ...c, questions: c.questions.filter((q) => q.id !== "m2-e") };
    expect(familyProblems(noManagerQuestions)).toEqual([
      { file: "courses/c/course.md", field: "frontmatter.exam.papers.1", message: "the FULLTIME_SAFETY_MANAGER paper: section 2 wants 1 single question(s) and its bank has 0" },
      { file: "courses/c/course.md", field: "questions", message: "the FULLTIME_SAFETY_MANAGER exam has no questions on its own module" },
    ]);
    // Exam questions of another category's module do not count toward this category's bank.
    const onModules = { ...c, questions: c.questions.map((q, i) => (q.pool === "exam" && !q.lesson ? { ...q, lesson: i % 2 ? "m1" : "m2" } : q)) };
    expect(familyProblems(onModules)).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/the TEAM_LEADER exam can draw on 1 question\(s\)/) }));
  });

  it("the curriculum families define an exam whose every paper can be drawn in full", () => {
    expect(familyProblems(course("TECH_SCHOOL", { exam: undefined }))).toEqual([{ file: "courses/c/course.md", field: "frontmatter.exam", message: expect.stringContaining("defines its exam") }]);
    const greedy = examOf([{ positions: [], sections: [{ from: "path", single: { count: 60, points: 1 }, multiple: { count: 40, points: 1 }, true_false: { count: 0, points: 1 } }] }]);
    expect(familyProblems(course("TECH_SCHOOL", { exam: greedy }))).toEqual([
      { file: "courses/c/course.md", field: "frontmatter.exam.papers.0", message: "section 1 wants 60 single question(s) and its bank has 50" },
    ]);
  });

  it("the three-categories exam has a paper per category", () => {
    const c = hazchem();
    const twoPapers = { ...c, exam: { ...c.exam!, papers: c.exam!.papers.slice(0, 2) } };
    expect(familyProblems(twoPapers)).toEqual([{ file: "courses/c/course.md", field: "frontmatter.exam.papers", message: expect.stringContaining("a paper for TEAM_LEADER") }]);
  });

  it("names a lesson with too few practice questions", () => {
    const c = course("TECH_SCHOOL");
    const fewer = { ...c, questions: c.questions.filter((q) => q.id !== "l2-p0") };
    expect(familyProblems(fewer)).toContainEqual({ file: "courses/c/lessons/l2.md", field: "frontmatter.id", message: expect.stringContaining("9 practice question") });
  });

  it("needs the exam bank's size and all three question types", () => {
    const c = course("TECH_SCHOOL");
    const small = { ...c, questions: c.questions.filter((q) => q.id !== "e0") };
    expect(familyProblems(small)).toContainEqual(expect.objectContaining({ field: "questions", message: expect.stringContaining("149") }));
    const noJudge = { ...c, questions: c.questions.map((q) => (q.type === "true_false" ? { ...q, type: "single" as const, options: [{ key: "A", text: "甲" }], answer: ["A"] } : q)) };
    expect(familyProblems(noJudge)).toContainEqual(expect.objectContaining({ message: "the exam bank has no true_false questions" }));
  });

  it("names a question asked twice, even with other punctuation", () => {
    const c = course("GENERAL");
    const twice = { ...c, questions: [question("a", "exam", "single"), { ...question("b", "exam", "single"), stem: "第 a 题的题干？" }] };
    expect(familyProblems(twice)).toContainEqual({ file: "courses/c/questions/q.yaml", field: "b", message: "asks the same as a" });
  });

  it("names a syllabus lesson no learner of the course can reach", () => {
    const c = course("GENERAL", { audience: { schoolStudents: false, positions: ["TEAM_LEADER"], industries: [], enterprises: [], planPeriodKeyPositions: false, withinIndustries: [] } });
    const unreachable = { ...c, lessons: [...c.lessons, lesson("x", ["PRINCIPAL_HEAD"])] };
    expect(familyProblems(unreachable)).toContainEqual({ file: "courses/c/lessons/x.md", field: "frontmatter.positions", message: expect.stringContaining("unreachable") });
  });

  it("a customised course names its one enterprise, which has a hazard report", () => {
    const c = course("TWO_REDUCTIONS");
    expect(familyProblems({ ...c, audience: { ...c.audience, enterprises: [] } }, { hazardReport: report })).toContainEqual(expect.objectContaining({ field: "frontmatter.audience.enterprises" }));
    expect(familyProblems(c)).toEqual([{ file: "courses/c/course.md", field: "frontmatter.audience.enterprises", message: expect.stringContaining("no hazard investigation report") }]);
  });

  it("a customised course takes up every major hazard of its enterprise's report", () => {
    const c = course("TWO_REDUCTIONS");
    const withMajor = { ...report, hazards: [...report.hazards, { ...report.hazards[0]!, id: "h2", level: "MAJOR" as const, location: "二号炉" }] };
    expect(familyProblems(c, { hazardReport: withMajor })).toEqual([{ file: "enterprises/e/hazards.yaml", field: "h2", message: "major hazard h2 (二号炉) is not taken up by any lesson of c" }]);
    const noneBuilt = { ...c, lessons: c.lessons.map((l) => ({ ...l, hazards: [] })) };
    expect(familyProblems(noneBuilt, { hazardReport: report })).toContainEqual(expect.objectContaining({ field: "lessons", message: expect.stringContaining("no lesson is built on") }));
  });
});
