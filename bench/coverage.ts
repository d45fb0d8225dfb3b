// Times the coverage dashboard's fast path (features/coverage/rollup.ts, issue 8) against the raw computation:
//   npx tsx --conditions react-server bench/coverage.ts --db sqlite|postgresql [--quick] [--runs 20] [--region 510000]
// Full mode: the scale city (10,000 enterprises, 1,000,000 staff), generated once into a kept database —
// tests/.tmp/bench_coverage_scale.db, or the PostgreSQL database bench_coverage_scale on 127.0.0.1:5432 —
// and reused when it is complete (about 5 minutes on SQLite, more on PostgreSQL, on 2 cores). Quick mode:
// a 500-enterprise, 50,000-staff city generated in the run into a fresh database.
// Measures, for the region (default: the province, 510000) and the period in force:
// - the first read with no rollup row (every enterprise computed) and with every row stale;
// - each call of the dashboard once the rows are fresh, `--runs` times: the freshness check alone, the
//   headline, each breakdown (child region, industry, position, family, enterprises), the trend, a page
//   of the untrained list, and the whole report (which also counts class hours, active learners and
//   satisfaction); each call includes what the dashboard does before it (access check, period, courses
//   and reference lists, the freshness check);
// - class hours, active learners (scans of the ledger tables) and the raw computation, once each.
// `--skip-first` leaves out the first reads (the rows a previous run left are reused).
// Prints a Markdown table (p50 / p95 / max in ms). `--conditions react-server` lets server-only modules load.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";

const ROOT = path.resolve(import.meta.dirname, "..");
const PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres";
const NOW = new Date("2026-12-04T12:00:00+08:00");

