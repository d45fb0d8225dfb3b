// What each course family must contain (DOMAIN.md, "The three course families"; issue: real course
// content). Pure: given a loaded course, the problems found, each with the file and field to fix.
import { paperShortfalls, type BankQuestion } from "@/features/exams/rules";
import type { CourseFrontmatter, HazardsFile, LessonFrontmatter, QuestionInput } from "./schemas";

type Course = CourseFrontmatter & { sourcePath: string; lessons: (LessonFrontmatter & { sourcePath: string })[]; questions: (QuestionInput & { sourcePath: string })[] };
export type FamilyProblem = { file: string; field: string; message: string };

/** The rules per family: minimum class hours, practice questions per lesson, exam bank size. */
export const FAMILY_RULES = {
  /** 技工院校工伤预防必修课: 教学时间不低于10课时. */
  TECH_SCHOOL: { minClassHours: 10, minPracticePerLesson: 10, minExamBank: 150, videoPerLesson: true, examRequired: true },
  /** 危险化学品企业“三类人员”培训: provincial practice, at least 24 class hours. */
  HAZCHEM_THREE_CATEGORIES: { minClassHours: 24, minPracticePerLesson: 10, minExamBank: 150, videoPerLesson: true, examRequired: true },
  /** “两降两增”定制化培训: one key enterprise's course. */
  TWO_REDUCTIONS: { minClassHours: 1, minPracticePerLesson: 5, minExamBank: 20, videoPerLesson: false, examRequired: true },
  /** Short awareness courses: no minimums beyond the loader's own checks. */
  GENERAL: { minClassHours: 0, minPracticePerLesson: 0, minExamBank: 0, videoPerLesson: false, examRequired: false },
} as const;

/** The three categories of personnel (人社部函〔2021〕168号): each has its own module. */
export const HAZCHEM_CATEGORIES = ["SAFETY_EXECUTIVE", "FULLTIME_SAFETY_MANAGER", "TEAM_LEADER"] as const;
/** Each category's exam draws from at least this many questions (core + its module), so papers vary. */
export const HAZCHEM_MIN_EXAM_BANK_PER_CATEGORY = 100;

/** A lesson's nominal length: a video's duration or a reading lesson's minimum reading time. */
function lessonSeconds(l: LessonFrontmatter): number {
  return l.kind === "video" ? (l.video?.durationSeconds ?? 0) : (l.minReadingMinutes ?? 0) * 60;
}

