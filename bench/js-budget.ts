// The JavaScript budget: for each page a phone user opens, the gzipped JavaScript it loads above the
// framework's floor (the empty page /blank of the same build), against bench/js-budgets.json. Also
// checks what issue 3 asked of the lesson page: the video player's chunk is fetched on lesson pages
// only, after the page shell, so the lesson's figure counts the scripts before the player.
//
//   npx tsx bench/js-budget.ts                 build into BENCH_DIST (.next-bench) if needed, print the table
//   npx tsx bench/js-budget.ts --check         …and exit 1 naming every page over its budget
//   npx tsx bench/js-budget.ts --dist .next --check     the build npm test just made (scripts/test.mjs)
//   --scripts lists every script of every page; JS_BUDGET_PORT changes the port (3190).
//
// Bytes only: every script's body as served, gzipped here at level 9, so the figure does not depend on
// the server's compression or on timing. Fresh browser context per page (nothing cached). SQLite, its own
// database and port, so it runs beside the browser tests' servers.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page, type Response } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/support/chromium";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.JS_BUDGET_PORT ?? 3190);
const LABEL = "js_budget";
const PASSWORD = "Demo2026!";
const BUDGETS = path.join(ROOT, "bench/js-budgets.json");

/** Demo accounts (features/demo/seed.ts). */
const ACCOUNTS = {
  learner: "13800000006", // 张班长, team leader of the demo enterprise
  student: "13800000007", // 刘同学, technical-school student (the exam page)
  enterprise: "13800000003", // 王安全, enterprise admin (the roster)
  regulator: "13800000001", // 攀枝花市人社局, city regulator
} as const;
type Who = keyof typeof ACCOUNTS | "anonymous";

const EXAM_COURSE = "jigong-bixiu";
/** The exam runner's address is only known once an attempt is started (see startExam). */
const EXAM_PAGE = "exam";

const PAGES: { id: string; path: string; who: Who }[] = [
  { id: "login", path: "/login", who: "anonymous" },
  { id: "my-courses", path: "/learn", who: "learner" },
  { id: "course", path: "/learn/courses/gongshang-yufang-rumen", who: "learner" },
  { id: "lesson", path: "/learn/courses/gongshang-yufang-rumen/lessons/rumen-anquanmao-shipin", who: "learner" },
  { id: EXAM_PAGE, path: "", who: "student" },
  { id: "roster", path: "/enterprise/roster", who: "enterprise" },
  { id: "regulator-dashboard", path: "/regulator", who: "regulator" },
  { id: "satisfaction-dashboard", path: "/regulator/satisfaction", who: "regulator" },
];

type Script = { url: string; raw: number; gzip: number; player: boolean };
type Budgets = { unit: string; pages: Record<string, { kb: number; why: string }> };

const kb = (bytes: number) => bytes / 1024;
const sum = (xs: Script[], f: (s: Script) => boolean = () => true) => xs.filter(f).reduce((n, s) => n + s.gzip, 0);
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

/** Every script a fresh load of `url` fetches, until the network is quiet, with its gzipped size. */
async function scriptsOf(page: Page, url: string, opts: { player?: boolean } = {}): Promise<Script[]> {
  const seen: Promise<Script | null>[] = [];
  const onResponse = (res: Response) => {
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
  const res = await page.goto(url, { waitUntil: "networkidle" });
  if (!res?.ok()) throw new Error(`${url}: HTTP ${res?.status()}`);
  if (new URL(page.url()).pathname !== new URL(url).pathname) throw new Error(`${url} ended at ${page.url()}`);
  // The lesson page loads the player on the learner's first touch (features/learning/components/Player.tsx):
  // the scripts so far are the shell; tap play and wait until the player has defined its element.
  if (opts.player) {
    await page.getByTestId("player-play").click();
    await page.waitForFunction(() => customElements.get("mux-player") !== undefined, null, { timeout: 20_000 });
  }
  await page.waitForTimeout(300);
  page.off("response", onResponse);
  return (await Promise.all(seen)).filter((s): s is Script => s !== null);
}

/**
 * Gives the technical-school student the class hours of the exam course (as the class-hour ledger records
 * a finished course) so the exam opens, starts an attempt through the exam page and returns its address.
 */
async function startExam(browser: Browser, base: string, cookie: string): Promise<string> {
  const { db } = await import("@/lib/db");
  const user = await db.user.findUniqueOrThrow({ where: { mobile: ACCOUNTS.student } });
  const lessons = await db.lesson.findMany({ where: { courseId: EXAM_COURSE, archivedAt: null } });
  const seconds = (l: (typeof lessons)[number]) => l.minReadingSeconds ?? l.durationSeconds ?? 0;
  await db.lessonProgress.createMany({
    data: lessons.map((l) => ({ userId: user.id, lessonId: l.id, courseId: EXAM_COURSE, creditedSeconds: seconds(l), completedAt: new Date() })),
  });
  await db.courseCompletion.create({ data: { userId: user.id, courseId: EXAM_COURSE, creditedSeconds: lessons.reduce((s, l) => s + seconds(l), 0) } });
  const context = await newContext(browser, base, cookie);
  const page = await context.newPage();
  await page.goto(`${base}/learn/courses/${EXAM_COURSE}/exam`);
  await page.locator("[data-testid=exam-action] button[type=submit]").click();
  await page.waitForURL(/\/learn\/exams\/[^/]+$/, { timeout: 20_000 });
  const url = new URL(page.url()).pathname;
  await context.close();
  return url;
}

async function newContext(browser: Browser, base: string, cookie: string | null) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN", isMobile: true, hasTouch: true });
  if (cookie) {
    const [name, ...value] = cookie.split("=");
    await context.addCookies([{ name: name!, value: value.join("="), url: base }]);
  }
  return context;
}

