// `npm run retention` lists what is older than RETENTION_YEARS (lib/env.ts, default and minimum 3) and
// would be removed or anonymised; `npm run retention -- --apply` does it, each kind in one transaction.
// What and why: features/privacy/retention.ts. Run it from cron (e.g. nightly) against DATABASE_URL.
import { KIND_LABELS, runRetention } from "@/features/privacy/retention";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const day = (d: Date) => d.toISOString().slice(0, 10);

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== "--apply");
  if (unknown.length) throw new Error(`unknown argument ${unknown.join(" ")}; usage: npm run retention [-- --apply]`);
  const apply = args.includes("--apply");
  console.log(
    apply ? `Applying retention of ${env.RETENTION_YEARS} years:` : `Retention of ${env.RETENTION_YEARS} years, dry run (nothing is changed; add -- --apply to apply):`,
  );
  const report = await runRetention({
    years: env.RETENTION_YEARS,
    apply,
    onKind: (kind, count) => console.log(`  ${String(count).padStart(9)}  ${KIND_LABELS[kind]}`),
  });
  console.log(`Cut-off ${day(report.cutoff)} (roster previews: ${day(report.previewCutoff)}).${apply ? "" : " Nothing was changed."}`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
