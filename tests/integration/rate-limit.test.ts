// Rate limits in the database (lib/rate-limit.ts): the count is the database's, so a second Prisma client
// on its own connection (standing in for a second app instance) adds to the same window; the window ends
// and a new one starts at zero; the roster import and the data feed answer 429 with Retry-After over their
// limits; login refuses a burst per mobile number and per address before the password is checked.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/session";

const session = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getSession: async () => session.current, getRequestSession: async () => session.current }));

const { consume, enforceRateLimit, hashedSubject, RATE_LIMITS, RateLimited, sweepRateLimitWindows, windowStartOf } = await import("@/lib/rate-limit");
const { LOGIN_RATE_LIMITS, verifyLogin } = await import("@/features/accounts/login");
const { db } = await import("@/lib/db");
const { PrismaClient: SqliteClient } = await import("@/lib/db/generated/sqlite/client");
const { PrismaClient: PostgresClient } = await import("@/lib/db/generated/postgresql/client");
const importRoute = await import("@/app/api/rosters/imports/route");
const feedRoute = await import("@/app/api/feed/v1/coverage/route");
const { createAccount, loadDemo, randomIp, sessionOf } = await import("./support");

type Db = typeof db;
const ORIGIN = "http://localhost:3000";
const sameOrigin = { origin: ORIGIN, host: "localhost:3000" };
const limit = (max: number, windowSeconds = 60) => ({ name: `test-${randomUUID()}`, max, windowSeconds });

/** Another app instance's database client: its own connection (SQLite) or pool (PostgreSQL). */
function otherInstance(): Db {
  const url = process.env.DATABASE_URL!;
  if (url.startsWith("file:")) return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5_000 }) });
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) }) as unknown as Db;
}

/**
 * Uses up `subject`'s allowance through the other instance: this window and the next, so that a window
 * ending while the test runs does not hand out a fresh allowance.
 */
async function useUp(l: { name: string; max: number; windowSeconds: number }, subject: string) {
  const now = Date.now();
  for (const at of [now, now + l.windowSeconds * 1000]) {
    const where = { key_windowStart: { key: `${l.name}:${subject}`, windowStart: windowStartOf(l, new Date(at)) } };
    await second.rateLimitWindow.upsert({ where, create: { ...where.key_windowStart, count: l.max }, update: { count: l.max } });
  }
}

let second: Db;
beforeAll(async () => {
  await loadDemo();
  second = otherInstance();
});
afterAll(async () => {
  await second.$disconnect();
});

