import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DEFAULT_DATABASE_URL, ROOT, providerOf } from "./providers.mjs";

/** `prisma migrate deploy` for the given URL. For SQLite, creates the folder and turns on WAL first. */
export async function applyMigrations(databaseUrl: string | undefined, opts: { quiet?: boolean } = {}) {
  const url = databaseUrl || DEFAULT_DATABASE_URL;
  if (providerOf(url) === "sqlite") {
    const file = sqliteFile(url);
    mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    // WAL lets readers run beside the one writer; it is a property of the file and persists.
    db.pragma("journal_mode = WAL");
    db.close();
  }
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    cwd: ROOT,
    stdio: opts.quiet ? "pipe" : "inherit",
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

/** The file path of a `file:` URL, relative to the project root as Prisma resolves it here. */
export function sqliteFile(url: string) {
  const p = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.isAbsolute(p) ? p : path.join(ROOT, p);
}
