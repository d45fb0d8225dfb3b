// The class-hour ledger against a real database: heartbeats credited once, replays and double sends
// recognised, two tabs at once never credited twice, scope enforced, check points graded on the server.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { answerCheckpoint, courseProgress, recordHeartbeatBatch, recordHeartbeats, type HeartbeatInput } from "@/features/learning/ledger";
import { db } from "@/lib/db";
import { createAccount, loadDemo, sessionOf } from "./support";

const READING = "rumen-gongshang-baoxian";
const VIDEO = "rumen-anquanmao-shipin";
const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);
const at = (seconds: number) => () => new Date(T0 + seconds * 1000);

/** A fresh team leader of the demo enterprise: the intro course is assigned to them. */
async function learner() {
  const account = await createAccount({ password: "Learner-2026" });
  const vt = await db.enterprise.findFirstOrThrow({ where: { regionCode: "510411" } });
  await db.user.update({ where: { id: account.id }, data: { enterpriseId: vt.id, positionCode: "TEAM_LEADER" } });
  return sessionOf(account.mobile);
}

const beat = (b: Partial<HeartbeatInput> & { tabId: string; seq: number }): HeartbeatInput => ({
  lessonId: READING,
  watchedSeconds: 15,
  ageSeconds: 0,
  position: 0,
  visible: true,
  active: true,
  ...b,
});

const credited = async (userId: string, lessonId = READING) =>
  (await db.lessonProgress.findUnique({ where: { userId_lessonId: { userId, lessonId } } }))?.creditedSeconds ?? 0;

beforeAll(async () => {
  await loadDemo();
});

describe("heartbeats", () => {
  it("credits a steady learner and keeps every heartbeat", async () => {
    const user = await learner();
    const tab = randomUUID();
    for (let i = 1; i <= 4; i++) await recordHeartbeats(user, [beat({ tabId: tab, seq: i })], at(i * 15));
    expect(await credited(user.id)).toBe(60);
    expect(await db.heartbeat.count({ where: { userId: user.id } })).toBe(4);
  });

  it("a replayed heartbeat is a duplicate and credits nothing", async () => {
    const user = await learner();
    const tab = randomUUID();
    const first = await recordHeartbeats(user, [beat({ tabId: tab, seq: 1 })], at(15));
    const again = await recordHeartbeats(user, [beat({ tabId: tab, seq: 1 })], at(30));
    expect(first[0]).toMatchObject({ status: "credited", credited: 15 });
    expect(again[0]).toMatchObject({ status: "duplicate", credited: 0 });
    expect(await credited(user.id)).toBe(15);
  });

  it("the offline queue replayed on reconnect credits every queued second once", async () => {
    const user = await learner();
    const tab = randomUUID();
    await recordHeartbeats(user, [beat({ tabId: tab, seq: 1 })], at(15));
    // Offline from 15 s to 75 s: four heartbeats queued, all sent at 80 s with their ages.
    const queue = [2, 3, 4, 5].map((seq) => beat({ tabId: tab, seq, ageSeconds: 80 - seq * 15 }));
    await recordHeartbeats(user, queue, at(80));
    expect(await credited(user.id)).toBe(75);
    // The page also sent the same queue by sendBeacon: nothing doubles.
    const again = await recordHeartbeats(user, queue, at(81));
    expect(again.every((o) => o.status === "duplicate")).toBe(true);
    expect(await credited(user.id)).toBe(75);
  });

  it("two tabs sending at the same moment are credited for one", async () => {
    const user = await learner();
    const [a, b] = [randomUUID(), randomUUID()];
    await recordHeartbeats(user, [beat({ tabId: a, seq: 0, watchedSeconds: 0 })], at(0));
    await Promise.all([recordHeartbeats(user, [beat({ tabId: a, seq: 1 })], at(15)), recordHeartbeats(user, [beat({ tabId: b, seq: 1 })], at(15))]);
    expect(await credited(user.id)).toBe(15);
  });

  it("a double send of one heartbeat, concurrently, is recorded once", async () => {
    const user = await learner();
    const tab = randomUUID();
    const results = await Promise.allSettled([recordHeartbeats(user, [beat({ tabId: tab, seq: 7 })], at(15)), recordHeartbeats(user, [beat({ tabId: tab, seq: 7 })], at(15))]);
    expect(await db.heartbeat.count({ where: { userId: user.id, tabId: tab, seq: 7 } })).toBe(1);
    expect(await credited(user.id)).toBe(15);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
  });

  it("refuses a lesson of a course not assigned to the learner", async () => {
    const account = await createAccount({ password: "Learner-2026" }); // no enterprise, no position: nothing assigned
    const user = await sessionOf(account.mobile);
    await expect(recordHeartbeats(user, [beat({ tabId: randomUUID(), seq: 1 })])).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.heartbeat.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a lesson that does not exist", async () => {
    const user = await learner();
    await expect(recordHeartbeats(user, [beat({ tabId: randomUUID(), seq: 1, lessonId: "no-such-lesson" })])).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the heartbeat path at the driver (issue 8)", () => {
  it("writes rows exactly as Prisma reads them: times, figures and the batch's totals", async () => {
    const user = await learner();
    const tab = randomUUID();
    const { outcomes, lessons } = await recordHeartbeatBatch(user, [beat({ tabId: tab, seq: 1 }), beat({ tabId: tab, seq: 2, ageSeconds: 0 })], at(15));
    expect(outcomes.map((o) => o.status)).toEqual(["credited", "credited"]);
    // Both beats arrived at 15 s by the injected clock: the second finds the clock already there.
    expect(outcomes.map((o) => o.credited)).toEqual([15, 0]);
    const clock = await db.learningClock.findUniqueOrThrow({ where: { userId: user.id } });
    expect(clock.creditedUntil.getTime()).toBe(T0 + 15_000);
    const beats = await db.heartbeat.findMany({ where: { userId: user.id }, orderBy: { seq: "asc" } });
    expect(beats.map((b) => [b.seq, b.claimedSeconds, b.creditedSeconds, b.receivedAt.getTime()])).toEqual([
      [1, 15, 15, T0 + 15_000],
      [2, 15, 0, T0 + 15_000],
    ]);
    expect(beats[1]!.notes).toContain("wallClock");
    const progress = await db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: { userId: user.id, lessonId: READING } } });
    expect(progress).toMatchObject({ creditedSeconds: 15, courseId: "gongshang-yufang-rumen", completedAt: null, checkpointsPassed: [] });
    expect(progress.updatedAt.getTime()).toBe(T0 + 15_000);
    expect(lessons[READING]).toEqual({ creditedSeconds: 15, furthestSeconds: progress.furthestSeconds, completed: false });
  });

  it("waits for a Prisma transaction in progress instead of writing inside it or failing", async () => {
    const user = await learner();
    const tab = randomUUID();
    await recordHeartbeats(user, [beat({ tabId: tab, seq: 0, watchedSeconds: 0 })], at(0));
    let heartbeatDone = false;
    let sawHeartbeatInside = true;
    const held = db.$transaction(async (tx) => {
      await tx.learningClock.update({ where: { userId: user.id }, data: { creditedUntil: new Date(T0) } });
      await new Promise((r) => setTimeout(r, 300));
      sawHeartbeatInside = heartbeatDone;
    });
    await new Promise((r) => setTimeout(r, 50));
    const sent = recordHeartbeats(user, [beat({ tabId: tab, seq: 1 })], at(15)).then((o) => {
      heartbeatDone = true;
      return o;
    });
    const [, outcomes] = await Promise.all([held, sent]);
    expect(sawHeartbeatInside).toBe(false);
    expect(outcomes[0]).toMatchObject({ status: "credited", credited: 15 });
    expect(await credited(user.id)).toBe(15);
  });
});