async function pgRun(sql: string) {
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

function ms(n: number) {
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: "string", default: "sqlite" },
      quick: { type: "boolean", default: false },
      runs: { type: "string", default: "20" },
      region: { type: "string", default: "510000" },
      period: { type: "string" },
      "skip-first": { type: "boolean", default: false },
    },
  });
  const provider = values.db;
  if (provider !== "sqlite" && provider !== "postgresql") throw new Error("--db sqlite|postgresql");
  const quick = values.quick;
  const runs = Math.max(1, Number(values.runs));
  const size = quick ? { enterprises: 500, staff: 50_000 } : { enterprises: 10_000, staff: 1_000_000 };
  const name = quick ? `bench_coverage_quick_${process.pid}` : "bench_coverage_scale";

  let url: string;
  let fresh = quick;
  if (provider === "sqlite") {
    const dir = path.join(ROOT, "tests/.tmp");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.db`);
    if (quick) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    url = `file:${file}`;
  } else {
    const exists = (await pgRun(`SELECT 1 FROM pg_database WHERE datname = '${name}'`)).rowCount === 1;
    if (!exists) {
      await pgRun(`CREATE DATABASE "${name}"`);
      fresh = true;
    }
    url = `postgresql://postgres@127.0.0.1:5432/${name}`;
  }
  process.env.DATABASE_URL = url;
  // Imported once DATABASE_URL is set: lib/env reads it once.
  const { applyMigrations } = await import("../scripts/db/migrate");
  const { loadContent } = await import("@/features/content/load");
  const { syncContent } = await import("@/features/content/sync");
  const { generateCity } = await import("@/features/demo/city");
  const data = await import("@/features/coverage/data");
  const rollup = await import("@/features/coverage/rollup");
  const { db } = await import("@/lib/db");

  const log = (m: string) => console.error(`  ${m}`);
  console.error(`▸ coverage bench: ${provider}, ${quick ? "quick" : "full"} (${size.enterprises} enterprises, ${size.staff} staff), ${url.replace(/\/\/[^@]*@/, "//")}`);
  await applyMigrations(url, { quiet: true });
  const generated = await db.user.count({ where: { id: { startsWith: "city-u-" } } });
  let generation: number | null = null;
  if (generated !== size.staff) {
    if (generated > 0) throw new Error(`the kept database holds ${generated} generated staff, not ${size.staff}: drop it (${name}) and run again`);
    await syncContent(db, loadContent(path.join(ROOT, "content")));
    const t = performance.now();
    await generateCity(db, { ...size, now: NOW, onProgress: log });
    generation = performance.now() - t;
    log(`generated in ${(generation / 1000).toFixed(1)} s`);
  } else {
    // The rules' inputs as the content defines them (a no-op when unchanged).
    await syncContent(db, loadContent(path.join(ROOT, "content")));
  }
  void fresh;

  const admin = {
    id: "bench-admin",
    name: "bench",
    mobile: "",
    role: "ADMIN" as const,
    regionCode: null,
    enterpriseId: null,
    schoolId: null,
    positionCode: null,
    mustChangePassword: false,
    sessionVersion: 0,
  } as unknown as Parameters<typeof data.coverageReport>[0];
  const query = { regionCode: values.region, periodId: values.period };
  const now = NOW;
  const rss = () => process.memoryUsage().rss / 1024 / 1024;
  const rows: { what: string; runs: number; p50: number; p95: number; max: number; note?: string }[] = [];
  const once = (what: string, t: number, note?: string) => rows.push({ what, runs: 1, p50: t, p95: t, max: t, note });
  const timed = async <T>(f: () => Promise<T>) => {
    const t = performance.now();
    const r = await f();
    return { t: performance.now() - t, r };
  };

  // ---- First reads -----------------------------------------------------------------------------------
  const ctx0 = await data.coverageContext(admin, query, now);
  log(`region ${ctx0.region.code}, period ${ctx0.period.id}, as of ${ctx0.asOf.toISOString()}`);
  // --skip-first: the rows as a previous run left them (brought up to date by the first call).
  const skipFirst = values["skip-first"];
  if (!skipFirst) await db.coverageRollup.deleteMany({ where: { periodId: ctx0.period.id } });
  const before = rss();
  const first = await timed(() => data.coverageReport(admin, query, now));
  if (!skipFirst) {
    once("first read, no rollup row (whole report)", first.t, `${(await db.coverageRollup.count({ where: { periodId: ctx0.period.id } })).toLocaleString("en")} rows computed, RSS +${(rss() - before).toFixed(0)} MB`);
    await db.coverageRollup.updateMany({ where: { periodId: ctx0.period.id }, data: { stale: true } });
    const stale = await timed(async () => rollup.refresh(await data.coverageContext(admin, query, now)));
    once("first read, every row stale (refresh only)", stale.t, `${stale.r.toLocaleString("en")} enterprises recomputed`);
  }
  if (provider === "postgresql") {
    // Two full rewrites leave dead row versions and no statistics; autovacuum clears them within a minute
    // or so of such a rewrite. Measure the steady state, as autovacuum leaves it.
    const t = performance.now();
    await pgRun(`SELECT 1`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`VACUUM ANALYZE "CoverageRollup"`);
    await client.query(`VACUUM ANALYZE "CoverageRollupPart"`);
    await client.end();
    once("VACUUM ANALYZE of the rollup tables (what autovacuum does after a rewrite)", performance.now() - t);
  }
  const headlineFigure = first.r.headline;
  log(`headline ${headlineFigure.trained}/${headlineFigure.total}; untrained ${first.r.untrainedTotal}`);

  // ---- Each call, rows fresh -----------------------------------------------------------------------------
  const calls: [string, () => Promise<unknown>][] = [
    ["freshness check (context + needing)", async () => rollup.needing(await data.coverageContext(admin, query, now))],
    ["headline", async () => { const c = await data.coverageContext(admin, query, now); await rollup.refresh(c); return rollup.headline(c); }],
    ["by child region", async () => { const c = await data.coverageContext(admin, query, now); await rollup.refresh(c); return rollup.byChildRegion(c); }],
    ["by industry", async () => { const c = await data.coverageContext(admin, query, now); await rollup.refresh(c); return rollup.byIndustry(c); }],
    ["by position", async () => { const c = await data.coverageContext(admin, query, now); await rollup.refresh(c); return rollup.byPosition(c); }],
    ["by course family", async () => { const c = await data.coverageContext(admin, query, now); await rollup.refresh(c); return rollup.byFamily(c); }],
    ["by enterprise (all key enterprises)", async () => { const c = await data.coverageContext(admin, query, now); await rollup.refresh(c); return rollup.enterprises(c); }],
    ["monthly trend", async () => { const c = await data.coverageContext(admin, query, now); await rollup.refresh(c); return rollup.trend(c); }],
    ["untrained list, page 1 (50)", async () => { const c = await data.coverageContext(admin, query, now); await rollup.refresh(c); return rollup.untrainedPage(c, 1, 50); }],
    ["untrained list, page 2000 (50)", async () => { const c = await data.coverageContext(admin, query, now); await rollup.refresh(c); return rollup.untrainedPage(c, 2000, 50); }],
    ["whole report (dashboard page data)", async () => data.coverageReport(admin, query, now)],
  ];
  for (const [what, f] of calls) {
    await f(); // warm
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push((await timed(f)).t);
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
    rows.push({ what, runs, p50: at(0.5), p95: at(0.95), max: times.at(-1)! });
    log(`${what}: p50 ${ms(at(0.5))} ms, p95 ${ms(at(0.95))} ms`);
  }

  // ---- The ledger scans and the raw computation, once ------------------------------------------------------
  const hours = await timed(() => data._classHoursDelivered(ctx0.prefix, ctx0.from, ctx0.asOf));
  once("class hours delivered (ledger scan)", hours.t, `${hours.r} class hours`);
  const active = await timed(() => data._activeLearners(ctx0.prefix, ctx0.asOf));
  once("active learners (clock scan)", active.t, `${active.r} learners`);
  const rawBefore = rss();
  const raw = await timed(() => data.coverageReportRaw(admin, query, now));
  once("raw computation (coverageReportRaw)", raw.t, `RSS +${(rss() - rawBefore).toFixed(0)} MB; headline ${raw.r.headline.trained}/${raw.r.headline.total} (fast: ${headlineFigure.trained}/${headlineFigure.total})`);
  if (raw.r.headline.total !== headlineFigure.total || raw.r.headline.trained !== headlineFigure.trained) throw new Error("the fast headline differs from the raw one");

  const staff = await db.user.count({ where: { enterpriseId: { not: null } } });
  console.log(`\n### Coverage dashboard, ${provider}, ${quick ? "quick" : "full"}: ${staff.toLocaleString("en")} staff, region ${ctx0.region.code}, period ${ctx0.period.id}, ${headlineFigure.total.toLocaleString("en")} in the denominator\n`);
  if (generation !== null) console.log(`City generated in this run: ${(generation / 1000).toFixed(1)} s.\n`);
  console.log("| call | runs | p50 ms | p95 ms | max ms | note |");
  console.log("|---|---:|---:|---:|---:|---|");
  for (const r of rows) console.log(`| ${r.what} | ${r.runs} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${r.note ?? ""} |`);
  await db.$disconnect();
  if (quick) {
    if (provider === "sqlite") for (const f of [url.slice(5), `${url.slice(5)}-wal`, `${url.slice(5)}-shm`]) rmSync(f, { force: true });
    else await pgRun(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
