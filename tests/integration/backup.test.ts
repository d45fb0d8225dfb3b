// Backups (issue 9, item 7). The SQLite run: `npm run backup` copies a database while another process
// keeps writing to it (online), the copy restores into a new place with every row committed before the
// backup began and passes integrity_check, and `npm run restore` refuses a corrupt file, a file from a
// newer schema, an existing database without --force and a database another process has open. The
// PostgreSQL run: the documented pg_dump / pg_restore round trip, also while a writer is busy.
// Each test makes its own databases (not the run's shared one): a backup test needs files and servers
// of its own. Timing is never asserted: "committed before the backup began" is read, not timed.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupSqlite } from "../../scripts/db/backup";
import { applyMigrations } from "../../scripts/db/migrate";
import { RestoreRefused, checkBackup, knownMigrations, restoreSqlite } from "../../scripts/db/restore";
import { createTestDatabase, pgAdminUrl, testProvider, type TestDatabase } from "../support/databases";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const TMP = path.join(ROOT, "tests/.tmp", `backup-${process.pid}`);
const BETTER_SQLITE3 = path.join(ROOT, "node_modules/better-sqlite3");
const INITIAL = 5_000;
const writerId = (n: number) => `w-${String(n).padStart(8, "0")}`;
const initialId = (n: number) => `i-${String(n).padStart(8, "0")}`;
/** Tests that spawn npm, Prisma's migrate or a writer process: generous, for a busy 2-core machine. */
const SLOW = 180_000;
const DETAIL = JSON.stringify({ note: "backup test row, long enough to fill a few hundred pages ".repeat(3) });

/** The ids of the writer's rows in a database are exactly w-1 … w-M (a consistent snapshot of one writer), and M. */
function writerPrefix(ids: string[]): number {
  const sorted = [...ids].sort();
  sorted.forEach((id, i) => expect(id).toBe(writerId(i + 1)));
  return sorted.length;
}

/** A child process that keeps inserting rows, one transaction each, until told to stop (stdin closes). */
function sqliteWriter(file: string): { child: ChildProcess; done: Promise<{ code: number | null; out: string }> } {
  const script = `
    const Database = require(${JSON.stringify(BETTER_SQLITE3)});
    const db = new Database(${JSON.stringify(file)});
    db.pragma("busy_timeout = 5000");
    const insert = db.prepare('INSERT INTO "AuditEvent" ("id","at","actorRole","action","detail") VALUES (?, ?, ?, ?, ?)');
    let n = 0, stop = false;
    process.stdin.on("end", () => { stop = true; });
    process.stdin.resume();
    (function step() {
      if (stop) { db.close(); console.log(String(n)); return; }
      n++;
      insert.run("w-" + String(n).padStart(8, "0"), new Date().toISOString(), "ADMIN", "backup.test.writer", ${JSON.stringify(DETAIL)});
      setImmediate(step);
    })();`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const done = new Promise<{ code: number | null; out: string }>((resolve) => child.on("exit", (code) => resolve({ code, out })));
  return { child, done };
}

/** A child process that holds the database open (as the app does) until stdin closes. */
async function holdOpen(file: string): Promise<ChildProcess> {
  const script = `
    const Database = require(${JSON.stringify(BETTER_SQLITE3)});
    const db = new Database(${JSON.stringify(file)});
    db.prepare('SELECT count(*) FROM "AuditEvent"').get();
    console.log("open");
    process.stdin.on("end", () => { db.close(); process.exit(0); });
    process.stdin.resume();`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  return child;
}
const release = (child: ChildProcess) => new Promise<void>((resolve) => (child.once("exit", () => resolve()), child.stdin!.end()));

async function waitFor(check: () => boolean | Promise<boolean>) {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
}

// ---- SQLite ---------------------------------------------------------------------------------------------

