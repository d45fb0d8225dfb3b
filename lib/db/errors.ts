// The database's own faults as one typed error: the SQLite file locked by another process for longer
// than the busy timeout, or the PostgreSQL server gone (a restart, a failover, connections ended by an
// administrator). Its code is Prisma's code for the same fault, so lib/errors.ts maps one set of codes to
// "try again" whichever layer raised it: Prisma itself (SQLITE_BUSY is P1008 there), the driver-level path
// of lib/db/driver.ts, or lib/db/pg.ts under Prisma (Prisma keeps an adapter error's code).
// No imports: lib/errors.ts reads these codes, and nothing of the drivers may come with them.

/** P1001: the server cannot be reached. P1008: timed out (SQLite: locked). P1017: the server closed the connection. */
export type UnavailableCode = "P1001" | "P1008" | "P1017";

const MESSAGES: Record<UnavailableCode, string> = {
  P1001: "the database server cannot be reached",
  P1008: "the database is locked by another writer",
  P1017: "the database connection was lost",
};

export class DatabaseUnavailable extends Error {
  override readonly name = "DatabaseUnavailable";
  constructor(
    readonly code: UnavailableCode,
    /** The statement never ran on a live server (or was rolled back with it): running it again is safe. */
    readonly notRun: boolean,
    cause: unknown,
  ) {
    super(MESSAGES[code], { cause });
  }
}

const codeOf = (error: unknown): unknown => (typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined);

/** SQLite's "database is locked" (better-sqlite3 gives SQLITE_BUSY and its extended codes). */
export function isSqliteBusy(error: unknown): boolean {
  const code = codeOf(error);
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

/**
 * PostgreSQL ended the connection itself: class 08 (connection exception) or 57P01–57P03 (an administrator,
 * a crash, a server still starting). The statement it answers did not commit.
 */
export function isServerTermination(error: unknown): boolean {
  const code = codeOf(error);
  return typeof code === "string" && /^(08...|57P0[1-3])$/.test(code);
}

/** The socket failed under node-postgres (Node's error codes). */
export function isSocketFailure(error: unknown): boolean {
  const code = codeOf(error);
  if (typeof code === "string" && ["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH"].includes(code)) return true;
  // pg-pool's connectionTimeoutMillis (lib/db/pg.ts) rejects with a plain Error of this text.
  return error instanceof Error && /^timeout exceeded when trying to connect$|^Connection terminated due to connection timeout$/.test(error.message);
}
