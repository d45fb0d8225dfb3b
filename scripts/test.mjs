// npm test: the whole suite, in order, stopping at the first failing step. Integration and browser
// tests run on SQLite and on PostgreSQL. Without a reachable PostgreSQL server the PostgreSQL steps are
// reported as SKIPPED with the reason (and fail instead when CI=true: CI must test both databases).
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

const ROOT = path.resolve(import.meta.dirname, "..");
const PG_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const bin = (name) => path.join(ROOT, "node_modules/.bin", name);

async function pgUnreachable() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return error.message;
  } finally {
    await client.end().catch(() => {});
  }
}

const steps = [
  { name: "typecheck", cmd: [bin("tsc"), "--noEmit"] },
  { name: "prisma schemas match prisma/models.prisma", cmd: [bin("tsx"), "scripts/db/schemas.ts", "--check"] },
  { name: "unit tests", cmd: [bin("vitest"), "run", "--project", "unit"] },
  { name: "integration tests on SQLite", cmd: [bin("vitest"), "run", "--project", "integration"], env: { TEST_DB: "sqlite" } },
  { name: "integration tests on PostgreSQL", cmd: [bin("vitest"), "run", "--project", "integration"], env: { TEST_DB: "postgresql" }, pg: true },
  { name: "production build", cmd: [bin("next"), "build"], env: { NEXT_TELEMETRY_DISABLED: "1" } },
  // Bytes, never timings: the gzipped JavaScript each phone page loads above the framework's floor, against
  // bench/js-budgets.json, on the build just made (its own SQLite database and port 3190).
  { name: "JavaScript budget (production build, Chromium, phone)", cmd: [bin("tsx"), "bench/js-budget.ts", "--dist", ".next", "--check"] },
  { name: "browser tests on SQLite (Chromium, phone)", cmd: [bin("playwright"), "test"], env: { TEST_DB: "sqlite" } },
  { name: "browser tests on PostgreSQL (Chromium, phone)", cmd: [bin("playwright"), "test"], env: { TEST_DB: "postgresql" }, pg: true },
];

const only = process.argv.slice(2);
const results = [];
const unreachable = await pgUnreachable();
if (unreachable && process.env.CI === "true") {
  console.error(`✗ PostgreSQL is required in CI and is not reachable at ${PG_URL}: ${unreachable}`);
  process.exit(1);
}

for (const step of steps) {
  if (only.length && !only.some((o) => step.name.toLowerCase().includes(o.toLowerCase()))) continue;
  if (step.pg && unreachable) {
    const reason = `PostgreSQL not reachable at ${PG_URL} (${unreachable})`;
    console.log(`\n⚠ SKIPPED: ${step.name} — ${reason}`);
    results.push({ name: step.name, status: `SKIPPED (${reason})` });
    continue;
  }
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  const run = spawnSync(step.cmd[0], step.cmd.slice(1), { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...step.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (run.status !== 0) {
    results.push({ name: step.name, status: `FAILED (${seconds}s)` });
    summary();
    process.exit(run.status ?? 1);
  }
  results.push({ name: step.name, status: `passed (${seconds}s)` });
}
summary();

function summary() {
  console.log("\nSummary");
  for (const r of results) console.log(`  ${r.status.startsWith("passed") ? "✓" : r.status.startsWith("SKIPPED") ? "⚠" : "✗"} ${r.name}: ${r.status}`);
}
