// The Prisma client for the provider DATABASE_URL selects. Both generated clients come from one model
// (prisma/models.prisma), so they share one type; the SQLite client's type stands for both.
//
// The hot write path of class-hour heartbeats (features/learning/ledger-store.ts) talks to the database
// driver directly, on the same connection (SQLite) or the same pool (PostgreSQL) as Prisma: see
// lib/db/driver.ts. On SQLite, Prisma's interactive transactions and that path's transactions take turns
// through one lock (lib/db/sqlite-lock.ts), so neither ever sees the other half-done.
//
// Faults of the database itself (SQLite locked by another process past the busy timeout, PostgreSQL
// connections dropped) surface as DatabaseUnavailable or Prisma's code for the same (lib/db/errors.ts),
// which lib/errors.ts turns into "try again"; lib/db/pg.ts keeps the pool working after a drop.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseProvider, env } from "@/lib/env";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { driverState, recoverPgTransactionStarts, shareSqliteConnection } from "./driver";
import { createPool } from "./pg";

export type Db = InstanceType<typeof SqliteClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type { Prisma } from "./generated/sqlite/client";
export * from "./generated/sqlite/enums";
export { DbNull } from "./json";

function createClient(url: string): Db {
  if (url.startsWith("file:")) {
    // busy_timeout: a writer waits up to 5 s for another process's lock instead of failing at once (WAL is
    // set at migrate). better-sqlite3 waits synchronously: this process answers nothing meanwhile, so a
    // longer timeout would stall every request; past it the caller gets "try again" (lib/db/errors.ts).
    const factory = new PrismaBetterSQLite3({ url, timeout: 5_000 });
    return new SqliteClient({ adapter: shareSqliteConnection(factory) });
  }
  // One pool for Prisma and the driver-level path (node-postgres' default of 10 connections), which
  // recovers from connections the server dropped (lib/db/pg.ts).
  const pool = createPool(url, 10);
  driverState.pool = pool;
  // $disconnect() ends the pool too.
  return new PostgresClient({ adapter: recoverPgTransactionStarts(new PrismaPg(pool, { disposeExternalPool: true }), pool) }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { __db?: Db };

/** One client per process (the dev server reloads modules; keep the connection pool). */
export const db: Db = globalForDb.__db ?? createClient(env.DATABASE_URL);
if (env.NODE_ENV !== "production") globalForDb.__db = db;

export { databaseProvider };
