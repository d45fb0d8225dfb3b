// Renders each lesson's video from its own text: a title slide, then one slide per `## ` section (the
// heading and the section's first sentence), SLIDE_SECONDS each, H.264 at a phone-friendly size. Writes
// public/media/<course id>/<lesson id>.mp4 and sets the lesson's `video` frontmatter (src, duration).
// Needs Debian's ffmpeg and fonts-noto-cjk. Usage:
//   npx tsx scripts/media/render-lesson-videos.ts content/courses/<course folder> [lesson id …]
//   npx tsx scripts/media/render-lesson-videos.ts content/templates/<template folder> [lesson id …]
// A template's videos go to public/media/<template id>/ and are shared by the courses that include it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import matter from "gray-matter";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
const SLIDE_SECONDS = 8;
const COLORS = ["0x0b4f8a", "0x14532d", "0x7c2d12", "0x1e3a8a", "0x7f1d1d", "0x134e4a", "0x3b0764"];

type Slide = { title: string; line: string };

/** Wraps Chinese text into lines of at most `width` characters. */
function wrap(text: string, width: number): string {
  // Balanced lines: 15 characters become 8 + 7, not 14 + 1.
  const count = Math.max(1, Math.ceil(text.length / width));
  const even = Math.ceil(text.length / count);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += even) lines.push(text.slice(i, i + even));
  return lines.slice(0, 4).join("\n");
}

const plain = (s: string) => s.replace(/\*\*|__|`|\[|\]\([^)]*\)/g, "").replace(/^[-*\d.、\s]+/, "").trim();

export function slidesOf(title: string, body: string): Slide[] {
  const slides: Slide[] = [{ title, line: "工伤预防培训" }];
  const sections = body.split(/^## /m).slice(1);
  for (const section of sections) {
    const [heading = "", ...rest] = section.split("\n");
    // The section's first paragraph, list markers removed.
    const para = rest.join("\n").trim().split(/\n\s*\n/)[0] ?? "";
    const text = para.split("\n").map(plain).join("");
    const first = text.split(/(?<=[。！？])/)[0] ?? "";
    slides.push({ title: plain(heading), line: first.length > 60 ? `${first.slice(0, 58)}…` : first });
  }
  return slides;
}

function render(slides: Slide[], out: string) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "slides-"));
  try {
    const inputs: string[] = [];
    let filters = "";
    slides.forEach((s, i) => {
      writeFileSync(path.join(tmp, `t${i}.txt`), wrap(s.title, 14));
      writeFileSync(path.join(tmp, `l${i}.txt`), wrap(s.line, 22));
      inputs.push("-f", "lavfi", "-t", String(SLIDE_SECONDS), "-i", `color=c=${COLORS[i % COLORS.length]}:s=640x360:r=15`);
      filters +=
        `[${i}:v]drawtext=fontfile=${FONT}:textfile=${path.join(tmp, `t${i}.txt`)}:fontcolor=white:fontsize=34:line_spacing=8:x=(w-text_w)/2:y=70,` +
        `drawtext=fontfile=${FONT}:textfile=${path.join(tmp, `l${i}.txt`)}:fontcolor=0xfde68a:fontsize=22:line_spacing=10:x=(w-text_w)/2:y=200[v${i}];`;
    });
    filters += `${slides.map((_, i) => `[v${i}]`).join("")}concat=n=${slides.length}:v=1:a=0[out]`;
    mkdirSync(path.dirname(out), { recursive: true });
    execFileSync("ffmpeg", ["-y", "-loglevel", "error", ...inputs, "-filter_complex", filters, "-map", "[out]", "-c:v", "libx264", "-profile:v", "baseline", "-pix_fmt", "yuv420p", "-crf", "32", "-preset", "veryslow", "-movflags", "+faststart", out]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function main() {
  const [dir, ...only] = process.argv.slice(2);
  if (!dir) throw new Error("usage: npx tsx scripts/media/render-lesson-videos.ts <course folder> [lesson id …]");
  const courseDir = path.resolve(dir);
  const front = ["course.md", "template.md"].map((f) => path.join(courseDir, f)).find((f) => existsSync(f));
  if (!front) throw new Error(`${courseDir} has neither course.md nor template.md`);
  const courseId = (matter(readFileSync(front, "utf8"), {}).data as { id: string }).id;
  const lessonsDir = path.join(courseDir, "lessons");
  for (const file of readdirSync(lessonsDir).filter((f) => f.endsWith(".md")).sort()) {
    const full = path.join(lessonsDir, file);
    const parsed = matter(readFileSync(full, "utf8"), {});
    const data = parsed.data as { id: string; title: string; kind: string; video?: unknown };
    if (only.length && !only.includes(data.id)) continue;
    const slides = slidesOf(data.title, parsed.content);
    const src = `/media/${courseId}/${data.id}.mp4`;
    render(slides, path.join(ROOT, "public", src));
    data.video = { src, durationSeconds: slides.length * SLIDE_SECONDS };
    writeFileSync(full, matter.stringify(parsed.content, data));
    console.log(`${data.id}: ${slides.length} slides, ${slides.length * SLIDE_SECONDS} s → public${src}`);
  }
}

main();
