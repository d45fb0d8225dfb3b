// Generates the demo city (features/demo/city.ts) into DATABASE_URL, migrated and content-synced first:
//   npx tsx scripts/demo-city.ts [--enterprises 500] [--staff 50000] [--seed 2026] [--now 2026-11-23T12:00:00+08:00]
// The same seed and --now give the same city (without --now, dates run up to the present).
// Scale mode for benchmarks: --enterprises 10000 --staff 1000000. Runs once per database: when the city
// is already there, nothing is written.
import { parseArgs } from "node:util";
import { generateCity } from "@/features/demo/city";
import { db } from "@/lib/db";

function count(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min} (got "${value}")`);
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      enterprises: { type: "string", default: "500" },
      staff: { type: "string", default: "50000" },
      seed: { type: "string", default: "2026" },
      now: { type: "string" },
    },
  });
  const enterprises = count("enterprises", values.enterprises, 1);
  const staff = count("staff", values.staff, 0);
  const seed = count("seed", values.seed, 0);
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be a date (got "${values.now}")`);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  console.log(`▸ demo city: ${enterprises} enterprises, ${staff} staff, seed ${seed}`);
  const r = await generateCity(db, { enterprises, staff, seed, now, onProgress: (m) => console.log(`  ${m} (${elapsed()})`) });
  console.log(
    r.skipped
      ? `demo city already present: nothing written (${elapsed()})`
      : `demo city generated: ${r.enterprises} enterprises, ${r.staff} staff, ${r.completions} completions in ${elapsed()}`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
