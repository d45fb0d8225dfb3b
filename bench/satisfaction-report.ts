// Times the satisfaction report (features/surveys/report.ts) on a generated city:
//   npx tsx --conditions react-server bench/satisfaction-report.ts [--enterprises 500] [--staff 50000] [--runs 5]
// Builds a fresh SQLite database under tests/.tmp (or uses DATABASE_URL when it is given and not empty:
// then the city must already be there), loads content, the demo accounts, the demo surveys and the city,
// whose trainees answer the demo project's survey, and runs the city regulator's report `--runs` times.
// Prints the responses counted and each run's time. `--conditions react-server` lets server-only modules load.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const ROOT = path.resolve(import.meta.dirname, "..");

async function main() {
  const { values } = parseArgs({ options: { enterprises: { type: "string", default: "500" }, staff: { type: "string", default: "50000" }, runs: { type: "string", default: "5" } } });
  const fresh = !process.env.DATABASE_URL;
  if (fresh) {
    const dir = path.join(ROOT, "tests/.tmp");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "bench-satisfaction.db");
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    process.env.DATABASE_URL = `file:${file}`;
  }
  // Imported once DATABASE_URL is set: lib/env reads it once.
  const { applyMigrations } = await import("../scripts/db/migrate");
  const { loadContent } = await import("@/features/content/load");
  const { syncContent } = await import("@/features/content/sync");
  const { seedDemo } = await import("@/features/demo/seed");
  const { seedDemoSurveys } = await import("@/features/demo/surveys");
  const { generateCity } = await import("@/features/demo/city");
  const { findSessionUser } = await import("@/features/accounts/data");
  const { satisfactionReport } = await import("@/features/surveys/report");
  const { db } = await import("@/lib/db");

  if (fresh) {
    await applyMigrations(process.env.DATABASE_URL!, { quiet: true });
    await syncContent(db, loadContent(path.join(ROOT, "content")));
    await seedDemo(db);
    await seedDemoSurveys(db);
    const started = Date.now();
    const city = await generateCity(db, { enterprises: Number(values.enterprises), staff: Number(values.staff), now: new Date("2026-11-23T12:00:00+08:00") });
    console.log(`city: ${city.enterprises} enterprises, ${city.staff} staff (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  const regulator = await db.user.findUniqueOrThrow({ where: { mobile: "13800000001" }, select: { id: true } });
  const user = (await findSessionUser(regulator.id))!;
  const times: number[] = [];
  let responses = 0;
  for (let i = 0; i < Number(values.runs); i++) {
    const t = performance.now();
    const report = await satisfactionReport(user, { regionCode: "510400", year: 2026 });
    times.push(performance.now() - t);
    responses = report.responses;
    if (i === 0) console.log(`responses: ${report.responses}, average ${report.headline.average?.toFixed(1)}, satisfied share ${((report.headline.satisfiedShare ?? 0) * 100).toFixed(1)}%`);
  }
  console.log(`satisfactionReport(510400, 2026) over ${responses} responses: ${times.map((t) => `${t.toFixed(0)} ms`).join(" / ")}`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
