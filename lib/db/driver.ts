// Driver-level access for the one path where Prisma's per-query cost matters (the heartbeat ledger,
// features/learning/ledger-store.ts): the better-sqlite3 connection Prisma itself uses, or the pg pool
// Prisma shares. Everything else goes through Prisma.
import type Database from "better-sqlite3";
import type pg from "pg";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaPg } from "@prisma/adapter-pg";
import { DatabaseUnavailable, isSqliteBusy } from "./errors";
import { attemptsFor, beginTransaction, releaseClient } from "./pg";
import { acquireSqliteLock } from "./sqlite-lock";

export const driverState: { sqlite?: Database.Database; pool?: pg.Pool } = {};

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/** Calls on a wrapped object run on the object itself (its private fields need `this` to be it). */
function bound<T extends object>(target: T, override: Partial<Record<keyof T, unknown>>): T {
  return new Proxy(target, {
    get(t, key) {
      if (key in override) return override[key as keyof T];
      const value = Reflect.get(t, key, t);
      return typeof value === "function" ? value.bind(t) : value;
    },
  });
}

/** SQLite's "locked" (another process writing past the busy timeout), typed; anything else as it is. */
function sqliteFailure(error: unknown): unknown {
  return isSqliteBusy(error) ? new DatabaseUnavailable("P1008", true, error) : error;
}

/**
 * Wraps Prisma's SQLite adapter factory: the connection it opens is kept for the driver-level path, and
 * each of Prisma's transactions holds the process's SQLite lock from BEGIN until COMMIT or ROLLBACK.
 */
export function shareSqliteConnection(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  return bound(factory, {
    connect: async () => {
      const adapter = await factory.connect();
      const sqlite = (adapter as unknown as { client: Database.Database }).client;
      driverState.sqlite = sqlite;
      return bound(adapter, {
        startTransaction: async (...args: Parameters<Adapter["startTransaction"]>) => {
          const release = await acquireSqliteLock();
          try {
            const tx = await adapter.startTransaction(...args);
            // The adapter begins DEFERRED: a transaction that reads before it writes then fails at once,
            // without waiting, when another process (a script, a second instance) writes meanwhile
            // (SQLite cannot wait to upgrade a read to a write). This process's transactions take turns
            // anyway, so each takes the write lock at its start, waiting up to the busy timeout.
            try {
              sqlite.exec("ROLLBACK");
              sqlite.exec("BEGIN IMMEDIATE");
            } catch (error) {
              await tx.rollback(); // the adapter's own lock (no statement: BEGIN IMMEDIATE failed)
              throw sqliteFailure(error);
            }
            let released = false;
            const done = () => {
              if (!released) {
                released = true;
                release();
              }
            };
            return bound(tx, {
              commit: async () => {
                await tx.commit();
                done();
              },
              rollback: async () => {
                await tx.rollback();
                done();
              },
            });
          } catch (error) {
            release();
            throw error;
          }
        },
      } as Partial<Record<keyof Adapter, unknown>>);
    },
  } as Partial<Record<keyof PrismaBetterSQLite3, unknown>>);
}

/**
 * Runs `work` as one IMMEDIATE transaction on the SQLite connection Prisma uses, when no Prisma transaction
 * holds it. `work` is synchronous: nothing else runs on the connection until it returns.
 */
export async function sqliteTransaction<T>(connect: () => Promise<unknown>, work: (sqlite: Database.Database) => T): Promise<T> {
  if (!driverState.sqlite) await connect();
  const sqlite = driverState.sqlite;
  if (!sqlite) throw new Error("the SQLite connection is not open");
  const release = await acquireSqliteLock();
  try {
    // better-sqlite3 rolls the transaction back when `work` or COMMIT throws.
    return sqlite.transaction(work).immediate(sqlite);
  } catch (error) {
    throw sqliteFailure(error);
  } finally {
    release();
  }
}

/**
 * A pg client of the shared pool for one transaction (BEGIN … COMMIT, ROLLBACK on error). BEGIN goes to a
 * live connection (lib/db/pg.ts); a connection lost later fails the transaction with DatabaseUnavailable,
 * and the server has rolled it back.
 */
export async function pgTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const pool = driverState.pool;
  if (!pool) throw new Error("the PostgreSQL pool is not open");
  const client = await beginTransaction(pool);
  try {
    const result = await work(client);
    await client.query("COMMIT");
    releaseClient(client);
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    releaseClient(client, error);
    throw error;
  }
}

/**
 * Wraps Prisma's PostgreSQL adapter factory: a transaction whose BEGIN finds its connection gone (the
 * server dropped it while it sat in the pool) starts again on another; nothing of it had run.
 */
export function recoverPgTransactionStarts(factory: PrismaPg, pool: pg.Pool): PrismaPg {
  type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
  return bound(factory, {
    connect: async () => {
      const adapter = await factory.connect();
      return bound(adapter, {
        startTransaction: async (...args: Parameters<PgAdapter["startTransaction"]>) => {
          for (let attempt = 1; ; attempt++) {
            try {
              return await adapter.startTransaction(...args);
            } catch (error) {
              if (!(error instanceof DatabaseUnavailable) || attempt >= attemptsFor(pool)) throw error;
            }
          }
        },
      } as Partial<Record<keyof PgAdapter, unknown>>);
    },
  } as Partial<Record<keyof PrismaPg, unknown>>);
}

/**
 * One read at the driver: `sqlite` on the SQLite connection (between transactions, so it never sees a
 * transaction's uncommitted rows), or `postgres` on the pool. Rows come back as plain objects.
 */
export async function driverRead<T>(connect: () => Promise<unknown>, query: { sqlite: string; postgres: string; name: string }, params: unknown[]): Promise<T[]> {
  if (driverState.pool) {
    return (await driverState.pool.query({ name: query.name, text: query.postgres, values: params })).rows as T[];
  }
  if (!driverState.sqlite) await connect();
  const sqlite = driverState.sqlite;
  if (!sqlite) throw new Error("no database connection");
  let statement = readStatements.get(query.sqlite);
  if (!statement || statement.database !== sqlite) {
    statement = sqlite.prepare(query.sqlite).safeIntegers(false);
    readStatements.set(query.sqlite, statement);
  }
  const release = await acquireSqliteLock();
  try {
    return statement.all(...params) as T[];
  } catch (error) {
    throw sqliteFailure(error);
  } finally {
    release();
  }
}
const readStatements = new Map<string, Database.Statement>();
