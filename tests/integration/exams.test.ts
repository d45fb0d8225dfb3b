// The exam against a real database: locked until the hours are done, papers drawn on the server and
// stored, autosave against the server's deadline, grading exactly once under 200 concurrent submits,
// one retake, overdue attempts graded on what was saved in time, certificates issued and verified.
import { beforeAll, describe, expect, it } from "vitest";
import { revokeCertificate, verifyCertificate } from "@/features/certificates/data";
import { attemptView, examOverview, gradeAttempt, recordFocusEvents, saveAnswer, startAttempt, submitAttempt } from "@/features/exams/data";
import { keyOf, type Choice, type PaperItem } from "@/features/exams/rules";
import { db } from "@/lib/db";
import { createAccount, loadDemo, sessionOf } from "./support";

const COURSE = "jigong-bixiu";
const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);
const at = (seconds: number) => new Date(T0 + seconds * 1000);

/** A fresh technical-school student (the required course is assigned to every student). */
async function student() {
  const account = await createAccount({ password: "Student-2026" });
  const school = await db.school.findFirstOrThrow();
  await db.user.update({ where: { id: account.id }, data: { schoolId: school.id, name: "欧阳小明" } });
  return sessionOf(account.mobile);
}

/** Records the course's hours as done and the course complete (what the ledger would have written). */
async function finishLessons(userId: string, courseId = COURSE) {
  const lessons = await db.lesson.findMany({ where: { courseId, archivedAt: null } });
  for (const l of lessons) {
    const seconds = l.durationSeconds && l.kind === "VIDEO" ? l.durationSeconds : (l.minReadingSeconds ?? 0);
    await db.lessonProgress.create({ data: { userId, lessonId: l.id, courseId, creditedSeconds: seconds, completedAt: at(0) } });
  }
  const total = lessons.reduce((s, l) => s + (l.minReadingSeconds ?? l.durationSeconds ?? 0), 0);
  await db.courseCompletion.create({ data: { userId, courseId, completedAt: at(0), creditedSeconds: total } });
}

async function paperOf(attemptId: string) {
  const attempt = await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  return attempt.paper as PaperItem[];
}

/** Answers every question of the attempt: right ones first, then `wrong` of them wrong. */
async function answerAll(user: Awaited<ReturnType<typeof student>>, attemptId: string, wrong: number, when: Date) {
  const paper = await paperOf(attemptId);
  const keys = new Map((await db.question.findMany({ where: { id: { in: paper.map((p) => p.questionId) } } })).map((q) => [q.id, keyOf(q.answer)]));
  for (const [i, item] of paper.entries()) {
    const key = keys.get(item.questionId)!;
    let chosen: Choice = key;
    if (i < wrong) chosen = item.type === "true_false" ? [key[0] === "T" ? "F" : "T"] : [item.options.find((o) => !key.includes(o))!];
    await saveAnswer(user, { attemptId, questionId: item.questionId, chosen }, when);
  }
  return paper;
}

beforeAll(async () => {
  await loadDemo();
});

