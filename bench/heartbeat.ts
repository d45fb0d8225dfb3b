// Heartbeat write path under load (issue 8, item 1), side by side in one run with the same drivers: fixed
// arrival rates by the open-loop scheduler of bench/lib/open-loop.ts (latency from each scheduled send),
// and flat out by autocannon (64 connections):
//   real      POST /api/learning/heartbeats with real sessions (Auth.js session cookies of distinct
//             learners): session check, validation, assignment, crediting rules, the ledger's writes
//   floor     a bare Next.js route handler in the same build making one insert through the driver
//   prisma    the same bare route making that insert through the app's Prisma client
//   http      a bare Node `http` server making the same driver insert (the machine's limit)
//
//   npx tsx --conditions react-server bench/heartbeat.ts --db sqlite|postgresql [--quick] [--json FILE]
//
// After every run of the real endpoint it checks that the heartbeat rows written equal the requests
// answered 2xx, and that no beat was answered as a duplicate.
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { burst, freshConnections, pct, post } from "./lib/open-loop";
import { BENCH_AUTH_SECRET, BENCH_SESSION_COOKIE, ROOT, benchBuild, benchDatabase, providerArg, signIn, startApp, type App } from "./lib/server";

const provider = providerArg();
const quick = process.argv.includes("--quick");
const jsonOut = process.argv.includes("--json") ? process.argv[process.argv.indexOf("--json") + 1] : undefined;
const PORT = provider === "sqlite" ? 3280 : 3281;
const BARE_PORT = provider === "sqlite" ? 3290 : 3291;
const HEARTBEAT_SECONDS = 15; // the default LEARNING_HEARTBEAT_SECONDS
const COURSE = "gongshang-yufang-rumen";
const LESSON = "rumen-anquanmao-shipin";
const DURATION = quick ? 3 : 10;
const RATES = quick ? [500, 1000] : [250, 500, 750, 1000];
// Learners: enough that each sends a beat no more often than a real page does at the highest rate.
const LEARNERS = quick ? 4_000 : 15_000;

type Target = "real" | "floor" | "prisma" | "http";
type Row = {
  target: Target;
  rate: number | "max";
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  rowsWritten?: number;
  duplicates?: number;
};

