// PostgreSQL dropping the app's connections (issue 9, item 3): a restart, a failover or an administrator
// ends every connection of the pool (here: pg_terminate_backend from an admin connection). The next
// operations — Prisma reads, writes and transactions, driver-level reads and transactions, a class-hour
// heartbeat — succeed on new connections, even the first one after the drop, which node-postgres would
// otherwise hand a connection it has not yet noticed is dead (lib/db/pg.ts). What was in flight at the
// moment of the drop either succeeds or fails with the typed "try again" error; a transaction cut off rolls
// back entirely; nothing crashes the process (vitest fails the run on an uncaught error).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { saveAnswer } from "@/features/exams/data";
import { recordHeartbeatBatch } from "@/features/learning/ledger";
import { db } from "@/lib/db";
import { driverRead, driverState, pgTransaction } from "@/lib/db/driver";
import { DatabaseUnavailable } from "@/lib/db/errors";
import { toAppError } from "@/lib/errors";
import { freshTeamLeader, loadDemo, studentInExam } from "./support";

const provider = inject("databaseProvider");
const COURSE = "jigong-bixiu";
const READING = "rumen-gongshang-baoxian";

let admin: pg.Client;

beforeAll(async () => {
  await loadDemo();
  if (provider !== "postgresql") return;
  admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
});

/** Ends every connection to the test database but the admin's own; returns how many. */
async function dropConnections(): Promise<number> {
  const { rows } = await admin.query<{ n: number }>(
    "select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()) t",
  );
  return rows[0]!.n;
}

/** Opens several connections in the pool (they stay idle in it), then ends them all. */
async function dropAfterWarmUp() {
  await Promise.all(Array.from({ length: 8 }, () => db.$queryRaw`select 1 as one from pg_sleep(0.05)`));
  expect(driverState.pool!.idleCount).toBeGreaterThan(1);
  expect(await dropConnections()).toBeGreaterThan(1);
}

const learner = freshTeamLeader;
const inExam = () => studentInExam(COURSE);

const beat = (tabId: string, seq: number) => ({ lessonId: READING, tabId, seq, watchedSeconds: 15, ageSeconds: 0, position: 0, visible: true, active: true });

/** The typed failure of an operation cut off by the drop: "try again" to the caller. */
function expectTryAgain(error: unknown) {
  expect(toAppError(error)).toMatchObject({ code: "UNAVAILABLE", message: "errors.unavailable" });
}

describe.runIf(provider === "postgresql")("PostgreSQL only: the server ends the app's connections", () => {
  it("the first Prisma read after the drop succeeds", async () => {
    const before = await db.user.count();
    await dropAfterWarmUp();
    expect(await db.user.count()).toBe(before);
  });

  it("the first Prisma write after the drop succeeds, once", async () => {
    const user = await learner();
    await dropAfterWarmUp();
    await db.user.update({ where: { id: user.id }, data: { name: "断线后写入" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("断线后写入");
  });

  it("the first Prisma transaction after the drop (an exam answer save) succeeds", async () => {
    const exam = await inExam();
    await dropAfterWarmUp();
    await saveAnswer(exam.user, { attemptId: exam.attemptId, ...exam.answers[0]! });
    expect(await db.examAnswer.findMany({ where: { attemptId: exam.attemptId }, select: { questionId: true, chosen: true } })).toEqual([exam.answers[0]]);
  });

  it("the first driver-level read and transaction (a heartbeat) after the drop succeed", async () => {
    await dropAfterWarmUp();
    expect(await driverRead(() => db.$connect(), { sqlite: "select 1 as one", postgres: "select 1 as one", name: "faults_one" }, [])).toEqual([{ one: 1 }]);
    const user = await learner();
    await dropAfterWarmUp();
    const { outcomes } = await recordHeartbeatBatch(user, [beat(randomUUID(), 1)]);
    expect(outcomes).toMatchObject([{ status: "credited", credited: 15 }]);
    expect(await db.heartbeat.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a Prisma transaction whose connection is ended half-way rolls back entirely and fails with 'try again'", async () => {
    const user = await learner();
    const error = await db
      .$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { name: "半途而废" } });
        await tx.learningClock.create({ data: { userId: user.id, creditedUntil: new Date() } });
        await dropConnections();
        await tx.user.count();
      })
      .catch((e: unknown) => e);
    expectTryAgain(error);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("测试用户");
    expect(await db.learningClock.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a driver-level transaction whose connection is ended half-way rolls back and fails typed, not crashing the process", async () => {
    const user = await learner();
    const error = await pgTransaction(async (client) => {
      await client.query(`INSERT INTO "LearningClock" ("userId", "creditedUntil") VALUES ($1, now())`, [user.id]);
      await dropConnections();
      // The connection's end arrives while it is checked out and idle: an 'error' event with no one
      // waiting on a query, which without a listener would end the process.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await client.query("select 1");
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailable);
    expectTryAgain(error);
    expect(await db.learningClock.count({ where: { userId: user.id } })).toBe(0);
  });

  it("reads in flight at the moment of the drop all succeed (run again on a new connection)", async () => {
    await dropAfterWarmUp();
    const expected = await db.user.count();
    const reads = Array.from({ length: 30 }, (_, i) => (i % 2 ? db.user.count() : db.$queryRaw<{ n: number }[]>`select count(*)::int as n from "User"`.then((r) => r[0]!.n)));
    await dropConnections();
    expect(await Promise.all(reads)).toEqual(Array.from({ length: 30 }, () => expected));
  });

  it("heartbeats in flight at the drop succeed or fail with 'try again'; sent again (as the page's queue does) each is credited exactly once", async () => {
    const learners = await Promise.all(Array.from({ length: 10 }, () => learner()));
    const tabs = learners.map(() => randomUUID());
    await dropAfterWarmUp();
    const first = Promise.allSettled(learners.map((u, i) => recordHeartbeatBatch(u, [beat(tabs[i]!, 1)])));
    await dropConnections();
    for (const r of await first) if (r.status === "rejected") expectTryAgain(r.reason);
    const again = await Promise.all(learners.map((u, i) => recordHeartbeatBatch(u, [beat(tabs[i]!, 1)])));
    expect(again.every((r) => r.outcomes[0]!.status === "credited" || r.outcomes[0]!.status === "duplicate")).toBe(true);
    const ids = learners.map((l) => l.id);
    expect(await db.heartbeat.count({ where: { userId: { in: ids } } })).toBe(10);
    const progress = await db.lessonProgress.findMany({ where: { userId: { in: ids }, lessonId: READING }, select: { creditedSeconds: true } });
    expect(progress.map((p) => p.creditedSeconds)).toEqual(Array.from({ length: 10 }, () => 15));
  });
});
