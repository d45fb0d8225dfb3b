// npm run bench: the small version of every benchmark of docs/performance.md, in one go, on SQLite
// (add `-- --db postgresql` for PostgreSQL, `-- --full` for the full sizes, `-- --only heartbeat,import`
// for some). Each benchmark prints a Markdown section; this prints them all and how long each took.
// The quick run fits in 5 minutes on a 2-core machine, including the one production build it needs.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { benchBuild, ROOT } from "./lib/server";

const args = process.argv.slice(2);
const db = args.includes("--db") ? args[args.indexOf("--db") + 1]! : "sqlite";
const full = args.includes("--full");
const only = args.includes("--only") ? args[args.indexOf("--only") + 1]!.split(",") : null;

const BENCHES: { name: string; file: string; build: boolean; perDb: boolean }[] = [
  { name: "heartbeat", file: "bench/heartbeat.ts", build: true, perDb: true },
  { name: "exam", file: "bench/exam-burst.ts", build: true, perDb: true },
  { name: "coverage", file: "bench/coverage.ts", build: false, perDb: true },
  { name: "import", file: "bench/import.ts", build: false, perDb: true },
  { name: "budget", file: "bench/js-budget.ts", build: true, perDb: false },
  { name: "lighthouse", file: "bench/lighthouse.ts", build: true, perDb: false },
];

const started = Date.now();
const chosen = BENCHES.filter((b) => !only || only.includes(b.name));
if (chosen.some((b) => b.build)) {
  const t = Date.now();
  benchBuild();
  console.error(`build: ${((Date.now() - t) / 1000).toFixed(0)} s`);
}
const sections: string[] = [];
const times: string[] = [];
let failed = false;
for (const bench of chosen) {
  const t = Date.now();
  const run = spawnSync(
    process.execPath,
    ["--conditions", "react-server", "--import", "tsx", path.join(ROOT, bench.file), ...(bench.perDb ? ["--db", db] : []), ...(full ? [] : bench.name === "lighthouse" ? ["--runs", "1"] : ["--quick"])],
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = ((Date.now() - t) / 1000).toFixed(0);
  times.push(`${bench.name}: ${seconds} s${run.status === 0 ? "" : ` (FAILED, exit ${run.status})`}`);
  if (run.status !== 0) failed = true;
  sections.push(run.stdout.trim());
}
console.log(sections.filter(Boolean).join("\n\n"));
console.log(`\n${times.join("\n")}\ntotal: ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
