// Reads and validates everything under content/. Pure with respect to the database: it returns either
// the whole validated content or every problem found, each naming the file and the field.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import {
  courseFrontmatterSchema,
  hazardsFileSchema,
  type HazardsFile,
  industriesFileSchema,
  lessonFrontmatterSchema,
  templateFrontmatterSchema,
  planPeriodsFileSchema,
  positionsFileSchema,
  questionsFileSchema,
  regionsFileSchema,
  type CourseFrontmatter,
  type IndustriesFile,
  type LessonFrontmatter,
  type PlanPeriodsFile,
  type PositionsFile,
  type QuestionInput,
  type RegionsFile,
} from "./schemas";
import { familyProblems } from "./family-rules";
import { isValidCreditCode } from "@/lib/identifiers";
import { surveyTemplateSchema, type SurveyTemplate } from "@/features/surveys/definition";

export type ContentProblem = { file: string; field: string; message: string };

export type LoadedLesson = LessonFrontmatter & { position: number; body: string; sourcePath: string; contentHash: string };
export type LoadedQuestion = QuestionInput & { sourcePath: string; contentHash: string };
export type LoadedCourse = CourseFrontmatter & {
  description: string;
  sourcePath: string;
  contentHash: string;
  lessons: LoadedLesson[];
  questions: LoadedQuestion[];
};

export type LoadedHazardReport = HazardsFile & { sourcePath: string; contentHash: string };
export type LoadedSurveyTemplate = SurveyTemplate & { sourcePath: string; contentHash: string };

export type LoadedContent = {
  hazardReports: LoadedHazardReport[];
  regions: RegionsFile;
  industries: IndustriesFile;
  positions: PositionsFile;
  periods: PlanPeriodsFile;
  courses: LoadedCourse[];
  /** Survey templates: content/surveys/<id>.yaml (the file name is the id). */
  surveyTemplates: LoadedSurveyTemplate[];
};

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(`content/ has ${problems.length} problem(s):\n${problems.map((p) => `  ${p.file}: ${p.field}: ${p.message}`).join("\n")}`);
    this.name = "ContentError";
  }
}

const hash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);

function fieldOf(issuePath: readonly PropertyKey[]): string {
  return issuePath.reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), "") || "(root)";
}

class Collector {
  problems: ContentProblem[] = [];
  constructor(private root: string) {}
  rel(file: string) {
    return path.relative(this.root, file).split(path.sep).join("/");
  }
  add(file: string, field: string, message: string) {
    const problem = { file: this.rel(file), field, message };
    // A template's files are read once per course that includes them: report each problem once.
    if (this.problems.some((p) => p.file === problem.file && p.field === field && p.message === message)) return;
    this.problems.push(problem);
  }
  /** Parses `data` with `schema`, recording each issue against `file`; undefined when invalid. */
  parse<S extends z.ZodType>(file: string, schema: S, data: unknown, prefix = ""): z.output<S> | undefined {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const field = fieldOf(issue.path);
      this.add(file, prefix ? (field === "(root)" ? prefix : `${prefix}.${field}`) : field, issue.message);
    }
    return undefined;
  }
  readYaml(file: string): unknown {
    try {
      return parseYaml(readFileSync(file, "utf8"));
    } catch (error) {
      this.add(file, "(file)", `not valid YAML: ${firstLine(error)}`);
      return undefined;
    }
  }
  readMarkdown(file: string): { data: unknown; content: string } | undefined {
    try {
      // An options object turns off gray-matter's cache, which would hand back a failed parse as an
      // empty frontmatter the second time the same text is read.
      const parsed = matter(readFileSync(file, "utf8"), {});
      return { data: parsed.data, content: parsed.content.trim() };
    } catch (error) {
      this.add(file, "frontmatter", `not valid YAML frontmatter: ${firstLine(error)}`);
      return undefined;
    }
  }
}

/** The first line of a parser's error, without the colon that introduces its code excerpt. */
const firstLine = (error: unknown) => (error as Error).message.split("\n")[0]!.replace(/:\s*$/, "");

const listDir = (dir: string, ...exts: string[]) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => exts.some((ext) => f.endsWith(ext)))
        .sort()
        .map((f) => path.join(dir, f))
    : [];