describe("the limiter's counter", () => {
  it("is shared by two instances: concurrent requests on both count once each, and exactly max pass", async () => {
    const l = limit(25);
    const now = new Date();
    const decisions = await Promise.all(Array.from({ length: 40 }, (_, i) => consume(l, "user-1", { client: i % 2 ? second : db, now })));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(25);
    expect(decisions.map((d) => d.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const row = await second.rateLimitWindow.findUniqueOrThrow({ where: { key_windowStart: { key: `${l.name}:user-1`, windowStart: windowStartOf(l, now) } } });
    expect(row.count).toBe(40);
  });

  it("counts subjects apart", async () => {
    const l = limit(1);
    const now = new Date();
    expect((await consume(l, "a", { now })).allowed).toBe(true);
    expect((await consume(l, "b", { client: second, now })).allowed).toBe(true);
    expect((await consume(l, "a", { client: second, now })).allowed).toBe(false);
  });

  it("starts again at zero when the window ends, and says how long until then", async () => {
    const l = limit(2, 600);
    const start = windowStartOf(l, new Date());
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    expect((await consume(l, "u", { now: at(0) })).allowed).toBe(true);
    expect((await consume(l, "u", { now: at(100), client: second })).allowed).toBe(true);
    const refused = await consume(l, "u", { now: at(599.5) });
    expect(refused).toEqual({ allowed: false, count: 3, retryAfterSeconds: 1 });
    expect((await consume(l, "u", { now: at(200) })).retryAfterSeconds).toBe(400);
    const next = await consume(l, "u", { now: at(600), client: second });
    expect(next).toEqual({ allowed: true, count: 1, retryAfterSeconds: 600 });
  });

  it("enforceRateLimit throws a typed 429 refusal with the seconds to wait", async () => {
    const l = limit(1);
    const now = new Date();
    await enforceRateLimit(l, "x", { now });
    const error = await enforceRateLimit(l, "x", { now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimited);
    expect(error).toMatchObject({ code: "RATE_LIMITED", message: "errors.rateLimited" });
    expect((error as InstanceType<typeof RateLimited>).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("deletes windows that ended long ago and keeps the current ones", async () => {
    const l = limit(5);
    const old = new Date(Date.now() - 2 * 24 * 3600_000);
    await consume(l, "old", { now: old });
    await consume(l, "new");
    await sweepRateLimitWindows(second);
    const keys = (await db.rateLimitWindow.findMany({ where: { key: { startsWith: l.name } }, select: { key: true } })).map((r) => r.key);
    expect(keys).toEqual([`${l.name}:new`]);
  });
});

describe("roster import uploads", () => {
  it(`answer 429 with Retry-After after ${RATE_LIMITS.rosterImport.max} in the window, per user`, async () => {
    const admin = await sessionOf("13800000003");
    const other = await sessionOf("13800000002");
    session.current = admin;
    const post = () => importRoute.POST(new Request(`${ORIGIN}/api/rosters/imports`, { method: "POST", headers: sameOrigin, body: new FormData() }), {} as never);
    // Under the limit the upload goes through to the handler (no file: 400).
    const first = await post();
    expect(first.status).toBe(400);
    expect(await first.json()).toMatchObject({ message: "roster.noFile" });
    // The rest of the allowance, used through another instance.
    await useUp(RATE_LIMITS.rosterImport, admin.id);
    const refused = await post();
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(RATE_LIMITS.rosterImport.windowSeconds);
    expect(await refused.json()).toEqual({ error: "RATE_LIMITED", message: "errors.rateLimited", params: { seconds: retryAfter } });
    // Another user is not limited by this one's uploads.
    session.current = other;
    expect((await post()).status).toBe(400);
  });
});

describe("the data feed", () => {
  async function apiKey() {
    const regulator = await db.user.findUniqueOrThrow({ where: { mobile: "13800000002" }, select: { id: true } });
    const key = `gsyf_${randomBytes(24).toString("base64url")}`;
    await db.apiKey.create({
      data: { name: "限流测试", prefix: key.slice(0, 11), hash: createHash("sha256").update(key).digest("hex"), regionCode: "510402", createdById: regulator.id },
    });
    return key;
  }
  const get = (key: string) => feedRoute.GET(new Request(`${ORIGIN}/api/feed/v1/coverage?table=summary`, { headers: { authorization: `Bearer ${key}` } }));

  it(`answers 429 with Retry-After after ${RATE_LIMITS.feed.max} requests a minute, per key`, async () => {
    const key = await apiKey();
    const ok = await get(key);
    expect(ok.status).toBe(200);
    await useUp(RATE_LIMITS.feed, hashedSubject(key));
    const refused = await get(key);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ error: "RATE_LIMITED", message: "errors.rateLimited" });
    // Another key of the same region is not held back.
    expect((await get(await apiKey())).status).toBe(200);
    // The counter holds a hash, never the key.
    expect(await db.rateLimitWindow.count({ where: { key: { contains: key } } })).toBe(0);
  });

  it("keeps no counter for a value that is not shaped like a key", async () => {
    const before = await db.rateLimitWindow.count();
    expect((await get("not-a-key")).status).toBe(401);
    expect(await db.rateLimitWindow.count()).toBe(before);
  });
});

describe("login attempt limits (on top of the failure throttle)", () => {
  const PASSWORD = "Correct-horse-7";

  it("refuses a burst on one mobile number before the password is checked, whatever the address", async () => {
    const account = await createAccount({ password: PASSWORD });
    await useUp(LOGIN_RATE_LIMITS.perMobile, hashedSubject(account.mobile));
    const refused = await verifyLogin({ mobile: account.mobile, password: PASSWORD, ip: randomIp() });
    expect(refused).toMatchObject({ ok: false, reason: "tooManyAttempts" });
    if (refused.ok) return;
    expect(refused.retryAt!.getTime()).toBeGreaterThan(Date.now());
    expect(refused.retryAt!.getTime()).toBeLessThanOrEqual(Date.now() + 61_000);
    expect(await db.loginAttempt.count({ where: { userId: account.id } })).toBe(0);
  });

  it("refuses a burst from one address, and counts no single shared counter for callers without one", async () => {
    const ip = randomIp();
    await useUp(LOGIN_RATE_LIMITS.perIp, hashedSubject(ip));
    const account = await createAccount({ password: PASSWORD });
    expect(await verifyLogin({ mobile: account.mobile, password: PASSWORD, ip })).toMatchObject({ ok: false, reason: "tooManyAttempts" });
    expect((await verifyLogin({ mobile: account.mobile, password: PASSWORD, ip: randomIp() })).ok).toBe(true);
    // "unknown" (no proxy header): the per-address limit does not apply.
    await useUp(LOGIN_RATE_LIMITS.perIp, hashedSubject("unknown"));
    expect((await verifyLogin({ mobile: account.mobile, password: PASSWORD, ip: "unknown" })).ok).toBe(true);
  });

  it("keeps neither mobile numbers nor addresses in the counters' keys", async () => {
    const account = await createAccount({ password: PASSWORD });
    const ip = randomIp();
    await verifyLogin({ mobile: account.mobile, password: PASSWORD, ip });
    expect(await db.rateLimitWindow.count({ where: { OR: [{ key: { contains: account.mobile } }, { key: { contains: ip } }] } })).toBe(0);
  });
});
