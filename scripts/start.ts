// npm start: build when the sources changed since the last build, migrate the database, sync content/,
// load the demo data once, print one demo account per role, then serve on PORT (default 3000).
import { spawn } from "node:child_process";
import path from "node:path";
import { loadContent } from "@/features/content/load";
import { syncContent } from "@/features/content/sync";
import { generateCity } from "@/features/demo/city";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@/features/demo/seed";
import { seedDemoSurveys } from "@/features/demo/surveys";
import { db } from "@/lib/db";
import { authSecret, databaseProvider, env } from "@/lib/env";
import { buildIfNeeded } from "./build";
import { applyMigrations } from "./db/migrate";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT = path.join(ROOT, "node_modules/next/dist/bin/next");

async function main() {
  authSecret(); // creates data/.auth-secret on a fresh clone unless AUTH_SECRET is set
  buildIfNeeded();
  console.log(`▸ migrating ${databaseProvider === "sqlite" ? env.DATABASE_URL : "PostgreSQL"}`);
  await applyMigrations(env.DATABASE_URL, { quiet: true });
  console.log("▸ syncing content/");
  const report = await syncContent(db, loadContent(path.join(ROOT, "content")));
  console.log(`  ${report.courses.written + report.courses.unchanged} course(s), ${report.questions.written + report.questions.unchanged} question(s), ${report.regions.written + report.regions.unchanged} region(s)`);
  if (env.DEMO_DATA === "true") {
    const { created } = await seedDemo(db);
    console.log(`▸ demo data ${created ? `loaded (${created} accounts)` : "already present"}`);
    if ((await seedDemoSurveys(db)).created) console.log("▸ demo annual project and satisfaction surveys loaded");
    if (env.DEMO_CITY_STAFF > 0) {
      const started = Date.now();
      const city = await generateCity(db, { enterprises: env.DEMO_CITY_ENTERPRISES, staff: env.DEMO_CITY_STAFF });
      console.log(
        city.skipped
          ? "▸ demo city already present"
          : `▸ demo city generated: ${city.enterprises} enterprises, ${city.staff} staff, ${city.completions} completions (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  }
  await db.$disconnect();

  console.log(`\n工伤预防培训平台  http://localhost:${env.PORT}`);
  if (env.DEMO_DATA === "true") {
    console.log(`Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS.filter((x) => x.printed)) console.log(`  ${a.mobile}  ${a.label}`);
  }
  console.log("");

  const server = spawn(process.execPath, [NEXT, "start", "-p", String(env.PORT)], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, AUTH_SECRET: authSecret(), NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