const normalise = (stem: string) => stem.replace(/[\s，。？?！!、：:；;（）()“”"']/g, "");

/** What else the rules look at: the hazard report of the course's enterprise (两降两增), when it has one. */
export type FamilyContext = { hazardReport?: HazardsFile & { sourcePath: string } };

export function familyProblems(course: Course, context: FamilyContext = {}): FamilyProblem[] {
  const rules = FAMILY_RULES[course.family];
  const problems: FamilyProblem[] = [];
  const add = (file: string, field: string, message: string) => problems.push({ file, field, message });

  if (course.classHours < rules.minClassHours)
    add(course.sourcePath, "frontmatter.classHours", `a ${course.family} course has at least ${rules.minClassHours} class hours`);

  for (const lesson of course.lessons) {
    const practice = course.questions.filter((q) => q.pool === "practice" && q.lesson === lesson.id).length;
    if (practice < rules.minPracticePerLesson)
      add(lesson.sourcePath, "frontmatter.id", `lesson ${lesson.id} has ${practice} practice question(s); a ${course.family} lesson needs at least ${rules.minPracticePerLesson}`);
    // The curriculum families teach every unit by reading and by video (a rendered one or a Mux id).
    if (rules.videoPerLesson && !lesson.video)
      add(lesson.sourcePath, "frontmatter.video", `a ${course.family} lesson carries a video (render it with scripts/media/render-lesson-videos.ts)`);
  }

  const exam = course.questions.filter((q) => q.pool === "exam");
  if (exam.length < rules.minExamBank)
    add(course.sourcePath, "questions", `the exam bank has ${exam.length} question(s); a ${course.family} course needs at least ${rules.minExamBank}`);
  for (const type of ["single", "multiple", "true_false"] as const) {
    if (rules.minExamBank > 0 && !exam.some((q) => q.type === type)) add(course.sourcePath, "questions", `the exam bank has no ${type} questions`);
  }

  // The exam: the curriculum families end with one, and every paper can be drawn in full from the bank.
  if (rules.examRequired && !course.exam) add(course.sourcePath, "frontmatter.exam", `a ${course.family} course defines its exam (papers, time limit, pass mark)`);
  if (course.exam) {
    const bank: BankQuestion[] = exam.map((q) => ({ id: q.id, type: q.type, lessonId: q.lesson ?? null, optionKeys: (q.options ?? []).map((o) => o.key), timesDrawn: 0 }));
    const scopes = course.lessons.map((l) => ({ id: l.id, positions: l.positions }));
    course.exam.papers.forEach((paper, i) => {
      for (const message of paperShortfalls(paper, bank, scopes)) add(course.sourcePath, `frontmatter.exam.papers.${i}`, message);
    });
    if (course.family === "HAZCHEM_THREE_CATEGORIES")
      for (const category of HAZCHEM_CATEGORIES)
        if (!course.exam.papers.some((p) => p.positions.includes(category)))
          add(course.sourcePath, "frontmatter.exam.papers", `the three-categories exam has a paper for ${category} (papers: [{ positions: [${category}], … }])`);
  }

  // No question asked twice (same stem once punctuation and spaces are ignored).
  const seen = new Map<string, string>();
  for (const q of course.questions) {
    const key = normalise(q.stem);
    const first = seen.get(key);
    if (first) add(q.sourcePath, q.id, `asks the same as ${first}`);
    else seen.set(key, q.id);
  }

  // Every lesson is reachable: a syllabus lesson's positions must be among those the course is for.
  const audiencePositions = new Set(course.audience.positions);
  const anyPosition = course.audience.planPeriodKeyPositions || course.audience.industries.length > 0 || course.audience.enterprises.length > 0;
  for (const lesson of course.lessons) {
    if (lesson.positions.length === 0 || anyPosition) continue;
    if (!lesson.positions.some((p) => audiencePositions.has(p)))
      add(lesson.sourcePath, "frontmatter.positions", "no learner of this course holds these positions: the lesson is unreachable");
  }

  if (course.family === "HAZCHEM_THREE_CATEGORIES") {
    // A syllabus per category (DOMAIN.md): each category's own path (the shared core plus its module)
    // carries the full hours, and its exam draws from the core's and its module's questions.
    const minSeconds = course.classHours * course.minutesPerClassHour * 60;
    for (const category of HAZCHEM_CATEGORIES) {
      if (!course.lessons.some((l) => l.positions.includes(category)))
        add(course.sourcePath, "lessons", `the three-categories course needs a module (lessons with positions: [${category}]) for ${category}`);
      const path = course.lessons.filter((l) => l.positions.length === 0 || l.positions.includes(category));
      const seconds = path.reduce((sum, l) => sum + lessonSeconds(l), 0);
      if (seconds < minSeconds)
        add(course.sourcePath, "frontmatter.classHours", `the ${category} path (core + module) adds up to ${Math.round(seconds / 60)} minutes, less than ${course.classHours} class hour(s) × ${course.minutesPerClassHour} minutes`);
      const pathIds = new Set(path.map((l) => l.id));
      const bank = exam.filter((q) => !q.lesson || pathIds.has(q.lesson));
      if (bank.length < HAZCHEM_MIN_EXAM_BANK_PER_CATEGORY)
        add(course.sourcePath, "questions", `the ${category} exam can draw on ${bank.length} question(s); it needs at least ${HAZCHEM_MIN_EXAM_BANK_PER_CATEGORY}`);
      const own = exam.filter((q) => q.lesson && course.lessons.some((l) => l.id === q.lesson && l.positions.includes(category)));
      if (own.length === 0) add(course.sourcePath, "questions", `the ${category} exam has no questions on its own module`);
    }
  }
  if (course.family === "TWO_REDUCTIONS") {
    // Customised courseware is built from the enterprise's own pre-training hazard investigation
    // (seed 003: 培训前调研、隐患排查 → 定制化课件): one enterprise, its report, and every major hazard
    // of the report taken up by some lesson.
    if (course.audience.enterprises.length !== 1) add(course.sourcePath, "frontmatter.audience.enterprises", "a customised (两降两增) course names its one enterprise");
    else if (!context.hazardReport)
      add(course.sourcePath, "frontmatter.audience.enterprises", "the enterprise has no hazard investigation report (content/enterprises/<folder>/hazards.yaml): the customised course is built from it");
    else {
      const covered = new Set(course.lessons.flatMap((l) => l.hazards ?? []));
      if (covered.size === 0) add(course.sourcePath, "lessons", "no lesson is built on the enterprise's hazards (lesson frontmatter hazards: [...])");
      for (const h of context.hazardReport.hazards)
        if (h.level === "MAJOR" && !covered.has(h.id)) add(context.hazardReport.sourcePath, h.id, `major hazard ${h.id} (${h.location}) is not taken up by any lesson of ${course.id}`);
    }
  }
  return problems;
}
