// Throw-away databases for tests: a SQLite file under tests/.tmp, or a PostgreSQL database created on
// the server of TEST_PG_URL (default: the local server) and dropped afterwards. Both get the committed
// migrations applied, exactly as production does.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../../scripts/db/migrate";

export type TestProvider = "sqlite" | "postgresql";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const DEFAULT_PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export function testProvider(): TestProvider {
  const p = process.env.TEST_DB ?? "sqlite";
  if (p !== "sqlite" && p !== "postgresql") throw new Error(`TEST_DB must be sqlite or postgresql, got ${p}`);
  return p;
}

export function pgAdminUrl(): string {
  return process.env.TEST_PG_URL ?? DEFAULT_PG_ADMIN_URL;
}

/** Is the PostgreSQL server reachable? Returns the reason when it is not. */
export async function pgUnreachableReason(url = pgAdminUrl()): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return `PostgreSQL not reachable at ${url.replace(/\/\/[^@]*@/, "//")}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

export type TestDatabase = { provider: TestProvider; url: string; drop: () => Promise<void> };

/**
 * Creates an empty database of the provider, applies the migrations, and returns its URL. With `fixed`,
 * the name is the label alone and a leftover of an interrupted run is replaced.
 */
export async function createTestDatabase(provider: TestProvider, label: string, opts: { fixed?: boolean } = {}): Promise<TestDatabase> {
  const suffix = opts.fixed ? label : `${label}_${process.pid}_${randomBytes(3).toString("hex")}`;
  if (provider === "sqlite") {
    const dir = path.join(ROOT, "tests/.tmp");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${suffix}.db`);
    const url = `file:${file}`;
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    await applyMigrations(url, { quiet: true });
    return {
      provider,
      url,
      drop: async () => {
        for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      },
    };
  }
  const admin = pgAdminUrl();
  const reason = await pgUnreachableReason(admin);
  if (reason) throw new Error(reason);
  const name = `test_${suffix}`.toLowerCase();
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  if (opts.fixed) await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await run(`CREATE DATABASE "${name}"`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  await applyMigrations(url, { quiet: true });
  return { provider, url, drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** Removes what createTestDatabase(provider, label, { fixed: true }) made, if it is still there. */
export async function dropFixedTestDatabase(provider: TestProvider, label: string): Promise<void> {
  if (provider === "sqlite") {
    const file = path.join(ROOT, "tests/.tmp", `${label}.db`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    return;
  }
  if (await pgUnreachableReason()) return;
  const client = new pg.Client({ connectionString: pgAdminUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "test_${label}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