async function main() {
  const started = Date.now();
  const check = process.argv.includes("--check");
  const dist = arg("--dist");
  // bench/lib/server.ts reads BENCH_DIST when it loads.
  if (dist) process.env.BENCH_DIST = dist;
  const { benchBuild, benchDatabase, signIn, startApp, BENCH_DIST } = await import("./lib/server");
  if (!dist) benchBuild();
  else if (!readFileSafe(path.join(ROOT, dist, "BUILD_ID"))) throw new Error(`no production build in ${dist}: run next build first`);

  const lap = (what: string) => console.log(`▸ ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const database = await benchDatabase("sqlite", LABEL);
  lap("database ready");
  const app = await startApp({ port: PORT, databaseUrl: database.url });
  lap("server ready");
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const measured: Record<string, Script[]> = {};
  const paths: Record<string, string> = {};
  try {
    const cookies: Record<Who, string | null> = { anonymous: null, learner: null, student: null, enterprise: null, regulator: null };
    for (const who of Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[]) cookies[who] = await signIn(app.url, ACCOUNTS[who], PASSWORD);
    const fresh = async (who: Who, p: string, opts: { player?: boolean } = {}) => {
      const context = await newContext(browser, app.url, cookies[who]);
      try {
        return await scriptsOf(await context.newPage(), `${app.url}${p}`, opts);
      } finally {
        await context.close();
      }
    };
    measured.floor = await fresh("anonymous", "/blank");
    paths.floor = "/blank";
    lap("floor measured");
    paths[EXAM_PAGE] = await startExam(browser, app.url, cookies.student!);
    lap("exam started");
    // Bytes do not depend on timing: three pages at a time keeps the step short.
    const queue = [...PAGES];
    const worker = async () => {
      for (let page = queue.shift(); page; page = queue.shift()) {
        const p = page.id === EXAM_PAGE ? paths[EXAM_PAGE]! : page.path;
        paths[page.id] = p;
        measured[page.id] = await fresh(page.who, p, { player: page.id === "lesson" });
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    lap("pages measured");
  } finally {
    await browser.close();
    await app.stop();
    await database.drop();
  }

  const budgets = JSON.parse(readFileSync(BUDGETS, "utf8")) as Budgets;
  const floor = sum(measured.floor!);
  const over: string[] = [];
  const lines = [
    `JavaScript above the framework floor, gzipped (build ${BENCH_DIST}; floor /blank ${kb(floor).toFixed(1)} KB)`,
    "",
    "| page | path | total KB | above floor KB | budget KB | |",
    "|---|---|---|---|---|---|",
  ];
  for (const page of PAGES) {
    const scripts = measured[page.id]!;
    // The lesson page's figure is before the player; the player is reported on its own below.
    const total = sum(scripts, (s) => !s.player);
    const above = kb(total - floor);
    const budget = budgets.pages[page.id]?.kb;
    const status = budget === undefined ? "no budget" : above > budget ? "OVER" : "ok";
    if (status !== "ok") over.push(`${page.id} (${paths[page.id]}): ${above.toFixed(1)} KB above the floor, budget ${budget ?? "none"}`);
    lines.push(`| ${page.id} | \`${paths[page.id]}\` | ${kb(total).toFixed(1)} | ${above.toFixed(1)} | ${budget ?? "—"} | ${status} |`);
  }
  const lesson = measured.lesson!;
  const playerElsewhere = PAGES.filter((p) => p.id !== "lesson" && measured[p.id]!.some((s) => s.player)).map((p) => p.id);
  if (measured.floor!.some((s) => s.player)) playerElsewhere.push("floor");
  lines.push("", `lesson page: player chunk(s) ${kb(sum(lesson, (s) => s.player)).toFixed(1)} KB gzipped, fetched after the shell: ${lesson.some((s) => s.player) ? "yes" : "NO"}`);
  lines.push(`player chunk on other pages: ${playerElsewhere.length ? playerElsewhere.join(", ") : "none"}`);
  if (!lesson.some((s) => s.player)) over.push("lesson: the player's chunk was not fetched (is the measurement still right?)");
  if (playerElsewhere.length) over.push(`the player's chunk is fetched on ${playerElsewhere.join(", ")} (lesson pages only)`);
  console.log(lines.join("\n"));
  if (process.argv.includes("--scripts")) {
    for (const [id, scripts] of Object.entries(measured)) {
      console.log(`\n${id} ${paths[id]}`);
      for (const s of scripts) console.log(`  ${kb(s.gzip).toFixed(1).padStart(7)} KB  ${s.url}${s.player ? "  (player)" : ""}`);
    }
  }
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (check && over.length) {
    console.error(`\n✗ JavaScript budget exceeded (bench/js-budgets.json):\n${over.map((o) => `  - ${o}`).join("\n")}`);
    process.exitCode = 1;
  }
}

function readFileSafe(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