if (testProvider() === "sqlite") {
  describe("SQLite: npm run backup and npm run restore", () => {
    let source: TestDatabase;
    let sourceFile = "";
    let backupFile = "";
    let committedBefore = 0;

    beforeAll(async () => {
      mkdirSync(TMP, { recursive: true });
      source = await createTestDatabase("sqlite", "backup_source");
      sourceFile = source.url.replace(/^file:/, "");
      const db = new Database(sourceFile);
      const insert = db.prepare('INSERT INTO "AuditEvent" ("id","at","actorRole","action","detail") VALUES (?, ?, ?, ?, ?)');
      db.transaction(() => {
        for (let n = 1; n <= INITIAL; n++) insert.run(initialId(n), new Date().toISOString(), "ADMIN", "backup.test.initial", DETAIL);
      })();
      db.close();
    });

    afterAll(async () => {
      await source?.drop();
      rmSync(TMP, { recursive: true, force: true });
    });

    it("backs up while another process keeps writing; the copy restores with every row committed before it began", async () => {
      const reader = new Database(sourceFile, { readonly: true });
      const writerRows = () => (reader.prepare(`SELECT count(*) AS n FROM "AuditEvent" WHERE "action" = 'backup.test.writer'`).get() as { n: number }).n;
      const writer = sqliteWriter(sourceFile);
      try {
        await waitFor(() => writerRows() >= 300);
        committedBefore = writerRows();
        backupFile = path.join(TMP, "online.db");
        await backupSqlite(sourceFile, backupFile);
        // The writer was not stopped by the backup: it goes on committing.
        await waitFor(() => writerRows() > committedBefore + 100);
      } finally {
        writer.child.stdin!.end();
        reader.close();
      }
      const { code, out } = await writer.done;
      expect(code, out).toBe(0); // no SQLITE_BUSY or any other error in the writer
      expect(Number(out.trim())).toBeGreaterThan(committedBefore);

      const target = path.join(TMP, "restored", "app.db");
      mkdirSync(path.dirname(target), { recursive: true });
      const result = await restoreSqlite(backupFile, target);
      expect(result.aside).toBeNull();
      expect(result.migrations).toEqual(knownMigrations());
      // One file, nothing half-written or stale beside it.
      expect(readdirSync(path.dirname(target)).sort()).toEqual(["app.db"]);
      const restored = new Database(target, { readonly: true });
      try {
        expect(restored.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
        const ids = (restored.prepare(`SELECT "id" FROM "AuditEvent" WHERE "action" = 'backup.test.writer'`).all() as { id: string }[]).map((r) => r.id);
        // A consistent snapshot of a sequential writer: w-1 … w-M, and M covers everything committed before.
        expect(writerPrefix(ids)).toBeGreaterThanOrEqual(committedBefore);
        expect(restored.prepare(`SELECT count(*) AS n FROM "AuditEvent" WHERE "action" = 'backup.test.initial'`).get()).toEqual({ n: INITIAL });
        expect(restored.pragma("journal_mode", { simple: true })).toBe("wal");
      } finally {
        restored.close();
      }
      // The platform starts on it: its migrations are all known, nothing is left to apply.
      await applyMigrations(`file:${target}`, { quiet: true });
    }, SLOW);

    it("the real `npm run backup -- <file>` writes a copy that passes the restore checks", async () => {
      const file = path.join(TMP, "by-npm.db");
      const { stdout } = await run("npm", ["run", "--silent", "backup", "--", file], { cwd: ROOT, env: { ...process.env, DATABASE_URL: `file:${sourceFile}` } });
      expect(stdout).toContain("integrity_check ok");
      expect(checkBackup(file).migrations).toEqual(knownMigrations());
      // A single file: no -wal to forget beside it.
      expect(existsSync(`${file}-wal`)).toBe(false);
    }, SLOW);

    it("refuses a corrupt file, a file that is not a database, and a truncated one, changing nothing", async () => {
      const target = path.join(TMP, "refuse", "app.db");
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(backupFile, target);
      const before = readFileSync(target);

      const corrupt = path.join(TMP, "corrupt.db");
      const bytes = readFileSync(backupFile);
      // Scribble over table pages in the middle of the file (page size 4096).
      const page = Math.floor(bytes.length / 4096 / 2) * 4096;
      for (let i = page; i < page + 3 * 4096; i++) bytes[i] = (i * 7919) % 251;
      writeFileSync(corrupt, bytes);
      const notDb = path.join(TMP, "notes.txt");
      writeFileSync(notDb, "这不是数据库 — not a database\n".repeat(100));
      const truncated = path.join(TMP, "truncated.db");
      writeFileSync(truncated, readFileSync(backupFile).subarray(0, Math.floor(bytes.length / 3)));

      for (const [file, reason] of [
        [corrupt, /damaged|malformed/],
        [notDb, /not a SQLite database/],
        [truncated, /damaged|malformed|cannot be opened/],
      ] as const) {
        await expect(restoreSqlite(file, target, { force: true })).rejects.toThrow(reason);
        await expect(restoreSqlite(file, target, { force: true })).rejects.toBeInstanceOf(RestoreRefused);
      }
      expect(readFileSync(target).equals(before)).toBe(true);
      expect(readdirSync(path.dirname(target))).toEqual(["app.db"]);
    });

    it("refuses a backup from a newer schema; an older one is accepted (npm start migrates it)", async () => {
      const newer = path.join(TMP, "newer.db");
      copyFileSync(backupFile, newer);
      const db = new Database(newer);
      db.prepare(`INSERT INTO "_prisma_migrations" ("id","checksum","finished_at","migration_name","started_at","applied_steps_count") VALUES ('future','x',?,'29991231000000_from_a_newer_version',?,1)`).run(Date.now(), Date.now());
      db.close();
      const target = path.join(TMP, "newer-target.db");
      await expect(restoreSqlite(newer, target)).rejects.toThrow(/newer version of the platform \(migration 29991231000000_from_a_newer_version/);
      expect(existsSync(target)).toBe(false);

      const older = path.join(TMP, "older.db");
      copyFileSync(backupFile, older);
      const known = knownMigrations();
      const o = new Database(older);
      o.prepare(`DELETE FROM "_prisma_migrations" WHERE "migration_name" = ?`).run(known.at(-1)!);
      o.close();
      expect(checkBackup(older).migrations).toEqual(known.slice(0, -1));
    });

    it("replaces an existing database only with --force and never while another process has it open; the old one is kept aside", async () => {
      const target = path.join(TMP, "live", "app.db");
      mkdirSync(path.dirname(target), { recursive: true });
      // A live database: migrated, in WAL mode, with a row the backup does not have.
      await applyMigrations(`file:${target}`, { quiet: true });
      const live = new Database(target);
      live.prepare(`INSERT INTO "AuditEvent" ("id","at","actorRole","action") VALUES ('live-only', ?, 'ADMIN', 'backup.test.live')`).run(new Date().toISOString());
      live.close();

      await expect(restoreSqlite(backupFile, target)).rejects.toThrow(/exists\. Stop the app first .* run again with --force/);
      const app = await holdOpen(target);
      try {
        await expect(restoreSqlite(backupFile, target, { force: true })).rejects.toThrow(/open in another process: stop the app/);
      } finally {
        await release(app);
      }
      expect(readdirSync(path.dirname(target)).filter((f) => f.includes("before-restore"))).toEqual([]);

      const now = new Date("2026-12-05T03:04:05Z");
      const result = await restoreSqlite(backupFile, target, { force: true, now });
      expect(result.aside).toBe(`${target}.before-restore-2026-12-05T03-04-05`);
      // No stale -wal/-shm beside the new file; the old database, whole, beside it.
      expect(readdirSync(path.dirname(target)).sort()).toEqual(["app.db", "app.db.before-restore-2026-12-05T03-04-05"]);
      const restored = new Database(target, { readonly: true });
      const kept = new Database(result.aside!, { readonly: true });
      try {
        expect(restored.prepare(`SELECT count(*) AS n FROM "AuditEvent" WHERE "id" = 'live-only'`).get()).toEqual({ n: 0 });
        expect((restored.prepare(`SELECT count(*) AS n FROM "AuditEvent" WHERE "action" = 'backup.test.initial'`).get() as { n: number }).n).toBe(INITIAL);
        expect(kept.prepare(`SELECT count(*) AS n FROM "AuditEvent" WHERE "id" = 'live-only'`).get()).toEqual({ n: 1 });
        expect(kept.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
      } finally {
        restored.close();
        kept.close();
      }
    }, SLOW);

    it("replaces a damaged database (with --force), keeping the damaged file aside", async () => {
      const target = path.join(TMP, "damaged", "data", "app.db");
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, "garbage where the database was\n");
      writeFileSync(`${target}-wal`, "a stale write-ahead log\n");
      const result = await restoreSqlite(backupFile, target, { force: true });
      expect(readFileSync(result.aside!, "utf8")).toBe("garbage where the database was\n");
      expect(existsSync(`${target}-wal`)).toBe(false);
      expect(checkBackup(target).migrations).toEqual(knownMigrations());
    });

    it("the real `npm run restore` refuses a corrupt file with the reason and exit code 1", async () => {
      const target = path.join(TMP, "cli", "app.db");
      const failure = await run("npm", ["run", "--silent", "restore", "--", path.join(TMP, "corrupt.db"), "--force"], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: `file:${target}` },
      }).then(
        () => null,
        (error: { code?: number; stderr?: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toMatch(/corrupt\.db is damaged/);
      expect(existsSync(target)).toBe(false);
    }, SLOW);
  });
}

// ---- PostgreSQL -----------------------------------------------------------------------------------------

if (testProvider() === "postgresql") {
  const missing = ["pg_dump", "pg_restore"].filter((bin) => !(process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, bin))));
  const reason = `${missing.join(" and ")} not found on PATH (apt-get install postgresql-client, the server's major version)`;

  describe("PostgreSQL: pg_dump and pg_restore", () => {
    if (missing.length && process.env.CI === "true") {
      it("has pg_dump and pg_restore (required under CI)", () => {
        throw new Error(reason);
      });
      return;
    }
    if (missing.length) {
      it.skip(`SKIPPED: ${reason}`, () => {});
      return;
    }

    const databases: TestDatabase[] = [];
    afterAll(async () => {
      for (const d of databases) await d.drop();
      rmSync(TMP, { recursive: true, force: true });
    });

    it("a dump taken while a writer is busy restores into a new database with every row committed before it began", async () => {
      mkdirSync(TMP, { recursive: true });
      const source = await createTestDatabase("postgresql", "backup_source");
      databases.push(source);
      const setup = new pg.Client({ connectionString: source.url });
      await setup.connect();
      await setup.query(
        `INSERT INTO "AuditEvent" ("id","at","actorRole","action","detail")
         SELECT 'i-' || lpad(n::text, 8, '0'), now(), 'ADMIN', 'backup.test.initial', $1::jsonb FROM generate_series(1, ${INITIAL}) n`,
        [DETAIL],
      );

      // The writer: its own connection, one transaction a row, until stopped.
      const writerClient = new pg.Client({ connectionString: source.url });
      await writerClient.connect();
      let stop = false;
      let written = 0;
      const writer = (async () => {
        while (!stop) {
          written++;
          await writerClient.query(`INSERT INTO "AuditEvent" ("id","at","actorRole","action","detail") VALUES ($1, now(), 'ADMIN', 'backup.test.writer', $2::jsonb)`, [writerId(written), DETAIL]);
        }
      })();
      const writerRows = async () => (await setup.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" = 'backup.test.writer'`)).rows[0]!.n;
      let committedBefore = 0;
      const dump = path.join(TMP, "pg.dump");
      try {
        await waitFor(async () => (await writerRows()) >= 300);
        committedBefore = await writerRows();
        await run("pg_dump", ["--format=custom", `--file=${dump}`, `--dbname=${source.url}`]);
        await waitFor(async () => (await writerRows()) > committedBefore + 100);
      } finally {
        stop = true;
        await writer;
        await writerClient.end();
        await setup.end();
      }

      // Restore into a new, empty database (as after losing the server).
      const admin = new pg.Client({ connectionString: pgAdminUrl() });
      await admin.connect();
      const name = `test_backup_restored_${process.pid}`;
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const u = new URL(pgAdminUrl());
      u.pathname = `/${name}`;
      const restoredUrl = u.toString();
      databases.push({
        provider: "postgresql",
        url: restoredUrl,
        drop: async () => {
          const c = new pg.Client({ connectionString: pgAdminUrl() });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          await c.end();
        },
      });
      await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${restoredUrl}`, dump]);

      const restored = new pg.Client({ connectionString: restoredUrl });
      await restored.connect();
      try {
        const ids = (await restored.query<{ id: string }>(`SELECT "id" FROM "AuditEvent" WHERE "action" = 'backup.test.writer'`)).rows.map((r) => r.id);
        expect(writerPrefix(ids)).toBeGreaterThanOrEqual(committedBefore);
        expect((await restored.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" = 'backup.test.initial'`)).rows[0]).toEqual({ n: INITIAL });
        const migrations = (await restored.query<{ migration_name: string }>(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1`)).rows.map((r) => r.migration_name);
        expect(migrations).toEqual(knownMigrations(path.join(ROOT, "prisma/postgresql/migrations")));
        // The coverage triggers came along too (they are part of the schema, not data).
        const triggers = (await restored.query(`SELECT count(*)::int AS n FROM pg_trigger WHERE NOT tgisinternal`)).rows[0] as { n: number };
        expect(triggers.n).toBeGreaterThan(0);
      } finally {
        await restored.end();
      }
      // The platform starts on it: nothing left to migrate.
      await applyMigrations(restoredUrl, { quiet: true });
    }, SLOW);
  });
}
