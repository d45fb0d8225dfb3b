// `next build` only when a source the build depends on changed since the last build into that folder
// (npm start uses .next; benchmarks build into their own folder, NEXT_DIST_DIR).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT = path.join(ROOT, "node_modules/next/dist/bin/next");
const SOURCES = ["app", "components", "features", "lib", "messages", "public", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

/** A hash of every source file the build depends on (generated client excluded: it follows the schema). */
export function sourceHash(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p) || p.includes(`${path.sep}generated`)) return;
    if (statSync(p).isDirectory()) for (const f of readdirSync(p).sort()) walk(path.join(p, f));
    else h.update(p).update(readFileSync(p));
  };
  for (const s of SOURCES) walk(path.join(ROOT, s));
  h.update(readFileSync(path.join(ROOT, "prisma/models.prisma")));
  return h.digest("hex");
}

/** Builds into `distDir` (relative to the project) unless its build is of the current sources. */
export function buildIfNeeded(distDir = ".next", env: Record<string, string> = {}): void {
  const stamp = path.join(ROOT, distDir, "source-hash");
  const want = sourceHash();
  if (existsSync(path.join(ROOT, distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === want) {
    console.log(`▸ build in ${distDir} is up to date`);
    return;
  }
  console.log(`▸ building into ${distDir} (next build)…`);
  execFileSync(process.execPath, [NEXT, "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(stamp, want);
}
