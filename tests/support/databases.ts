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

/** Creates an empty database of the provider, applies the migrations, and returns its URL. */
export async function createTestDatabase(provider: TestProvider, label: string): Promise<TestDatabase> {
  const suffix = `${label}_${process.pid}_${randomBytes(3).toString("hex")}`;
  if (provider === "sqlite") {
    const dir = path.join(ROOT, "tests/.tmp");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${suffix}.db`);
    const url = `file:${file}`;
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
  await run(`CREATE DATABASE "${name}"`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  await applyMigrations(url, { quiet: true });
  return { provider, url, drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