describe("video lessons", () => {
  it("a seek past the furthest point credits nothing and does not move it", async () => {
    const user = await learner();
    const tab = randomUUID();
    await recordHeartbeats(user, [beat({ tabId: tab, seq: 1, lessonId: VIDEO, position: 15 })], at(15));
    const [skip] = await recordHeartbeats(user, [beat({ tabId: tab, seq: 2, lessonId: VIDEO, position: 55 })], at(30));
    expect(skip!.notes).toContain("seekAhead");
    const progress = await db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: { userId: user.id, lessonId: VIDEO } } });
    expect(progress.furthestSeconds).toBe(15);
    expect(progress.creditedSeconds).toBe(15);
  });

  it("stops at the check question until it is answered right; the key never leaves the server", async () => {
    const user = await learner();
    const tab = randomUUID();
    const lesson = await db.lesson.findUniqueOrThrow({ where: { id: VIDEO } });
    const cp = (lesson.checkpoints as { id: string; atSeconds: number }[])[0]!;
    let seq = 0;
    for (let t = 15; t <= 45; t += 15) await recordHeartbeats(user, [beat({ tabId: tab, seq: ++seq, lessonId: VIDEO, position: t })], at(t));
    let progress = await db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: { userId: user.id, lessonId: VIDEO } } });
    expect(progress.furthestSeconds).toBe(cp.atSeconds);

    expect(await answerCheckpoint(user, { lessonId: VIDEO, checkpointId: cp.id, chosen: ["A"] })).toEqual({ correct: false });
    const right = await answerCheckpoint(user, { lessonId: VIDEO, checkpointId: cp.id, chosen: ["C"] });
    expect(right.correct).toBe(true);
    for (let t = 55; t <= 60; t += 5) await recordHeartbeats(user, [beat({ tabId: tab, seq: ++seq, lessonId: VIDEO, position: t, watchedSeconds: t === 55 ? 15 : 5 })], at(t + 15));
    progress = await db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: { userId: user.id, lessonId: VIDEO } } });
    expect(progress.furthestSeconds).toBe(60);
    expect(progress.completedAt).not.toBeNull();
  });
});

describe("course completion", () => {
  it("completes when every lesson meets its rule and the hours are reached", async () => {
    const user = await learner();
    const course = await db.course.findUniqueOrThrow({ where: { id: "gongshang-yufang-rumen" }, include: { lessons: true } });
    // Stand in for hours of learning already credited on the reading lessons.
    for (const l of course.lessons.filter((x) => x.kind === "READING")) {
      await db.lessonProgress.create({ data: { userId: user.id, lessonId: l.id, courseId: course.id, creditedSeconds: l.minReadingSeconds!, completedAt: new Date() } });
    }
    expect((await courseProgress(user.id, course)).completedAt).toBeNull();
    const video = course.lessons.find((x) => x.kind === "VIDEO")!;
    const cp = (video.checkpoints as { id: string }[])[0]!;
    await answerCheckpoint(user, { lessonId: video.id, checkpointId: cp.id, chosen: ["C"] });
    const tab = randomUUID();
    let seq = 0;
    for (let t = 15; t <= 60; t += 15) await recordHeartbeats(user, [beat({ tabId: tab, seq: ++seq, lessonId: video.id, position: t })], at(t));
    const progress = await courseProgress(user.id, course);
    expect(progress.hoursDone).toBeGreaterThanOrEqual(course.classHours);
    expect(progress.completedAt).not.toBeNull();
  });
});