async function main() {
  benchBuild();
  const database = await benchDatabase(provider, "heartbeat");
  const { db } = await import("@/lib/db");
  const { encode } = await import("next-auth/jwt");

  // Learners: technical-school students of the demo school (the required course is assigned to them).
  const school = await db.school.findFirstOrThrow({ select: { id: true } });
  const template = await db.user.findUniqueOrThrow({ where: { mobile: "13800000007" }, select: { passwordHash: true } });
  const ids: string[] = [];
  for (let start = 0; start < LEARNERS; start += 2_000) {
    const data = Array.from({ length: Math.min(2_000, LEARNERS - start) }, (_, k) => {
      const n = start + k;
      return { mobile: `139${String(n).padStart(8, "0")}`, name: `压测学员${n}`, role: "LEARNER" as const, schoolId: school.id, passwordHash: template.passwordHash };
    });
    await db.user.createMany({ data });
  }
  for (const u of await db.user.findMany({ where: { mobile: { startsWith: "139" } }, select: { id: true }, orderBy: { mobile: "asc" } })) ids.push(u.id);
  const lesson = await db.lesson.findUniqueOrThrow({ where: { id: LESSON }, select: { id: true, courseId: true } });
  if (lesson.courseId !== COURSE) throw new Error("the benchmark lesson moved");

  // Session cookies as Auth.js issues them at sign-in (the same JWT, secret and salt). One learner also
  // signs in through the real login endpoint below, to show the two are the same kind of session.
  const cookies: string[] = [];
  for (const id of ids) {
    const token = await encode({ token: { sub: id, sv: 0 }, secret: BENCH_AUTH_SECRET, salt: BENCH_SESSION_COOKIE, maxAge: 3600 });
    cookies.push(`${BENCH_SESSION_COOKIE}=${token}`);
  }

  const app = await startApp({ port: PORT, databaseUrl: database.url, env: { BENCH_FLOOR: "1", LEARNING_HEARTBEAT_SECONDS: String(HEARTBEAT_SECONDS) } });
  const bare = await startBare(database.url);
  const rows: Row[] = [];
  try {
    const realCookie = await signIn(app.url, "13800000007", "Demo2026!");
    const check = await beat(app.url, realCookie, ids[0]!, 0);
    if (check.status !== 200) throw new Error(`a signed-in learner's heartbeat was answered ${check.status}`);
    const minted = await beat(app.url, cookies[0]!, ids[0]!, 1);
    if (minted.status !== 200) throw new Error(`a minted session's heartbeat was answered ${minted.status}: ${await minted.text()}`);

    const seqs = new Array<number>(ids.length).fill(10);
    let next = 0;
    const body = (i: number) =>
      JSON.stringify({
        userId: ids[i],
        beats: [{ lessonId: LESSON, tabId: `bench-tab-${i}`, seq: seqs[i]!++, watchedSeconds: HEARTBEAT_SECONDS, ageSeconds: 0, position: 0, visible: true, active: true }],
      });
    const targets: Record<Target, { url: string; path: string; cookie: boolean }> = {
      real: { url: app.url, path: "/api/learning/heartbeats", cookie: true },
      floor: { url: app.url, path: "/api/bench/floor", cookie: false },
      prisma: { url: app.url, path: "/api/bench/floor?via=prisma", cookie: false },
      http: { url: `http://127.0.0.1:${BARE_PORT}`, path: "/", cookie: false },
    };
    // Origin as the lesson page's fetch and sendBeacon send it: lib/route.ts refuses a cookie-authorised
    // POST without it (CSRF).
    const headersOf = (t: (typeof targets)[Target], i: number): Record<string, string> => ({
      "content-type": "application/json",
      ...(t.cookie ? { cookie: cookies[i]!, origin: app.url } : {}),
    });
    const countRows = () => db.heartbeat.count({ where: { tabId: { startsWith: "bench-tab-" } } });

    /** A fixed arrival rate: rate × duration requests at their scheduled times (bench/lib/open-loop.ts). */
    const atRate = async (target: Target, rate: number, duration: number): Promise<Row> => {
      const t = targets[target];
      const base = new URL(t.url);
      const before = target === "real" ? await countRows() : 0;
      freshConnections();
      const started = performance.now();
      const results = await burst(rate * duration, duration, async () => {
        const i = next++ % ids.length;
        const reply = await post(base, t.path, headersOf(t, i), body(i));
        return { ok: reply.status >= 200 && reply.status < 300, detail: reply.status >= 300 ? `HTTP ${reply.status}` : undefined, status: reply.status };
      });
      const elapsed = (performance.now() - started) / 1000;
      const latencies = results.map((r) => r.latency).sort((x, y) => x - y);
      const ok = results.filter((r) => r.ok).length;
      const row: Row = {
        target,
        rate,
        sent: results.length,
        ok,
        non2xx: results.filter((r) => !r.ok && r.status !== undefined).length,
        errors: results.filter((r) => !r.ok && r.status === undefined).length,
        timeouts: 0,
        rps: ok / elapsed,
        p50: Math.round(pct(latencies, 0.5)),
        p90: Math.round(pct(latencies, 0.9)),
        p99: Math.round(pct(latencies, 0.99)),
        max: Math.round(latencies.at(-1) ?? 0),
      };
      if (target === "real") {
        row.rowsWritten = (await countRows()) - before;
        row.duplicates = row.ok - row.rowsWritten;
      }
      log(row);
      return row;
    };

    /** Flat out: autocannon with 64 connections for the duration (throughput, not latency at a rate). */
    const flatOut = async (target: Target, duration: number): Promise<Row> => {
      const t = targets[target];
      const result = await autocannon({
        url: t.url,
        connections: 64,
        duration,
        timeout: 10,
        requests: [
          {
            method: "POST",
            path: t.path,
            setupRequest: (req) => {
              const i = next++ % ids.length;
              return { ...req, body: body(i), headers: headersOf(t, i) };
            },
          },
        ],
      });
      const row: Row = {
        target,
        rate: "max",
        sent: result.requests.sent,
        ok: result["2xx"],
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        rps: result["2xx"] / result.duration,
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      };
      log(row);
      return row;
    };
    const log = (row: Row) =>
      console.error(
        `  ${row.target} @ ${row.rate}: ${row.rps.toFixed(0)} ok/s, p99 ${row.p99} ms, non-2xx ${row.non2xx}, errors ${row.errors + row.timeouts}${row.rowsWritten !== undefined ? `, rows ${row.rowsWritten}/${row.ok}` : ""}`,
      );

    // Steady state: every learner has been learning for a while, so the server has seen each session
    // once (it decrypts a session cookie on its first use and remembers it until it expires). One
    // heartbeat per learner, flat out, not measured.
    await autocannon({
      url: app.url,
      connections: 64,
      amount: ids.length,
      timeout: 30,
      requests: [
        {
          method: "POST",
          path: targets.real.path,
          setupRequest: (req) => {
            const i = next++ % ids.length;
            return { ...req, body: body(i), headers: headersOf(targets.real, i) };
          },
        },
      ],
    });
    // Warm up every target (JIT, connection pools, route compilation caches).
    for (const target of Object.keys(targets) as Target[]) await atRate(target, 200, 2);
    // Side by side: each rate on every target, then each target flat out.
    for (const rate of RATES) for (const target of Object.keys(targets) as Target[]) rows.push(await atRate(target, rate, DURATION));
    for (const target of Object.keys(targets) as Target[]) rows.push(await flatOut(target, DURATION));
  } finally {
    await app.stop();
    bare.kill("SIGTERM");
    await db.$disconnect();
  }

  const maxOf = (t: Target) => rows.find((r) => r.target === t && r.rate === "max")!.rps;
  const ratio = maxOf("real") / maxOf("floor");
  const sustained = rows.filter((r) => r.target === "real" && r.rate !== "max" && r.non2xx === 0 && r.errors === 0 && r.p99 <= 100).map((r) => r.rate as number);
  const best = sustained.length ? Math.max(...sustained) : 0;
  const summary = {
    provider,
    quick,
    durationSeconds: DURATION,
    learners: LEARNERS,
    heartbeatSeconds: HEARTBEAT_SECONDS,
    maxThroughput: { real: maxOf("real"), floor: maxOf("floor"), prisma: maxOf("prisma"), http: maxOf("http") },
    realOverFloor: ratio,
    sustainedRateP99Under100: best,
    concurrentLearners: best * HEARTBEAT_SECONDS,
    rowsEqualAccepted: rows.filter((r) => r.rowsWritten !== undefined).every((r) => r.rowsWritten === r.ok),
    rows,
  };
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(summary, null, 2));
  console.log(markdown(summary));
}

