// Rate limits every app instance shares: fixed windows counted in the database (RateLimitWindow), so N
// instances behind a load balancer count together and a restart forgets nothing. One upsert per request
// ("insert the window with 1, or add 1 to it", atomic on SQLite and PostgreSQL) and no read before it, so
// concurrent requests on several instances cannot both see "under the limit" and overshoot it.
//
// Refusals are HTTP 429 with Retry-After (the end of the window) and the message key errors.rateLimited.
// Login has its own limits on top of the failure throttle (features/accounts/login.ts).
import "server-only";
import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type RateLimit = {
  /** The first part of the counter's key, e.g. "roster-import". */
  name: string;
  /** Requests allowed in one window. */
  max: number;
  windowSeconds: number;
};

/** The limits of the route handlers. Login's are settings (lib/env.ts LOGIN_MAX_ATTEMPTS_*). */
export const RATE_LIMITS = {
  /** Roster file previews per user: each parses up to 100,000 rows (about a second of a core). */
  rosterImport: { name: "roster-import", max: 20, windowSeconds: 10 * 60 },
  /** Data-feed requests per API key: an upstream system polling each table every minute needs 7. */
  feed: { name: "feed", max: 120, windowSeconds: 60 },
} as const satisfies Record<string, RateLimit>;

export type RateDecision = {
  allowed: boolean;
  /** Requests counted in this window, this one included. */
  count: number;
  /** Seconds until the window ends (at least 1): the Retry-After of a refusal. */
  retryAfterSeconds: number;
};

/** The start of the fixed window `now` falls in. */
export function windowStartOf(limit: RateLimit, now: Date): Date {
  const ms = limit.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** A subject that is personal data (a mobile number, an address) is kept only as a short hash. */
export function hashedSubject(value: string): string {
  return createHash("sha256").update(value).digest("base64url").slice(0, 22);
}

/** Windows older than this are deleted; longer than any window above. */
const KEEP_WINDOWS_MS = 24 * 3600_000;
const SWEEP_EVERY_MS = 10 * 60_000;
let lastSweep = 0;

/** Deletes windows that ended long ago. Runs now and then from consume(); the retention job runs it too. */
export async function sweepRateLimitWindows(client: Db = db, now = new Date()): Promise<number> {
  const { count } = await client.rateLimitWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - KEEP_WINDOWS_MS) } } });
  return count;
}

/**
 * Counts one request of `subject` against `limit` and says whether it is allowed. `client` is another
 * instance's database client in tests (the counter is the database's, not the process's).
 */
export async function consume(limit: RateLimit, subject: string, opts: { client?: Db; now?: Date } = {}): Promise<RateDecision> {
  const client = opts.client ?? db;
  const now = opts.now ?? new Date();
  const key = `${limit.name}:${subject}`;
  const windowStart = windowStartOf(limit, now);
  const row = await upsertCount(client, key, windowStart);
  if (now.getTime() - lastSweep > SWEEP_EVERY_MS) {
    lastSweep = now.getTime();
    await sweepRateLimitWindows(client, now).catch((error: unknown) => console.error("[rate-limit] sweep failed", error));
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000));
  return { allowed: row.count <= limit.max, count: row.count, retryAfterSeconds };
}

async function upsertCount(client: Db, key: string, windowStart: Date): Promise<{ count: number }> {
  const upsert = () =>
    client.rateLimitWindow.upsert({
      where: { key_windowStart: { key, windowStart } },
      create: { key, windowStart, count: 1 },
      update: { count: { increment: 1 } },
      select: { count: true },
    });
  try {
    return await upsert();
  } catch (error) {
    // Prisma runs this as one INSERT … ON CONFLICT DO UPDATE; should it ever fall back to "find, then
    // create", two instances can both create the window: the loser's retry then updates it.
    if ((error as { code?: unknown }).code === "P2002") return upsert();
    throw error;
  }
}

/** A refusal by a rate limit: HTTP 429, Retry-After and a message that says when to try again. */
export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", "errors.rateLimited", undefined, { seconds: retryAfterSeconds });
    this.name = "RateLimited";
  }
}

/** Counts the request and throws RateLimited when it is over the limit. */
export async function enforceRateLimit(limit: RateLimit, subject: string, opts: { client?: Db; now?: Date } = {}): Promise<void> {
  const decision = await consume(limit, subject, opts);
  if (!decision.allowed) throw new RateLimited(decision.retryAfterSeconds);
}

/** The 429 response of a refusal, in the JSON shape of lib/route.ts's errors. */
export function rateLimitedResponse(error: RateLimited): Response {
  return NextResponse.json(
    { error: error.code, message: error.message, params: error.params },
    { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}
