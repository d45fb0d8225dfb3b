// Validates a draft course (content/drafts/<id>/) with the real loader, in a temporary content root
// beside the repository's reference data, without publishing it: `npx tsx scripts/content-check-draft.ts <id>`.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ContentError, loadContent } from "@/features/content/load";

const id = process.argv[2];
if (!id) {
  console.error("usage: npx tsx scripts/content-check-draft.ts <draft id>");
  process.exit(2);
}
const ROOT = path.resolve(import.meta.dirname, "..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "draft-check-"));
try {
  cpSync(path.join(ROOT, "content/reference"), path.join(tmp, "reference"), { recursive: true });
  cpSync(path.join(ROOT, "content/drafts", id), path.join(tmp, "courses", id), { recursive: true });
  const content = loadContent(tmp);
  const course = content.courses[0]!;
  const count = (pool: string, type?: string) => course.questions.filter((q) => q.pool === pool && (!type || q.type === type)).length;
  console.log(`✓ ${id}: ${course.lessons.length} lesson(s); practice ${count("practice")}; exam ${count("exam")} (single ${count("exam", "single")}, multiple ${count("exam", "multiple")}, true/false ${count("exam", "true_false")})`);
} catch (error) {
  if (error instanceof ContentError) {
    for (const p of error.problems) console.log(`✗ ${p.file}: ${p.field}: ${p.message}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
