// Generates the demo city (features/demo/city.ts) into DATABASE_URL, migrated and content-synced first:
//   npx tsx scripts/demo-city.ts [--enterprises 500] [--staff 50000] [--seed 2026]
// Scale mode for benchmarks: --enterprises 10000 --staff 1000000.
import { parseArgs } from "node:util";
import { generateCity } from "@/features/demo/city";
import { db } from "@/lib/db";

const { values } = parseArgs({ options: { enterprises: { type: "string", default: "500" }, staff: { type: "string", default: "50000" }, seed: { type: "string", default: "2026" } } });
const started = Date.now();
generateCity(db, { enterprises: Number(values.enterprises), staff: Number(values.staff), seed: Number(values.seed), onProgress: (m) => console.log(`▸ ${m}`) })
  .then((r) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(r.skipped ? "already generated: nothing written" : `generated ${r.enterprises} enterprises, ${r.staff} staff, ${r.completions} completions in ${seconds} s`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
