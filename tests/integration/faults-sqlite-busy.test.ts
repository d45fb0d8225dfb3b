// Concurrent writers (issue 9, item 3). On SQLite another process (a second instance, a script run beside
// the server) can hold the file's write lock: the app's writes — a class-hour heartbeat, an exam answer, a
// roster commit — wait for it (busy timeout 5 s) and succeed once it is released; held past the timeout,
// the caller gets a typed "try again" (HTTP 503, the action's message), nothing is half-written, and the
// same request then succeeds. Writers inside the app never meet SQLITE_BUSY: they take turns on the
// process's lock (lib/db/sqlite-lock.ts); that part runs on PostgreSQL too. The lock is held by a real
// second process (tests/support/sqlite-lock-holder.ts): better-sqlite3 waits for a lock synchronously, so
// a holder in this process could never let go while the app waits.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import messages from "@/messages/zh-CN.json";
import type { SessionUser } from "@/lib/session";
import { runScript } from "../support/processes";
import { rosterMobile, staffRoster } from "../support/roster-file";

const session = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getSession: async () => session.current, getRequestSession: async () => session.current }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => createTranslator({ locale: "zh-CN", messages }) }));

const { POST: heartbeatsRoute } = await import("@/app/api/learning/heartbeats/route");
const { POST: commitRoute } = await import("@/app/api/rosters/imports/[id]/commit/route");
const { saveAnswerAction } = await import("@/features/exams/actions");
const { saveAnswer } = await import("@/features/exams/data");
const { recordHeartbeatBatch } = await import("@/features/learning/ledger");
const { commitImport, previewImport } = await import("@/features/rosters/data");
const { demoCreditCode } = await import("@/features/demo/seed");
const { db } = await import("@/lib/db");
const { driverState } = await import("@/lib/db/driver");
const { isSqliteBusy } = await import("@/lib/db/errors");
const { toAppError } = await import("@/lib/errors");
const { enterpriseWithAdmin, freshTeamLeader, loadDemo, sessionOf, studentInExam } = await import("./support");

const provider = inject("databaseProvider");
const COURSE = "jigong-bixiu";
const READING = "rumen-gongshang-baoxian";
const ADMIN_MOBILE = "16603000001"; // (1660000xxxx are coverage.test.ts learners)
const ROSTER_PREFIX = "16601";
const BUSY_MESSAGE = messages.errors.unavailable;

let enterpriseId = "";

beforeAll(async () => {
  await loadDemo();
  enterpriseId = await enterpriseWithAdmin({ creditCode: demoCreditCode("510402", "FT0000001"), name: "东区并发测试建材有限公司", adminMobile: ADMIN_MOBILE, adminName: "并发测试管理员" });
});

const learner = freshTeamLeader;
const inExam = () => studentInExam(COURSE);

const beat = (tabId: string, seq: number) => ({ lessonId: READING, tabId, seq, watchedSeconds: 15, ageSeconds: 0, position: 0, visible: true, active: true });

function heartbeatRequest(beats: ReturnType<typeof beat>[]) {
  return new Request("http://localhost/api/learning/heartbeats", {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://localhost" },
    body: JSON.stringify({ beats }),
  });
}

function commitRequest(importId: string) {
  const request = new Request(`http://localhost/api/rosters/imports/${importId}/commit`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://localhost" },
    body: JSON.stringify({ initialPassword: "Initial-2026", confirmPassword: "Initial-2026" }),
  });
  return [request, { params: Promise.resolve({ id: importId }) }] as const;
}

/** A checked import of `count` new staff of the test enterprise, waiting for its commit. */
async function stagedImport(first: number, count: number) {
  const admin = await sessionOf(ADMIN_MOBILE);
  const preview = await previewImport(admin, { kind: "STAFF", fileName: "并发.xlsx", bytes: await staffRoster(ROSTER_PREFIX, count, first), fullRoster: false });
  expect(preview.summary).toMatchObject({ create: count, bad: 0 });
  return { admin, importId: preview.id, mobiles: Array.from({ length: count }, (_, i) => rosterMobile(ROSTER_PREFIX, first + i)) };
}