async function beat(url: string, cookie: string, _userId: string, seq: number) {
  return fetch(`${url}/api/learning/heartbeats`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: url },
    body: JSON.stringify({ beats: [{ lessonId: LESSON, tabId: `bench-check-${seq}`, seq, watchedSeconds: 1, visible: true, active: true }] }),
  });
}

async function startBare(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/lib/bare-http.ts")], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(BARE_PORT), NODE_ENV: "production" },
  });
  for (let i = 0; ; i++) {
    if (await fetch(`http://127.0.0.1:${BARE_PORT}/`).then((r) => r.ok, () => false)) return child;
    if (i > 120) throw new Error("the bare http server did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
}

type Summary = {
  provider: string;
  quick: boolean;
  durationSeconds: number;
  learners: number;
  heartbeatSeconds: number;
  maxThroughput: Record<Target, number>;
  realOverFloor: number;
  sustainedRateP99Under100: number;
  concurrentLearners: number;
  rowsEqualAccepted: boolean;
  rows: Row[];
};

export function markdown(s: Summary): string {
  const name: Record<Target, string> = {
    real: "heartbeat endpoint (real)",
    floor: "bare Next route, driver insert",
    prisma: "bare Next route, Prisma insert",
    http: "bare Node http, driver insert",
  };
  const lines = [
    `### Heartbeats on ${s.provider === "sqlite" ? "SQLite" : "PostgreSQL"}${s.quick ? " (quick)" : ""}`,
    "",
    `${s.learners.toLocaleString("en")} learners with their own sessions; ${s.durationSeconds} s per run; latencies in ms. Fixed rates: open loop, latency from each request's scheduled send time. Flat out: autocannon, 64 connections.`,
    "",
    "| target | offered rate | answered 2xx/s | p50 | p90 | p99 | max | non-2xx | errors | rows written = 2xx |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...s.rows.map(
      (r) =>
        `| ${name[r.target]} | ${r.rate === "max" ? "flat out" : `${r.rate}/s`} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.non2xx} | ${r.errors + r.timeouts} | ${r.rowsWritten === undefined ? "" : r.rowsWritten === r.ok ? `yes (${r.rowsWritten})` : `**no** (${r.rowsWritten} of ${r.ok})`} |`,
    ),
    "",
    `Flat out: real ${s.maxThroughput.real.toFixed(0)}/s, bare Next route ${s.maxThroughput.floor.toFixed(0)}/s (Prisma ${s.maxThroughput.prisma.toFixed(0)}/s), bare http ${s.maxThroughput.http.toFixed(0)}/s; real ÷ bare route = ${s.realOverFloor.toFixed(2)}.`,
    `Highest offered rate the real endpoint carried with p99 ≤ 100 ms and no failures: ${s.sustainedRateP99Under100}/s, i.e. ${s.concurrentLearners.toLocaleString("en")} concurrent learners at one heartbeat every ${s.heartbeatSeconds} s.`,
  ];
  return lines.join("\n");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
