// PostgreSQL connections that outlive the server dropping them (a restart, a failover, an administrator's
// pg_terminate_backend). node-postgres learns that a pooled connection is dead only when it next reads
// from it, so the first statements after a drop can be handed connections that are already closed.
// - Every connection has an 'error' listener for its whole life: one lost while checked out (inside a
//   transaction) fails that transaction, never the process (an 'error' event without a listener throws).
// - An error that means the connection is gone becomes DatabaseUnavailable (P1017), marked `notRun` when
//   the statement cannot have committed.
// - A statement of its own (Prisma's queries outside a transaction, driverRead) that found its connection
//   gone runs again on another connection when that is safe: a read, or a statement that never ran.
// - Starting a transaction likewise (beginTransaction; lib/db/driver.ts does the same for Prisma's).
// A statement inside a transaction is never run again: the transaction went with its connection (the
// server rolled it back), and the caller's request fails with "try again" (lib/errors.ts).
import pg from "pg";
import { DatabaseUnavailable, isServerTermination, isSocketFailure } from "./errors";

/** Connections whose socket failed (their 'error' event fired). */
const lost = new WeakSet<pg.ClientBase>();

/** The typed error for a connection failure, or null for an ordinary SQL error. */
function connectionFailure(client: pg.ClientBase, error: unknown, lostBefore: boolean): DatabaseUnavailable | null {
  if (error instanceof DatabaseUnavailable) return error;
  // Answered by the server ending the connection (57P01 …): the statement was refused or rolled back.
  // Sent on a connection already known dead: node-postgres refused it without sending it.
  if (isServerTermination(error) || lostBefore) {
    lost.add(client);
    return new DatabaseUnavailable("P1017", true, error);
  }
  // The socket closed under the statement: it may have committed before the answer was lost.
  if (lost.has(client) || isSocketFailure(error)) {
    lost.add(client);
    return new DatabaseUnavailable("P1017", false, error);
  }
  return null;
}

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | undefined)?.then === "function";

/** Every new connection: a lifelong error listener, and query errors of a lost connection typed. */
function watch(client: pg.PoolClient) {
  client.on("error", () => lost.add(client));
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const lostBefore = lost.has(client);
    const result = query(...args);
    // The callback and cursor forms are left as they are (nothing here uses them).
    if (!isPromise(result)) return result;
    return result.catch((error: unknown) => {
      throw connectionFailure(client, error, lostBefore) ?? error;
    });
  };
}

/** A read only (Prisma's reads and driverRead start with SELECT and lock nothing): safe to run twice. */
function isRead(statement: unknown): boolean {
  const text = typeof statement === "string" ? statement : (statement as { text?: unknown } | undefined)?.text;
  return typeof text === "string" && /^\s*SELECT\b/i.test(text) && !/\bFOR\s+(UPDATE|SHARE|NO\s+KEY\s+UPDATE|KEY\s+SHARE)\b/i.test(text);
}

/** A failure to open a connection (server down, refusing, starting up), typed. */
function connectFailure(error: unknown): unknown {
  return isSocketFailure(error) || isServerTermination(error) ? new DatabaseUnavailable("P1001", true, error) : error;
}

/**
 * Attempts for one statement or transaction start: each failed attempt discards one dead connection,
 * so after as many as the pool holds the next one is new.
 */
export const attemptsFor = (pool: pg.Pool) => (pool.options.max ?? 10) + 1;

/** The pool Prisma and lib/db/driver.ts share. */
export function createPool(connectionString: string, max = 10): pg.Pool {
  // An unreachable server (no refusal, packets dropped) fails a request after 10 s instead of hanging it.
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 });
  pool.on("connect", watch);
  // A connection the server closes while idle is dropped from the pool and replaced on the next query;
  // unhandled, its error would end the process.
  pool.on("error", (error) => console.error("[db] idle PostgreSQL connection closed:", error.message));
  // pool.query as node-postgres has it, on a connection of the pool, but through the typed errors of
  // watch() (pg-pool's own runs the callback form, which they leave alone) and run again when safe.
  const callbackQuery = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = async (...args: unknown[]) => {
    if (typeof args.at(-1) === "function") return callbackQuery(...args);
    for (let attempt = 1; ; attempt++) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw connectFailure(error);
      }
      try {
        const result = await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
        releaseClient(client);
        return result;
      } catch (error) {
        releaseClient(client, error);
        const again = error instanceof DatabaseUnavailable && (error.notRun || isRead(args[0]));
        if (!again || attempt >= attemptsFor(pool)) throw error;
      }
    }
  };
  return pool;
}

/** A connection of the pool inside BEGIN, on a live connection (a dead one is discarded and another taken). */
export async function beginTransaction(pool: pg.Pool): Promise<pg.PoolClient> {
  for (let attempt = 1; ; attempt++) {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw connectFailure(error);
    }
    try {
      await client.query("BEGIN");
      return client;
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      if (!(error instanceof DatabaseUnavailable) || attempt >= attemptsFor(pool)) throw error;
    }
  }
}

/** Gives the connection back to the pool; one whose connection failed is closed, not reused. */
export function releaseClient(client: pg.PoolClient, error?: unknown) {
  client.release(error instanceof DatabaseUnavailable || lost.has(client) ? (error as Error) ?? true : undefined);
}