const sqliteFile = () => process.env.DATABASE_URL!.replace(/^file:/, "");

/** Another process takes the write lock; with `holdMs` it lets go by itself (this process may be blocked waiting). */
async function holdWriteLock(holdMs?: number) {
  const holder = runScript("tests/support/sqlite-lock-holder.ts", [sqliteFile(), ...(holdMs ? ["--hold-ms", String(holdMs)] : [])]);
  await holder.waitFor("LOCKED");
  return {
    holder,
    release: async () => {
      holder.child.stdin!.write("release\n");
      expect(await holder.exited).toEqual({ code: 0, signal: null });
    },
  };
}

/** Whether some connection holds the write lock now: a connection that will not wait is refused. */
function writeLockHeld(): boolean {
  const probe = new Database(sqliteFile(), { timeout: 0 });
  try {
    probe.exec("BEGIN IMMEDIATE");
    probe.exec("ROLLBACK");
    return false;
  } catch (error) {
    if (isSqliteBusy(error)) return true;
    throw error;
  } finally {
    probe.close();
  }
}

describe.runIf(provider === "sqlite")("SQLite only: another process holds the database's write lock", () => {
  it("the app's connection waits up to 5 s for a lock (busy_timeout)", async () => {
    await db.$connect();
    expect(Number(driverState.sqlite!.pragma("busy_timeout", { simple: true }))).toBe(5_000);
  });

  it("a heartbeat, an exam answer and a roster commit wait for the lock and are written when it is released", async () => {
    const user = await learner();
    const tab = randomUUID();
    let lock = await holdWriteLock(1_500);
    expect(writeLockHeld()).toBe(true);
    session.current = user;
    const response = await heartbeatsRoute(heartbeatRequest([beat(tab, 1)]), undefined);
    expect(response.status).toBe(200);
    expect((await response.json()).outcomes).toMatchObject([{ seq: 1, status: "credited" }]);
    expect(await lock.holder.exited).toEqual({ code: 0, signal: null });
    expect(await db.heartbeat.count({ where: { userId: user.id } })).toBe(1);

    const exam = await inExam();
    lock = await holdWriteLock(1_500);
    expect(writeLockHeld()).toBe(true);
    session.current = exam.user;
    expect(await saveAnswerAction(null, { attemptId: exam.attemptId, ...exam.answers[0]! })).toMatchObject({ ok: true });
    await lock.holder.exited;
    expect(await db.examAnswer.findMany({ where: { attemptId: exam.attemptId }, select: { questionId: true, chosen: true } })).toEqual([exam.answers[0]]);

    const staged = await stagedImport(0, 20);
    lock = await holdWriteLock(1_500);
    expect(writeLockHeld()).toBe(true);
    session.current = staged.admin;
    const committed = await commitRoute(...commitRequest(staged.importId));
    expect(committed.status).toBe(200);
    await lock.holder.exited;
    expect(await db.user.count({ where: { mobile: { in: staged.mobiles }, enterpriseId } })).toBe(20);
  }, 60_000);

  it("a transaction that reads before it writes waits too, instead of failing at once (BEGIN IMMEDIATE)", async () => {
    const user = await learner();
    const lock = await holdWriteLock(1_500);
    expect(writeLockHeld()).toBe(true);
    // SQLite cannot wait to turn a read into a write: begun DEFERRED, this would fail with SQLITE_BUSY at its update.
    await db.$transaction(async (tx) => {
      const row = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } });
      await tx.user.update({ where: { id: user.id }, data: { name: `${row.name}（已核对）` } });
    });
    await lock.holder.exited;
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("测试用户（已核对）");
  });

  it("held past the timeout: a heartbeat is answered 503 'try again', nothing is written, and sent again it is credited once", async () => {
    const user = await learner();
    const tab = randomUUID();
    session.current = user;
    const lock = await holdWriteLock();
    const refused = await heartbeatsRoute(heartbeatRequest([beat(tab, 1)]), undefined);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ error: "UNAVAILABLE", message: "errors.unavailable" });
    await lock.release();
    expect(await db.heartbeat.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.learningClock.count({ where: { userId: user.id } })).toBe(0);

    const again = await heartbeatsRoute(heartbeatRequest([beat(tab, 1)]), undefined);
    expect(again.status).toBe(200);
    expect((await again.json()).outcomes).toMatchObject([{ seq: 1, status: "credited", credited: 15 }]);
    expect(await db.heartbeat.count({ where: { userId: user.id } })).toBe(1);
  });

  it("held past the timeout: an answer save says 'busy, try again' (not the unexpected-error message), saves nothing, and the retry saves it", async () => {
    const exam = await inExam();
    session.current = exam.user;
    const lock = await holdWriteLock();
    const refused = await saveAnswerAction(null, { attemptId: exam.attemptId, ...exam.answers[1]! });
    expect(refused).toMatchObject({ ok: false, message: BUSY_MESSAGE });
    await lock.release();
    expect(await db.examAnswer.count({ where: { attemptId: exam.attemptId } })).toBe(0);

    expect(await saveAnswerAction(null, { attemptId: exam.attemptId, ...exam.answers[1]! })).toMatchObject({ ok: true });
    expect(await db.examAnswer.findMany({ where: { attemptId: exam.attemptId }, select: { questionId: true, chosen: true } })).toEqual([exam.answers[1]]);
  });

  it("held past the timeout: a roster commit is answered 503, writes no one and stays pending; committed again it writes every row once", async () => {
    const staged = await stagedImport(100, 50);
    session.current = staged.admin;
    const lock = await holdWriteLock();
    const refused = await commitRoute(...commitRequest(staged.importId));
    expect(refused.status).toBe(503);
    expect((await refused.json()).error).toBe("UNAVAILABLE");
    await lock.release();
    expect(await db.user.count({ where: { mobile: { in: staged.mobiles } } })).toBe(0);
    expect((await db.rosterImport.findUniqueOrThrow({ where: { id: staged.importId } })).status).toBe("PREVIEW");

    const done = await commitImport(staged.admin, staged.importId, "Initial-2026");
    expect(done.summary.create).toBe(50);
    const people = await db.user.findMany({ where: { mobile: { in: staged.mobiles } }, select: { mobile: true, enterpriseId: true } });
    expect(people).toHaveLength(50);
    expect(new Set(people.map((p) => p.mobile)).size).toBe(50);
    expect(people.every((p) => p.enterpriseId === enterpriseId)).toBe(true);
  }, 40_000);

  it("the driver-level error is typed: lib/errors maps it to UNAVAILABLE", async () => {
    const user = await learner();
    const lock = await holdWriteLock();
    const error = await recordHeartbeatBatch(user, [beat(randomUUID(), 1)]).catch((e: unknown) => e);
    await lock.release();
    expect(error).toMatchObject({ name: "DatabaseUnavailable", code: "P1008", notRun: true });
    expect(toAppError(error)).toMatchObject({ code: "UNAVAILABLE", message: "errors.unavailable" });
  });
});

describe("writers inside the app at once (both databases)", () => {
  it("60 heartbeats of 20 learners, 60 answer saves and a roster commit, all at once: every one succeeds, none is lost", async () => {
    const learners = await Promise.all(Array.from({ length: 20 }, () => learner()));
    const exam = await inExam();
    const staged = await stagedImport(200, 100);
    const tabs = learners.map(() => [randomUUID(), randomUUID(), randomUUID()]);
    const results = await Promise.allSettled([
      ...learners.flatMap((user, i) => tabs[i]!.map((tab) => recordHeartbeatBatch(user, [beat(tab, 1)]))),
      ...exam.answers.map((a) => saveAnswer(exam.user, { attemptId: exam.attemptId, ...a })),
      commitImport(staged.admin, staged.importId, "Initial-2026"),
    ]);
    const failures = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(failures).toEqual([]);
    expect(await db.heartbeat.count({ where: { userId: { in: learners.map((l) => l.id) } } })).toBe(60);
    expect(await db.examAnswer.count({ where: { attemptId: exam.attemptId } })).toBe(exam.answers.length);
    expect(await db.user.count({ where: { mobile: { in: staged.mobiles } } })).toBe(100);
  });
});
