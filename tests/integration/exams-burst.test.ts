// A class sitting its exam at once (issue 8, item 3; bench/exam-burst.ts measures it over HTTP): many
// first starts together all succeed and spread over the bank (draw counts are counted in memory at once
// and written in batches, not incremented row by row inside every start), every count reaches the
// database, and a question archived after it was drawn is still shown and graded.
import { beforeAll, describe, expect, it } from "vitest";
import { drawCountsWritten, forgetExamSources } from "@/features/exams/bank";
import { attemptView, startAttempt, submitAttempt, saveAnswer } from "@/features/exams/data";
import { keyOf, type PaperItem } from "@/features/exams/rules";
import { db } from "@/lib/db";
import { createAccount, loadDemo, sessionOf } from "./support";

const COURSE = "jigong-bixiu";
const LEARNERS = 24;

async function student() {
  const account = await createAccount({ password: "Student-2026" });
  const school = await db.school.findFirstOrThrow();
  await db.user.update({ where: { id: account.id }, data: { schoolId: school.id } });
  const lessons = await db.lesson.findMany({ where: { courseId: COURSE, archivedAt: null } });
  const seconds = (l: (typeof lessons)[number]) => l.minReadingSeconds ?? l.durationSeconds ?? 0;
  await db.lessonProgress.createMany({ data: lessons.map((l) => ({ userId: account.id, lessonId: l.id, courseId: COURSE, creditedSeconds: seconds(l), completedAt: new Date() })) });
  await db.courseCompletion.create({ data: { userId: account.id, courseId: COURSE, creditedSeconds: lessons.reduce((s, l) => s + seconds(l), 0) } });
  return sessionOf(account.mobile);
}

beforeAll(async () => {
  await loadDemo();
});

describe("exam bursts", () => {
  it("many first starts at once all succeed, spread evenly over the bank, and every draw is counted", async () => {
    const bank = await db.question.findMany({ where: { courseId: COURSE, pool: "EXAM", archivedAt: null }, select: { id: true, type: true, lessonId: true } });
    // No counts yet: the first draws of every question create their rows (concurrently, on PostgreSQL
    // the old per-start insert of missing rows failed all but one start with a unique violation).
    await db.questionUse.deleteMany({ where: { questionId: { in: bank.map((q) => q.id) } } });
    forgetExamSources();
    const learners = await Promise.all(Array.from({ length: LEARNERS }, () => student()));
    const started = await Promise.all(learners.map((u) => startAttempt(u, COURSE)));
    expect(new Set(started.map((s) => s.attemptId)).size).toBe(LEARNERS);
    const papers = await db.examAttempt.findMany({ where: { id: { in: started.map((s) => s.attemptId) } }, select: { paper: true } });
    for (const p of papers) expect(p.paper as PaperItem[]).toHaveLength(60);
    await drawCountsWritten();
    const uses = new Map((await db.questionUse.findMany({ where: { questionId: { in: bank.map((q) => q.id) } } })).map((u) => [u.questionId, u.drawn]));
    // Every draw reached the database, once.
    expect([...uses.values()].reduce((a, b) => a + b, 0)).toBe(LEARNERS * 60);
    // Least-used first holds across concurrent starts: within each part of the bank a paper draws from
    // (a section's lessons and a question type), no question was drawn more than once above another.
    const parts = new Map<string, number[]>();
    for (const q of bank) {
      const part = `${q.lessonId?.split("-").slice(0, 2).join("-")}:${q.type}`;
      (parts.get(part) ?? parts.set(part, []).get(part)!).push(uses.get(q.id) ?? 0);
    }
    const sections = [["jg-u01", "jg-u02"], ["jg-u03", "jg-u04", "jg-u05", "jg-u06"], ["jg-u07", "jg-u08"], ["jg-u09", "jg-u10"]];
    for (const section of sections) {
      for (const type of ["SINGLE", "MULTIPLE", "TRUE_FALSE"]) {
        const counts = section.flatMap((u) => parts.get(`${u}:${type}`) ?? []);
        expect(counts.length).toBeGreaterThan(0);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }
    }
  });

  it("a question archived after the draw is still shown on the paper and graded", async () => {
    const user = await student();
    const { attemptId } = await startAttempt(user, COURSE);
    const paper = (await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } })).paper as PaperItem[];
    const item = paper[0]!;
    const question = await db.question.findUniqueOrThrow({ where: { id: item.questionId } });
    await saveAnswer(user, { attemptId, questionId: item.questionId, chosen: keyOf(question.answer) });
    await db.question.update({ where: { id: item.questionId }, data: { archivedAt: new Date() } });
    forgetExamSources();
    try {
      const view = await attemptView(user, attemptId);
      expect(view.questions[0]).toMatchObject({ id: item.questionId, stem: question.stem });
      const result = await submitAttempt(user, attemptId);
      expect(result.score).toBe(item.points);
      expect(await db.examAnswer.findUniqueOrThrow({ where: { attemptId_questionId: { attemptId, questionId: item.questionId } } })).toMatchObject({ correct: true });
    } finally {
      await db.question.update({ where: { id: item.questionId }, data: { archivedAt: null } });
      forgetExamSources();
    }
  });
});
