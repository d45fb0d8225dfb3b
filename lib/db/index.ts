// The Prisma client for the provider DATABASE_URL selects. Both generated clients come from one model
// (prisma/models.prisma), so they share one type; the SQLite client's type stands for both.
//
// The hot write path of class-hour heartbeats (features/learning/ledger-store.ts) talks to the database
// driver directly, on the same connection (SQLite) or the same pool (PostgreSQL) as Prisma: see
// lib/db/driver.ts. On SQLite, Prisma's interactive transactions and that path's transactions take turns
// through one lock (lib/db/sqlite-lock.ts), so neither ever sees the other half-done.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { databaseProvider, env } from "@/lib/env";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { driverState, shareSqliteConnection } from "./driver";

export type Db = InstanceType<typeof SqliteClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type { Prisma } from "./generated/sqlite/client";
export * from "./generated/sqlite/enums";
export { DbNull } from "./json";

function createClient(url: string): Db {
  if (url.startsWith("file:")) {
    // busy_timeout: a writer waits up to 5 s for the lock instead of failing at once (WAL is set at migrate).
    const factory = new PrismaBetterSQLite3({ url, timeout: 5_000 });
    return new SqliteClient({ adapter: shareSqliteConnection(factory) });
  }
  // One pool for Prisma and the driver-level path (node-postgres' default of 10 connections).
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A connection the server closes while idle (a restart, a failover, an administrator) is dropped from
  // the pool and replaced on the next query; unhandled, its error would end the process.
  pool.on("error", (error) => console.error("[db] idle PostgreSQL connection closed:", error.message));
  driverState.pool = pool;
  // $disconnect() ends the pool too.
  return new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { __db?: Db };

/** One client per process (the dev server reloads modules; keep the connection pool). */
export const db: Db = globalForDb.__db ?? createClient(env.DATABASE_URL);
if (env.NODE_ENV !== "production") globalForDb.__db = db;

export { databaseProvider };
