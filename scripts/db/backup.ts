// `npm run db:backup [-- <file>]`: a consistent copy of the SQLite database while the app runs
// (SQLite's online backup API through better-sqlite3). PostgreSQL is backed up with pg_dump instead.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sqliteFile } from "./migrate";
import { DEFAULT_DATABASE_URL, ROOT, providerOf } from "./providers.mjs";

async function main() {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (providerOf(url) !== "sqlite") throw new Error("DATABASE_URL is PostgreSQL: back it up with pg_dump.");
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const target = path.resolve(process.argv[2] ?? path.join(ROOT, "backups", `app-${stamp}.db`));
  mkdirSync(path.dirname(target), { recursive: true });
  const db = new Database(sqliteFile(url), { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  console.log(`backed up ${sqliteFile(url)} → ${target}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