export function loadContent(root = path.join(process.cwd(), "content")): LoadedContent {
  const c = new Collector(root);
  const publicDir = path.join(root, "..", "public");
  const ref = (name: string) => path.join(root, "reference", name);

  const regions = existsSync(ref("regions.yaml")) ? c.parse(ref("regions.yaml"), regionsFileSchema, c.readYaml(ref("regions.yaml"))) : (c.add(ref("regions.yaml"), "(file)", "missing"), undefined);
  const industries = existsSync(ref("industries.yaml")) ? c.parse(ref("industries.yaml"), industriesFileSchema, c.readYaml(ref("industries.yaml"))) : (c.add(ref("industries.yaml"), "(file)", "missing"), undefined);
  const positions = existsSync(ref("positions.yaml")) ? c.parse(ref("positions.yaml"), positionsFileSchema, c.readYaml(ref("positions.yaml"))) : (c.add(ref("positions.yaml"), "(file)", "missing"), undefined);
  const periods = existsSync(ref("plan-periods.yaml")) ? c.parse(ref("plan-periods.yaml"), planPeriodsFileSchema, c.readYaml(ref("plan-periods.yaml"))) : (c.add(ref("plan-periods.yaml"), "(file)", "missing"), undefined);

  if (regions) checkRegions(c, ref("regions.yaml"), regions);
  const industryCodes = new Set(industries?.industries.map((i) => i.code));
  const positionCodes = new Set(positions?.positions.map((p) => p.code));
  if (industries) checkUnique(c, ref("industries.yaml"), "industries", industries.industries.map((i) => i.code));
  if (positions) checkUnique(c, ref("positions.yaml"), "positions", positions.positions.map((p) => p.code));
  if (periods) {
    checkUnique(c, ref("plan-periods.yaml"), "periods", periods.periods.map((p) => p.id));
    periods.periods.forEach((p, i) => {
      p.keyPositions.forEach((code, j) => positionCodes.has(code) || c.add(ref("plan-periods.yaml"), `periods[${i}].keyPositions[${j}]`, `unknown position ${code}`));
      p.keyIndustries.forEach((code, j) => industryCodes.has(code) || c.add(ref("plan-periods.yaml"), `periods[${i}].keyIndustries[${j}]`, `unknown industry ${code}`));
    });
  }

  const seenIds = new Map<string, string>(); // every id across courses, lessons and questions → its file
  const claim = (file: string, field: string, kind: string, id: string) => {
    const key = `${kind}:${id}`;
    const previous = seenIds.get(key);
    if (previous) c.add(file, field, `duplicate ${kind} id "${id}" (also in ${previous})`);
    else seenIds.set(key, c.rel(file));
  };

  // 两降两增 hazard reports: content/enterprises/<folder>/hazards.yaml, one per enterprise.
  const hazardReports: LoadedHazardReport[] = [];
  const enterprisesDir = path.join(root, "enterprises");
  const enterpriseDirs = existsSync(enterprisesDir) ? readdirSync(enterprisesDir).filter((d) => statSync(path.join(enterprisesDir, d)).isDirectory()).sort() : [];
  const reportOf = new Map<string, string>();
  for (const dir of enterpriseDirs) {
    const file = path.join(enterprisesDir, dir, "hazards.yaml");
    if (!existsSync(file)) continue;
    const report = c.parse(file, hazardsFileSchema, c.readYaml(file));
    if (!report) continue;
    if (!isValidCreditCode(report.enterprise)) c.add(file, "enterprise", `${report.enterprise} is not a valid unified social credit code (GB 32100)`);
    const previous = reportOf.get(report.enterprise);
    if (previous) c.add(file, "enterprise", `this enterprise already has a report (${previous})`);
    reportOf.set(report.enterprise, c.rel(file));
    report.hazards.forEach((h, i) => claim(file, `hazards[${i}].id`, "hazard", h.id));
    hazardReports.push({ ...report, sourcePath: c.rel(file), contentHash: hash(report) });
  }

  // Course templates: content/templates/<folder>/template.md with lessons/ and questions/ (e.g. 两降两增).
  const templates = new Map<string, { family: string; body: string; dir: string }>();
  const templatesDir = path.join(root, "templates");
  const templateDirs = existsSync(templatesDir) ? readdirSync(templatesDir).filter((d) => statSync(path.join(templatesDir, d)).isDirectory()).sort() : [];
  for (const dir of templateDirs) {
    const file = path.join(templatesDir, dir, "template.md");
    if (!existsSync(file)) {
      c.add(file, "(file)", "every template folder needs a template.md");
      continue;
    }
    const md = c.readMarkdown(file);
    const tf = md && c.parse(file, templateFrontmatterSchema, md.data, "frontmatter");
    if (!md || !tf) continue;
    if (templates.has(tf.id)) c.add(file, "frontmatter.id", `duplicate template id "${tf.id}"`);
    templates.set(tf.id, { family: tf.family, body: md.content, dir: path.join(templatesDir, dir) });
  }
  const courses: LoadedCourse[] = [];
  const coursesDir = path.join(root, "courses");
  const courseDirs = existsSync(coursesDir) ? readdirSync(coursesDir).filter((d) => statSync(path.join(coursesDir, d)).isDirectory()).sort() : [];
  for (const dir of courseDirs) {
    const courseFile = path.join(coursesDir, dir, "course.md");
    if (!existsSync(courseFile)) {
      c.add(courseFile, "(file)", "every course folder needs a course.md");
      continue;
    }
    const md = c.readMarkdown(courseFile);
    if (!md) continue;
    // An invalid course.md does not stop the checks of its lessons and questions: report everything.
    const front = c.parse(courseFile, courseFrontmatterSchema, md.data, "frontmatter");
    if (front) claim(courseFile, "frontmatter.id", "course", front.id);
    front?.audience.positions.forEach((code, j) => positionCodes.has(code) || c.add(courseFile, `frontmatter.audience.positions[${j}]`, `unknown position ${code}`));
    front?.audience.industries.forEach((code, j) => industryCodes.has(code) || c.add(courseFile, `frontmatter.audience.industries[${j}]`, `unknown industry ${code}`));
    front?.audience.withinIndustries.forEach((code, j) => industryCodes.has(code) || c.add(courseFile, `frontmatter.audience.withinIndustries[${j}]`, `unknown industry ${code}`));

    // A template's lessons and questions join the course's, their ids prefixed with the course's id.
    const template = front?.template ? templates.get(front.template) : undefined;
    if (front?.template && !template) c.add(courseFile, "frontmatter.template", `no template "${front.template}" in templates/`);
    if (front && template && template.family !== front.family) c.add(courseFile, "frontmatter.template", `the template is for ${template.family} courses, not ${front.family}`);
    const prefix = (fromTemplate: boolean, id: string) => (fromTemplate && front ? `${front.id}-${id}` : id);
    const sources = (sub: string, ...exts: string[]) =>
      [
        ...listDir(path.join(coursesDir, dir, sub), ...exts).map((file) => ({ file, fromTemplate: false })),
        ...(template ? listDir(path.join(template.dir, sub), ...exts).map((file) => ({ file, fromTemplate: true })) : []),
      ].sort((a, b) => path.basename(a.file).localeCompare(path.basename(b.file)));

    const lessons: LoadedLesson[] = [];
    for (const { file, fromTemplate } of sources("lessons", ".md")) {
      const lesson = c.readMarkdown(file);
      const parsed = lesson && c.parse(file, lessonFrontmatterSchema, lesson.data, "frontmatter");
      if (!lesson || !parsed) continue;
      const lf = { ...parsed, id: prefix(fromTemplate, parsed.id), checkpoints: parsed.checkpoints.map((cp) => ({ ...cp, question: prefix(fromTemplate, cp.question) })) };
      if (!lesson.content) c.add(file, "body", "a lesson needs a body (its reading text or video notes)");
      claim(file, "frontmatter.id", "lesson", lf.id);
      lf.positions.forEach((code, j) => positionCodes.has(code) || c.add(file, `frontmatter.positions[${j}]`, `unknown position ${code}`));
      // The hazards a 两降两增 module is built on belong to the investigation report of the course's enterprise.
      if (lf.hazards.length > 0) {
        const report = front?.audience.enterprises.length === 1 ? hazardReports.find((r) => r.enterprise === front.audience.enterprises[0]) : undefined;
        if (!report) c.add(file, "frontmatter.hazards", "a lesson built on hazards belongs to a course for one enterprise that has a hazard report (content/enterprises/<folder>/hazards.yaml)");
        else lf.hazards.forEach((h, j) => report.hazards.some((x) => x.id === h) || c.add(file, `frontmatter.hazards[${j}]`, `no hazard "${h}" in ${report.sourcePath}`));
      }
      // A video served from public/ must be there (checked when the content root has a public/ beside it).
      const src = lf.video?.src;
      if (src?.startsWith("/") && existsSync(publicDir) && !existsSync(path.join(publicDir, src)))
        c.add(file, "frontmatter.video.src", `no file public${src}: render it (scripts/media/render-lesson-videos.ts) or fix the path`);
      const position = lessons.length + 1;
      lessons.push({ ...lf, position, body: lesson.content, sourcePath: c.rel(file), contentHash: hash([lf, lesson.content, position]) });
    }
    if (lessons.length === 0) c.add(path.join(coursesDir, dir, "lessons"), "(folder)", "a course needs at least one lesson file");

    const lessonIds = new Set(lessons.map((l) => l.id));
    const questions: LoadedQuestion[] = [];
    for (const { file, fromTemplate } of sources("questions", ".yaml", ".yml")) {
      const parsed = c.parse(file, questionsFileSchema, c.readYaml(file));
      if (!parsed) continue;
      parsed.questions.forEach((input, i) => {
        const q = { ...input, id: prefix(fromTemplate, input.id), lesson: input.lesson && prefix(fromTemplate, input.lesson) };
        claim(file, `questions[${i}].id`, "question", q.id);
        if (q.lesson && !lessonIds.has(q.lesson)) c.add(file, `questions[${i}].lesson`, `no lesson "${q.lesson}" in this course`);
        if (q.pool === "practice" && !q.lesson) c.add(file, `questions[${i}].lesson`, "a practice question names its lesson");
        questions.push({ ...q, sourcePath: c.rel(file), contentHash: hash(q) });
      });
    }

    if (!front) continue;
    lessons.forEach((lesson) =>
      lesson.checkpoints.forEach((cp, j) => {
        const q = questions.find((x) => x.id === cp.question);
        if (!q || q.lesson !== lesson.id || q.pool !== "practice")
          c.add(path.join(root, lesson.sourcePath), `frontmatter.checkpoints[${j}].question`, `"${cp.question}" is not a practice question of this lesson`);
      }),
    );
    // The lessons must be able to carry the required hours (DOMAIN.md: hours short means no exam).
    const nominalSeconds = lessons.reduce((sum, l) => sum + (l.kind === "video" ? (l.video?.durationSeconds ?? 0) : (l.minReadingMinutes ?? 0) * 60), 0);
    if (front && lessons.length > 0 && nominalSeconds < front.classHours * front.minutesPerClassHour * 60)
      c.add(
        courseFile,
        "frontmatter.classHours",
        `the lessons add up to ${Math.round(nominalSeconds / 60)} minutes, less than ${front.classHours} class hour(s) × ${front.minutesPerClassHour} minutes`,
      );
    const hazardReport = front.audience.enterprises.length === 1 ? hazardReports.find((r) => r.enterprise === front.audience.enterprises[0]) : undefined;
    for (const p of familyProblems({ ...front, sourcePath: c.rel(courseFile), lessons, questions }, { hazardReport })) c.add(path.join(root, p.file), p.field, p.message);
    const description = template ? `${template.body}\n\n${md.content}`.trim() : md.content;
    courses.push({
      ...front,
      description,
      sourcePath: c.rel(courseFile),
      contentHash: hash([front, description]),
      lessons,
      questions,
    });
  }

  // Survey templates: content/surveys/<id>.yaml.
  const surveyTemplates: LoadedSurveyTemplate[] = [];
  const surveysDir = path.join(root, "surveys");
  for (const name of existsSync(surveysDir) ? readdirSync(surveysDir).filter((f) => f.endsWith(".yaml")).sort() : []) {
    const file = path.join(surveysDir, name);
    const template = c.parse(file, surveyTemplateSchema, c.readYaml(file));
    if (!template) continue;
    if (template.id !== name.replace(/\.yaml$/, "")) c.add(file, "id", `the id must be the file name (${name.replace(/\.yaml$/, "")})`);
    if (template.id.startsWith("own-")) c.add(file, "id", "ids starting with own- belong to templates providers build in the product");
    surveyTemplates.push({ ...template, sourcePath: c.rel(file), contentHash: hash(template) });
  }

  if (c.problems.length > 0 || !regions || !industries || !positions || !periods) throw new ContentError(c.problems);
  return { regions, industries, positions, periods, courses, hazardReports, surveyTemplates };
}