describe("the exam", () => {
  it("stays locked until the required hours are done", async () => {
    const user = await student();
    const overview = await examOverview(user, COURSE, at(0));
    expect(overview.lock).toBe("hours");
    await expect(startAttempt(user, COURSE, at(0))).rejects.toMatchObject({ code: "CONFLICT", message: "exam.locked.hours" });
  });

  it("draws the paper on the server as the exam defines it and resumes it on a second start", async () => {
    const user = await student();
    await finishLessons(user.id);
    const { attemptId } = await startAttempt(user, COURSE, at(0));
    const again = await startAttempt(user, COURSE, at(5));
    expect(again.attemptId).toBe(attemptId);
    const paper = await paperOf(attemptId);
    expect(paper).toHaveLength(60);
    expect(new Set(paper.map((p) => p.questionId)).size).toBe(60);
    expect(paper.filter((p) => p.type === "single")).toHaveLength(30);
    expect(paper.filter((p) => p.type === "multiple")).toHaveLength(10);
    expect(paper.filter((p) => p.type === "true_false")).toHaveLength(20);
    expect(paper.reduce((s, p) => s + p.points, 0)).toBe(100);
    const attempt = await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.deadline.getTime() - attempt.startedAt.getTime()).toBe(60 * 60_000);
  });

  it("the attempt view carries no key and no explanation while the attempt is open", async () => {
    const user = await student();
    await finishLessons(user.id);
    const { attemptId } = await startAttempt(user, COURSE, at(0));
    const view = await attemptView(user, attemptId, at(10));
    const json = JSON.stringify(view);
    expect(view.questions).toHaveLength(60);
    for (const q of view.questions) expect(Object.keys(q).sort()).toEqual(["chosen", "id", "index", "options", "points", "stem", "type"]);
    expect(json).not.toMatch(/"explanation"|"answer"|"basis"|"correct"/);
    const keys = await db.question.findMany({ where: { id: { in: view.questions.map((q) => q.id) } }, select: { explanation: true } });
    for (const k of keys) expect(json).not.toContain(k.explanation);
  });

  it("passes with 80 points or more, issues a certificate and shows the review afterwards", async () => {
    const user = await student();
    await finishLessons(user.id);
    const { attemptId } = await startAttempt(user, COURSE, at(0));
    await answerAll(user, attemptId, 0, at(60));
    const result = await submitAttempt(user, attemptId, at(120));
    expect(result).toMatchObject({ score: 100, passed: true, submittedBy: "LEARNER" });
    const cert = await db.certificate.findFirstOrThrow({ where: { userId: user.id, courseId: COURSE } });
    expect(cert).toMatchObject({ attemptId, classHours: 10, score: 100, holderName: "欧阳小明", expiresAt: null });
    const verified = await verifyCertificate(cert.code.toLowerCase().replace(/-/g, ""), at(200));
    expect(verified).toMatchObject({ holder: "欧**明", classHours: 10, status: "valid", courseTitle: expect.stringContaining("技工院校") });
    const view = await attemptView(user, attemptId, at(130));
    expect(view.review).toBe(true);
    expect(view.questions[0]).toMatchObject({ correct: true, explanation: expect.any(String), key: expect.any(Array) });
    const overview = await examOverview(user, COURSE, at(140));
    expect(overview.lock).toBe("passed");
    expect(overview.certificate?.code).toBe(cert.code);
  });

  it("fails below 80, allows one retake, then no more", async () => {
    const user = await student();
    await finishLessons(user.id);
    const first = await startAttempt(user, COURSE, at(0));
    // 11 wrong: at least 11 points lost (1 or 2 points each) → at most 89; make sure of a fail with 25 wrong.
    await answerAll(user, first.attemptId, 25, at(30));
    const failed = await submitAttempt(user, first.attemptId, at(60));
    expect(failed.passed).toBe(false);
    expect(failed.score).toBeLessThan(80);
    expect(await db.certificate.count({ where: { userId: user.id } })).toBe(0);
    const retake = await startAttempt(user, COURSE, at(100));
    expect(retake.attemptId).not.toBe(first.attemptId);
    await answerAll(user, retake.attemptId, 30, at(130));
    expect((await submitAttempt(user, retake.attemptId, at(160))).passed).toBe(false);
    await expect(startAttempt(user, COURSE, at(200))).rejects.toMatchObject({ message: "exam.locked.attemptsUsed" });
  });

  it("200 concurrent submits of one attempt grade it exactly once", async () => {
    const user = await student();
    await finishLessons(user.id);
    const { attemptId } = await startAttempt(user, COURSE, at(0));
    await answerAll(user, attemptId, 3, at(30));
    const results = await Promise.all(Array.from({ length: 200 }, () => submitAttempt(user, attemptId, at(60))));
    const graders = await Promise.all(Array.from({ length: 20 }, () => gradeAttempt(attemptId, "LEARNER", at(61))));
    expect(graders.every((g) => g === false)).toBe(true);
    expect(new Set(results.map((r) => r.score)).size).toBe(1);
    const attempt = await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.status).toBe("SUBMITTED");
    expect(attempt.submittedAt?.getTime()).toBe(at(60).getTime());
    expect(await db.certificate.count({ where: { userId: user.id, courseId: COURSE } })).toBe(attempt.passed ? 1 : 0);
  });

  it("refuses answers after the deadline and grades the attempt on what was saved in time", async () => {
    const user = await student();
    await finishLessons(user.id);
    const { attemptId } = await startAttempt(user, COURSE, at(0));
    const paper = await paperOf(attemptId);
    const key = keyOf((await db.question.findUniqueOrThrow({ where: { id: paper[0]!.questionId } })).answer);
    await saveAnswer(user, { attemptId, questionId: paper[0]!.questionId, chosen: key }, at(60));
    const late = paper[1]!;
    const lateKey = keyOf((await db.question.findUniqueOrThrow({ where: { id: late.questionId } })).answer);
    await expect(saveAnswer(user, { attemptId, questionId: late.questionId, chosen: lateKey }, at(3601))).rejects.toMatchObject({ message: "exam.timeUp" });
    const attempt = await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt).toMatchObject({ status: "SUBMITTED", submittedBy: "DEADLINE", score: paper[0]!.points, passed: false });
    expect(await db.examAnswer.count({ where: { attemptId } })).toBe(1);
  });

  it("rejects a choice that is not one of the question's options and another learner's attempt", async () => {
    const user = await student();
    await finishLessons(user.id);
    const { attemptId } = await startAttempt(user, COURSE, at(0));
    const item = (await paperOf(attemptId)).find((p) => p.type === "single")!;
    await expect(saveAnswer(user, { attemptId, questionId: item.questionId, chosen: ["Z"] }, at(10))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(saveAnswer(user, { attemptId, questionId: item.questionId, chosen: item.options.slice(0, 2) }, at(10))).rejects.toMatchObject({ code: "VALIDATION" });
    const other = await student();
    await expect(saveAnswer(other, { attemptId, questionId: item.questionId, chosen: [item.options[0]!] }, at(10))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(attemptView(other, attemptId, at(10))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps the last saved answer per question (autosave overwrites, never duplicates)", async () => {
    const user = await student();
    await finishLessons(user.id);
    const { attemptId } = await startAttempt(user, COURSE, at(0));
    const item = (await paperOf(attemptId)).find((p) => p.type === "multiple")!;
    await saveAnswer(user, { attemptId, questionId: item.questionId, chosen: [item.options[0]!] }, at(10));
    await Promise.all([1, 2, 3].map((i) => saveAnswer(user, { attemptId, questionId: item.questionId, chosen: item.options.slice(0, 2) }, at(10 + i))));
    const rows = await db.examAnswer.findMany({ where: { attemptId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.chosen).toEqual(item.options.slice(0, 2));
    const view = await attemptView(user, attemptId, at(20));
    expect(view.questions.find((q) => q.id === item.questionId)?.chosen).toEqual(item.options.slice(0, 2));
  });

  it("stores focus-loss events of an open attempt", async () => {
    const user = await student();
    await finishLessons(user.id);
    const { attemptId } = await startAttempt(user, COURSE, at(0));
    await recordFocusEvents(user, attemptId, [{ kind: "hidden", at: at(20) }, { kind: "blur", at: at(21) }]);
    expect(await db.examFocusEvent.count({ where: { attemptId } })).toBe(2);
  });

  it("the three-categories course gives each category its own paper", async () => {
    const tl = await sessionOf("13800000014"); // chemical plant team leader
    await finishLessons(tl.id, "weihua-sanlei");
    const { attemptId } = await startAttempt(tl, "weihua-sanlei", at(0));
    const paper = await paperOf(attemptId);
    expect(paper).toHaveLength(53);
    const lessons = new Map((await db.question.findMany({ where: { id: { in: paper.map((p) => p.questionId) } }, select: { id: true, lesson: { select: { positions: true } } } })).map((q) => [q.id, (q.lesson?.positions as string[]) ?? []]));
    const onModule = paper.filter((p) => (lessons.get(p.questionId) ?? []).length > 0);
    expect(onModule).toHaveLength(15);
    for (const p of onModule) expect(lessons.get(p.questionId)).toContain("TEAM_LEADER");
  });

  it("a three-year certificate opens re-certification 90 days before it expires: a new cycle of attempts", async () => {
    const tl = await sessionOf("13800000015"); // chemical plant's full-time safety manager
    await finishLessons(tl.id, "weihua-sanlei");
    const first = await startAttempt(tl, "weihua-sanlei", at(0));
    await answerAll(tl, first.attemptId, 0, at(60));
    await submitAttempt(tl, first.attemptId, at(120));
    const cert = await db.certificate.findFirstOrThrow({ where: { userId: tl.id, courseId: "weihua-sanlei" } });
    expect(cert.expiresAt?.toISOString()).toBe(new Date(Date.UTC(2029, 10, 23, 2, 2, 0)).toISOString());
    const day = 86_400;
    // A year on: passed, nothing to take.
    expect((await examOverview(tl, "weihua-sanlei", at(365 * day))).lock).toBe("passed");
    // 89 days before expiry: a new cycle; the exam opens again (the hours stay done).
    const renewAt = (cert.expiresAt!.getTime() - T0) / 1000 - 89 * day;
    const renewal = await examOverview(tl, "weihua-sanlei", at(renewAt));
    expect(renewal).toMatchObject({ cycle: 1, lock: null, attempts: [] });
    const second = await startAttempt(tl, "weihua-sanlei", at(renewAt));
    await answerAll(tl, second.attemptId, 0, at(renewAt + 60));
    await submitAttempt(tl, second.attemptId, at(renewAt + 120));
    const certs = await db.certificate.findMany({ where: { userId: tl.id, courseId: "weihua-sanlei" }, orderBy: { cycle: "asc" } });
    expect(certs.map((c) => c.cycle)).toEqual([0, 1]);
    expect(certs[1]!.expiresAt!.getTime()).toBeGreaterThan(certs[0]!.expiresAt!.getTime());
  });

  it("an administrator revokes a certificate: the verify page says so, with the reason; others may not", async () => {
    const user = await student();
    await finishLessons(user.id);
    const { attemptId } = await startAttempt(user, COURSE, at(0));
    await answerAll(user, attemptId, 0, at(30));
    await submitAttempt(user, attemptId, at(60));
    const cert = await db.certificate.findFirstOrThrow({ where: { userId: user.id } });
    await expect(revokeCertificate(user, { code: cert.code, reason: "代考" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeCertificate(await sessionOf("13800000001"), { code: cert.code, reason: "代考" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await sessionOf("13800000000");
    await revokeCertificate(admin, { code: cert.code, reason: "经核查系他人代考" }, at(100));
    await revokeCertificate(admin, { code: cert.code, reason: "second time" }, at(200));
    expect(await verifyCertificate(cert.code, at(300))).toMatchObject({ status: "revoked", revokedReason: "经核查系他人代考" });
    await expect(revokeCertificate(admin, { code: "0000-0000-0000-0000", reason: "不存在" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

