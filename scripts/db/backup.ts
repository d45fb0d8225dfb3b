// `npm run backup [-- <file>]`: a consistent copy of the SQLite database while the app runs (SQLite's
// online backup API through better-sqlite3), to backups/app-<time>.db unless a file is named. Restore it
// with `npm run restore` (scripts/db/restore.ts). PostgreSQL is backed up with pg_dump instead.
//
// The copy is taken in one step, inside one read transaction: in WAL mode that blocks no writer, and no
// write can restart it (a backup in small steps starts over whenever another connection writes between
// steps, so on a busy site it might never finish). It is written beside the target, checked with
// integrity_check, synced to disk and renamed into place, so a file at the target is always complete.
// The secrets in data/ (.auth-secret, .identifier-secret) are not in the database: keep them apart from it.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { sqliteFile } from "./migrate";
import { DEFAULT_DATABASE_URL, ROOT, providerOf } from "./providers.mjs";

/** better-sqlite3 takes the page count of each next step; this many is "all of them". */
const ALL_PAGES = 0x7fffffff;

/** Forces a file (or a folder's entries) to disk. */
export function fsyncPath(p: string) {
  const fd = openSync(p, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The rows of PRAGMA integrity_check, ["ok"] for a sound database. */
export function integrityProblems(db: Database.Database): string[] {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((r) => r !== "ok");
}

/**
 * Copies the SQLite database `source` (live or not) to `target`: one consistent snapshot, checked, synced
 * and renamed into place. The copy is a single file (journal mode DELETE: no -wal beside it).
 */
export async function backupSqlite(source: string, target: string): Promise<{ pages: number }> {
  mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  let pages = 0;
  try {
    const result = await db.backup(partial, { progress: () => ALL_PAGES });
    pages = result.totalPages;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  try {
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
      const problems = integrityProblems(copy);
      if (problems.length) throw new Error(`the copy fails integrity_check: ${problems.slice(0, 3).join("; ")}`);
    } finally {
      copy.close();
    }
    fsyncPath(partial);
    renameSync(partial, target);
    fsyncPath(path.dirname(target));
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { pages };
}

/** backups/app-2026-12-05T01-02-03.db under the project. */
export function defaultBackupFile(now = new Date()) {
  const stamp = now.toISOString().replace(/[:.]/g, "-").slice(0, 19);
  return path.join(ROOT, "backups", `app-${stamp}.db`);
}

async function main() {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (providerOf(url) !== "sqlite") throw new Error("DATABASE_URL is PostgreSQL: back it up with pg_dump (docs/deploy.md).");
  const target = path.resolve(process.argv[2] ?? defaultBackupFile());
  const source = sqliteFile(url);
  const { pages } = await backupSqlite(source, target);
  console.log(`backed up ${source} → ${target} (${pages} pages, integrity_check ok)`);
  console.log("Keep data/.auth-secret and data/.identifier-secret (or AUTH_SECRET, IDENTIFIER_SECRET) safe, apart from the backups.");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