function checkUnique(c: Collector, file: string, field: string, values: string[]) {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (seen.has(v)) c.add(file, `${field}[${i}]`, `duplicate "${v}"`);
    seen.add(v);
  });
}

/** Each city lies inside its province, each county inside its city (GB/T 2260 code structure). */
function checkRegions(c: Collector, file: string, regions: RegionsFile) {
  const all: string[] = [];
  regions.provinces.forEach((p, i) => {
    all.push(p.code);
    if (!p.code.endsWith("0000")) c.add(file, `provinces[${i}].code`, `${p.code} is not a province code (XX0000)`);
    p.cities.forEach((city, j) => {
      all.push(city.code);
      if (!city.code.startsWith(p.code.slice(0, 2)) || !city.code.endsWith("00") || city.code.endsWith("0000"))
        c.add(file, `provinces[${i}].cities[${j}].code`, `${city.code} is not a city code inside ${p.code}`);
      city.counties.forEach((county, k) => {
        all.push(county.code);
        if (!county.code.startsWith(city.code.slice(0, 4)) || county.code.endsWith("00"))
          c.add(file, `provinces[${i}].cities[${j}].counties[${k}].code`, `${county.code} is not a county code inside ${city.code}`);
      });
    });
  });
  checkUnique(c, file, "codes", all);
}
