// Lighthouse mobile performance of the pages a phone user meets first: the login page, my courses, a video
// lesson's page shell and the regulator's coverage dashboard. Lighthouse's default (mobile) settings:
// a Moto G Power–sized screen, simulated slow 4G and 4× CPU slowdown. Every page is audited RUNS times
// and the median reported (the machine is shared; a single run wanders by a few points).
//
//   npx tsx bench/lighthouse.ts [--db sqlite|postgresql] [--runs 3] [--json FILE] [--save DIR] [--only PATH-PART] [--no-build]
//
// Builds into BENCH_DIST (.next-bench) if the sources changed (--no-build: audit the build already there);
// --save keeps every report, --only audits the pages whose path contains one of the comma-separated parts.
// Goal (issue 8): score ≥ 95 on each page; exits 1 when a page is below, so a regression is visible, but it
// is not part of npm test (timings are never a test: bench/js-budget.ts checks bytes instead).
// Results and what was done about them: docs/performance.md, Mobile.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Result as LHResult } from "lighthouse";
import { benchBuild, benchDatabase, providerArg, ROOT, signIn, startApp } from "./lib/server";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/support/chromium";

const PORT = 3191;
const PASSWORD = "Demo2026!";
const GOAL = 95;
const LEARNER = "13800000006"; // 张班长, a team leader of the demo enterprise
const REGULATOR = "13800000001"; // 攀枝花市人社局, a city regulator (lands on /regulator)

type Who = "anonymous" | "learner" | "regulator";
const ALL_PAGES: { name: string; path: string; who: Who }[] = [
  { name: "login", path: "/login", who: "anonymous" },
  { name: "my courses", path: "/learn", who: "learner" },
  { name: "lesson (video)", path: "/learn/courses/gongshang-yufang-rumen/lessons/rumen-anquanmao-shipin", who: "learner" },
  { name: "regulator dashboard", path: "/regulator", who: "regulator" },
];

/** Debian's Chromium, headless, as the browser tests start it. */
const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_ARGS];

/** --only NAME[,NAME]: audit only the pages whose path contains one of them (while working on one page). */
const only = arg("--only")?.split(",");
const PAGES = ALL_PAGES.filter((p) => !only || only.some((o) => p.path.includes(o)));

type Run = { version: string; benchmarkIndex: number; score: number; lcp: number; tbt: number; cls: number; fcp: number; si: number; jsBytes: number; finalUrl: string };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * One Lighthouse run in its own process (its CLI, which launches Chromium through chrome-launcher): the
 * functions Lighthouse sends into the page must not pass through tsx, whose transform adds helpers the
 * page does not have. A fresh browser profile per run, so nothing is cached between runs.
 */
async function audit(url: string, cookie: string | null): Promise<Run> {
  const args = [
    path.join(ROOT, "node_modules/lighthouse/cli/index.js"),
    url,
    "--output=json",
    "--output-path=stdout",
    "--only-categories=performance",
    "--quiet",
    `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
  ];
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ cookie })}`);
  const { stdout } = await promisify(execFile)(process.execPath, args, {
    cwd: ROOT,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || CHROMIUM_PATH },
  });
  const lhr = JSON.parse(stdout) as LHResult;
  // --save DIR keeps every report (open in https://googlechrome.github.io/lighthouse/viewer/ or read the JSON).
  const save = arg("--save");
  if (save) writeFileSync(path.join(save, `${new URL(url).pathname.replaceAll("/", "_") || "_"}-${Date.now()}.json`), stdout);
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  // Bytes of script actually transferred (compressed), from the network log of the audited load.
  const requests = (lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
  const jsBytes = requests.filter((r) => r.resourceType === "Script").reduce((n, r) => n + (r.transferSize ?? 0), 0);
  return {
    version: lhr.lighthouseVersion,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcp: num("largest-contentful-paint"),
    tbt: num("total-blocking-time"),
    cls: num("cumulative-layout-shift"),
    fcp: num("first-contentful-paint"),
    si: num("speed-index"),
    jsBytes,
    finalUrl: lhr.finalDisplayedUrl,
  };
}

async function main() {
  const provider = providerArg();
  const runs = Number(arg("--runs") ?? 3);
  if (!process.argv.includes("--no-build")) benchBuild();
  const database = await benchDatabase(provider, "lighthouse");
  const app = await startApp({ port: PORT, databaseUrl: database.url });
  const rows: { name: string; path: string; runs: Run[]; median: Omit<Run, "finalUrl" | "version"> }[] = [];
  try {
    const cookies: Record<Who, string | null> = {
      anonymous: null,
      learner: await signIn(app.url, LEARNER, PASSWORD),
      regulator: await signIn(app.url, REGULATOR, PASSWORD),
    };
    for (const page of PAGES) {
      const url = `${app.url}${page.path}`;
      const done: Run[] = [];
      for (let i = 0; i < runs; i++) {
        const run = await audit(url, cookies[page.who]);
        // A redirect (to /login, say) would audit the wrong page.
        if (new URL(run.finalUrl).pathname !== page.path) throw new Error(`${page.path} ended at ${run.finalUrl}`);
        done.push(run);
        console.log(`  ${page.name} #${i + 1}: score ${run.score}, benchmarkIndex ${run.benchmarkIndex.toFixed(0)}, load ${loadavg()[0]!.toFixed(1)}, LCP ${(run.lcp / 1000).toFixed(2)} s, TBT ${run.tbt.toFixed(0)} ms, CLS ${run.cls.toFixed(3)}`);
      }
      const m = (f: (r: Run) => number) => median(done.map(f));
      rows.push({
        name: page.name,
        path: page.path,
        runs: done,
        median: { benchmarkIndex: m((r) => r.benchmarkIndex), score: m((r) => r.score), lcp: m((r) => r.lcp), tbt: m((r) => r.tbt), cls: m((r) => r.cls), fcp: m((r) => r.fcp), si: m((r) => r.si), jsBytes: m((r) => r.jsBytes) },
      });
    }
  } finally {
    await app.stop();
    await database.drop();
  }

  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`\nLighthouse ${rows[0]?.runs[0]?.version ?? ""} mobile (simulated throttling), median of ${runs} runs, ${provider}\n`);
  console.log("| page | score | LCP | TBT | CLS | FCP | Speed Index | JS transferred |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const x = r.median;
    console.log(`| ${r.name} (\`${r.path}\`) | ${x.score} | ${s(x.lcp)} | ${x.tbt.toFixed(0)} ms | ${x.cls.toFixed(3)} | ${s(x.fcp)} | ${s(x.si)} | ${(x.jsBytes / 1024).toFixed(1)} KB |`);
  }
  const out = arg("--json");
  if (out) writeFileSync(out, JSON.stringify({ provider, runs, date: new Date().toISOString(), pages: rows }, null, 2));
  const below = rows.filter((r) => r.median.score < GOAL);
  if (below.length) {
    console.error(`\nBelow ${GOAL}: ${below.map((r) => `${r.name} (${r.median.score})`).join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
