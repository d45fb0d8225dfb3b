// `npm run restore -- <backup file> [--force]`: puts a SQLite backup (npm run backup) in place of the
// database DATABASE_URL names (default data/app.db). The app must be stopped: it keeps the database open
// and would go on writing to the old file. PostgreSQL is restored with pg_restore instead.
//
// The backup is checked first: a SQLite database, PRAGMA integrity_check ok, Prisma's migrations table
// present, and no migration the code does not know (a backup from a newer version needs that version's
// code). An older backup is fine: `npm start` applies the migrations it lacks. An existing database is
// replaced only with --force, and never while another process has it open; it is kept beside as
// <name>.before-restore-<time> (with its -wal). The copy is written beside the target, checked, synced
// to disk and renamed into place, so the target is always either the old database or the whole backup.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { fsyncPath, integrityProblems } from "./backup";
import { sqliteFile } from "./migrate";
import { DEFAULT_DATABASE_URL, migrationsPath, providerOf } from "./providers.mjs";

/** A restore that was refused, with the reason to show (nothing was changed). */
export class RestoreRefused extends Error {}

const ALL_PAGES = 0x7fffffff;
const SQLITE_HEADER = "SQLite format 3\u0000";

/** The migrations this code knows (the folders of prisma/sqlite/migrations). */
export function knownMigrations(dir = migrationsPath("sqlite")): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/**
 * Checks a backup file without changing it. Returns the migrations it has applied; throws RestoreRefused
 * when it is not a sound SQLite database of this platform, or is from a newer version of it.
 */
export function checkBackup(file: string, known = knownMigrations()): { migrations: string[] } {
  if (!existsSync(file) || !statSync(file).isFile()) throw new RestoreRefused(`${file}: no such file`);
  const header = Buffer.alloc(16);
  const fd = openSync(file, "r");
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString("latin1") !== SQLITE_HEADER) throw new RestoreRefused(`${file} is not a SQLite database`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new RestoreRefused(`${file} cannot be opened as a SQLite database: ${(error as Error).message}`);
  }
  try {
    let problems: string[];
    try {
      problems = integrityProblems(db);
    } catch (error) {
      throw new RestoreRefused(`${file} is damaged: ${(error as Error).message}`);
    }
    if (problems.length) throw new RestoreRefused(`${file} is damaged (integrity_check): ${problems.slice(0, 3).join("; ")}`);
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) throw new RestoreRefused(`${file} is not a database of this platform (no _prisma_migrations table)`);
    const rows = db.prepare(`SELECT migration_name AS name, finished_at AS finished, rolled_back_at AS rolledBack FROM _prisma_migrations`).all() as {
      name: string;
      finished: string | null;
      rolledBack: string | null;
    }[];
    const applied = rows.filter((r) => r.finished !== null && r.rolledBack === null).map((r) => r.name);
    const interrupted = rows.filter((r) => r.finished === null && r.rolledBack === null).map((r) => r.name);
    if (interrupted.length) throw new RestoreRefused(`${file} has a migration that never finished (${interrupted.join(", ")}): it was copied in the middle of an upgrade`);
    const knownSet = new Set(known);
    const unknown = applied.filter((m) => !knownSet.has(m));
    if (unknown.length) {
      throw new RestoreRefused(
        `${file} comes from a newer version of the platform (migration ${unknown.join(", ")} is unknown to this code): update the code to that version first, then restore`,
      );
    }
    return { migrations: applied.sort() };
  } finally {
    db.close();
  }
}

/**
 * Is the SQLite file open in another process (the app)? In WAL mode every open connection holds a shared
 * lock, so an exclusive lock is refused while any is open, even an idle one.
 */
export function inUse(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return false;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Any other failure: the file is damaged, which is what a restore replaces (--force says the app is stopped).
    return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
  } finally {
    db?.close();
  }
}

const stampOf = (now: Date) => now.toISOString().replace(/[:.]/g, "-").slice(0, 19);

export type RestoreResult = { target: string; aside: string | null; migrations: string[] };

/**
 * Restores `backup` to `target`. Refuses (RestoreRefused, nothing changed) a file that fails checkBackup,
 * an existing target without `force`, and a target another process has open.
 */
export async function restoreSqlite(backup: string, target: string, opts: { force?: boolean; now?: Date } = {}): Promise<RestoreResult> {
  const from = path.resolve(backup);
  const to = path.resolve(target);
  if (from === to) throw new RestoreRefused("the backup is the database itself");
  const { migrations } = checkBackup(from);
  const exists = existsSync(to);
  const aside = exists ? `${to}.before-restore-${stampOf(opts.now ?? new Date())}` : null;
  if (exists && !opts.force) {
    throw new RestoreRefused(
      `${to} exists. Stop the app first (it keeps the database open and would go on writing to the old file), ` +
        `then run again with --force: the current database will be kept as ${path.basename(aside!)}.`,
    );
  }
  if (exists && inUse(to)) throw new RestoreRefused(`${to} is open in another process: stop the app, then restore.`);

  // The copy, beside the target so that the final rename stays on one file system.
  mkdirSync(path.dirname(to), { recursive: true });
  const partial = `${to}.restoring-${process.pid}`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(partial, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  try {
    const copy = new Database(partial, { fileMustExist: true });
    try {
      // The live database runs in WAL mode (scripts/db/migrate.ts); closing checkpoints it into the file.
      copy.pragma("journal_mode = WAL");
      const problems = integrityProblems(copy);
      if (problems.length) throw new Error(`the restored copy fails integrity_check: ${problems.slice(0, 3).join("; ")}`);
    } finally {
      copy.close();
    }
    for (const f of [`${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
    fsyncPath(partial);
  } catch (error) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
    throw error;
  }

  if (exists) {
    // Fold the old -wal into the old file where possible, so the file kept aside is whole on its own.
    try {
      const old = new Database(to, { fileMustExist: true, timeout: 0 });
      try {
        old.pragma("wal_checkpoint(TRUNCATE)");
      } finally {
        old.close();
      }
    } catch {
      // A damaged old database is exactly what a restore replaces: keep it aside as it is.
    }
    renameSync(to, aside!);
    if (existsSync(`${to}-wal`)) renameSync(`${to}-wal`, `${aside}-wal`);
  }
  // A -wal or -shm left beside the target belongs to the old file: SQLite would apply it to the new one.
  for (const f of [`${to}-wal`, `${to}-shm`]) rmSync(f, { force: true });
  renameSync(partial, to);
  fsyncPath(path.dirname(to));
  return { target: to, aside, migrations };
}

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const files = args.filter((a) => a !== "--force");
  if (files.length !== 1 || files[0]!.startsWith("--")) throw new RestoreRefused("usage: npm run restore -- <backup file> [--force]");
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (providerOf(url) !== "sqlite") throw new RestoreRefused("DATABASE_URL is PostgreSQL: restore it with pg_restore (docs/deploy.md).");
  const result = await restoreSqlite(files[0]!, sqliteFile(url), { force });
  console.log(`restored ${path.resolve(files[0]!)} → ${result.target} (${result.migrations.length} migrations; integrity_check ok)`);
  if (result.aside) console.log(`the previous database is kept as ${result.aside}`);
  console.log("Start the app with npm start: it applies any migration the backup lacks.");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
