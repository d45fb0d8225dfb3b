// Measures the JavaScript a lesson page loads before the video player, gzipped, beside the framework's
// floor (the empty page /blank of the same build), and checks the player's chunk is fetched only on
// lesson pages. Run after `npx next build`:  npx tsx bench/lesson-js.ts  (writes docs/performance.md).
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { dropFixedTestDatabase } from "../tests/support/databases";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = 3190;
const BASE = `http://127.0.0.1:${PORT}`;
const LABEL = "bench_lesson_js";
const LESSON = "/learn/courses/gongshang-yufang-rumen/lessons/rumen-anquanmao-shipin";

type Script = { url: string; raw: number; gzip: number; player: boolean };

/** Every script the page loads until the network is idle, with its gzipped size. */
async function scriptsOf(page: Page, url: string): Promise<Script[]> {
  const seen: Promise<Script | null>[] = [];
  const onResponse = (res: import("@playwright/test").Response) => {
    if (res.request().resourceType() !== "script") return;
    seen.push(
      res.body().then(
        (body) => ({
          url: new URL(res.url()).pathname,
          raw: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
          // The player's code defines the <mux-player> element.
          player: body.includes("mux-player") && body.includes("customElements"),
        }),
        () => null,
      ),
    );
  };
  page.on("response", onResponse);
  await page.goto(`${BASE}${url}`, { waitUntil: "networkidle" });
  await page.waitForTimeout(1500);
  page.off("response", onResponse);
  return (await Promise.all(seen)).filter((s): s is Script => s !== null);
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const sum = (xs: Script[], f: (s: Script) => boolean = () => true) => xs.filter(f).reduce((n, s) => n + s.gzip, 0);

async function main() {
  const server = spawn(process.execPath, ["--import", "tsx", "tests/e2e/server.ts"], {
    cwd: ROOT,
    env: { ...process.env, TEST_DB: "sqlite", E2E_SERVER_PORT: String(PORT), E2E_DATABASE_LABEL: LABEL },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false)) break;
      if (i > 120) throw new Error("the server did not start");
      await new Promise((r) => setTimeout(r, 1000));
    }
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
    const page = await context.newPage();
    const blank = await scriptsOf(page, "/blank");

    await page.goto(`${BASE}/login`);
    await page.getByLabel("手机号").fill("13800000006");
    await page.getByLabel("密码", { exact: true }).fill("Demo2026!");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/learn$/);

    // Fresh page loads (no client-side navigation), each in a new page so nothing is cached in memory.
    const fresh = async (url: string) => {
      const p = await context.newPage();
      await p.route("**/*", (route) => route.continue({ headers: { ...route.request().headers(), "cache-control": "no-cache" } }));
      const scripts = await scriptsOf(p, url);
      await p.close();
      return scripts;
    };
    const courses = await fresh("/learn");
    const lesson = await fresh(LESSON);
    await browser.close();

    const floor = sum(blank);
    const beforePlayer = sum(lesson, (s) => !s.player);
    const player = sum(lesson, (s) => s.player);
    const playerElsewhere = [...blank, ...courses].some((s) => s.player);
    const result = {
      floorKB: kb(floor),
      lessonBeforePlayerKB: kb(beforePlayer),
      aboveFloorKB: kb(beforePlayer - floor),
      playerKB: kb(player),
      playerChunkOnLessonPage: lesson.some((s) => s.player),
      playerChunkOnOtherPages: playerElsewhere,
    };
    console.log(JSON.stringify(result, null, 2));

    const rows = (xs: Script[]) => xs.map((s) => `| \`${s.url.replace(/^\/_next\/static\/chunks\//, "")}\` | ${kb(s.raw)} | ${kb(s.gzip)} |${s.player ? " player |" : " |"}`).join("\n");
    writeFileSync(
      path.join(ROOT, "docs/performance.md"),
      `# Lesson page JavaScript

Measured by \`npx next build && npx tsx bench/lesson-js.ts\` (production build, Debian Chromium, phone
viewport; every script's body gzipped at level 9). Goal (issue 3): the lesson page's JavaScript before
the player at most 40 KB above the framework's floor, and the player's chunk fetched only on lesson pages.

| what | gzipped |
|---|---|
| framework floor: the empty page \`/blank\` | ${result.floorKB} KB |
| lesson page before the player | ${result.lessonBeforePlayerKB} KB |
| lesson page above the floor | ${result.aboveFloorKB} KB |
| the player's chunk(s), fetched after the page shell | ${result.playerKB} KB |

Player chunk on the lesson page: ${result.playerChunkOnLessonPage ? "yes" : "no"}; on \`/blank\` or the course list: ${result.playerChunkOnOtherPages ? "yes" : "no"}.

Measured ${new Date().toISOString().slice(0, 10)} on the development machine (Node ${process.version}).

## Scripts of the lesson page

| script | raw KB | gzipped KB | |
|---|---|---|---|
${rows(lesson)}

## Scripts of the empty page

| script | raw KB | gzipped KB | |
|---|---|---|---|
${rows(blank)}
`,
    );
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await dropFixedTestDatabase("sqlite", LABEL);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
