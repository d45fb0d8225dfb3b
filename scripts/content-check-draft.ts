// Validates a draft course (content/drafts/<id>/) with the real loader, in a temporary content root
// beside the repository's reference data, without publishing it:
//   npx tsx scripts/content-check-draft.ts <id>              the whole draft, every rule
//   npx tsx scripts/content-check-draft.ts <id> --unit 03    one unit (lessons/03-*, questions/03-*) on its own;
//                                                           the course-wide minimums (hours, bank size) are skipped
//   npx tsx scripts/content-check-draft.ts --course <id>     one course of content/courses/ on its own, every rule
// Templates (content/templates/) and hazard reports (content/enterprises/) are copied along.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ContentError, loadContent } from "@/features/content/load";

const published = process.argv[2] === "--course";
const id = published ? process.argv[3] : process.argv[2];
const unitFlag = process.argv.indexOf("--unit");
const unit = unitFlag > 0 ? process.argv[unitFlag + 1] : undefined;
if (!id || (unitFlag > 0 && !unit)) {
  console.error("usage: npx tsx scripts/content-check-draft.ts <draft id> [--unit NN]");
  process.exit(2);
}
const ROOT = path.resolve(import.meta.dirname, "..");
const source = path.join(ROOT, published ? "content/courses" : "content/drafts", id);
const tmp = mkdtempSync(path.join(os.tmpdir(), "draft-check-"));
const target = path.join(tmp, "courses", id);
try {
  for (const dir of ["reference", "templates", "enterprises"]) cpSync(path.join(ROOT, "content", dir), path.join(tmp, dir), { recursive: true });
  if (unit) {
    cpSync(path.join(source, "course.md"), path.join(target, "course.md"));
    for (const dir of ["lessons", "questions"])
      for (const file of readdirSync(path.join(source, dir)).filter((f) => f.startsWith(`${unit}-`)))
        cpSync(path.join(source, dir, file), path.join(target, dir, file));
  } else cpSync(source, target, { recursive: true });

  let problems: { file: string; field: string; message: string }[] = [];
  try {
    const content = loadContent(tmp);
    const course = content.courses[0]!;
    const count = (pool: string, type?: string) => course.questions.filter((q) => q.pool === pool && (!type || q.type === type)).length;
    console.log(
      `✓ ${id}${unit ? ` unit ${unit}` : ""}: ${course.lessons.length} lesson(s); practice ${count("practice")}; exam ${count("exam")} (single ${count("exam", "single")}, multiple ${count("exam", "multiple")}, true/false ${count("exam", "true_false")})`,
    );
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems = error.problems;
    // A unit alone cannot meet the course-wide minimums; everything else still applies.
    if (unit) problems = problems.filter((p) => !(p.file.endsWith("course.md") && ["frontmatter.classHours", "questions", "lessons"].includes(p.field)));
    for (const p of problems) console.log(`✗ ${p.file}: ${p.field}: ${p.message}`);
    if (problems.length === 0) console.log(`✓ ${id} unit ${unit}: no problems within the unit (course-wide minimums not checked)`);
    else process.exitCode = 1;
  }
  if (unit) {
    for (const file of readdirSync(path.join(source, "lessons")).filter((f) => f.startsWith(`${unit}-`))) {
      const text = readFileSync(path.join(source, "lessons", file), "utf8").replace(/^---[\s\S]*?---/, "");
      const chars = text.replace(/\s/g, "").length;
      const headings = (text.match(/^## /gm) ?? []).length;
      console.log(`  ${file}: ${chars} characters (no spaces), ${headings} "## " sections`);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
