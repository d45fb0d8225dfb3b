// 一人一档 against a real database: what a learner's record holds after a passed exam, who may see it
// (the learner, their enterprise's admin, regulators of the enterprise's region, administrators), and
// its xlsx and PDF exports parsed back.
import ExcelJS from "exceljs";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { recordFocusEvents, saveAnswer, startAttempt, submitAttempt } from "@/features/exams/data";
import { keyOf, type PaperItem } from "@/features/exams/rules";
import { enterpriseRecord, learnerRecord } from "@/features/records/data";
import { enterpriseRecordXlsx, recordPdf, recordXlsx } from "@/features/records/export";
import { db } from "@/lib/db";
import { loadDemo, sessionOf } from "./support";

const COURSE = "lj-panxi-fantai";
const T0 = Date.UTC(2026, 10, 23, 3, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000);

let learnerId = "";

beforeAll(async () => {
  await loadDemo();
  // The smelter's team leader completes the customised course and passes its exam.
  const learner = await sessionOf("13800000006");
  learnerId = learner.id;
  const lessons = await db.lesson.findMany({ where: { courseId: COURSE, archivedAt: null } });
  for (const l of lessons)
    await db.lessonProgress.upsert({
      where: { userId_lessonId: { userId: learner.id, lessonId: l.id } },
      create: { userId: learner.id, lessonId: l.id, courseId: COURSE, creditedSeconds: l.minReadingSeconds ?? l.durationSeconds ?? 0, completedAt: at(0) },
      update: {},
    });
  await db.courseCompletion.upsert({ where: { userId_courseId: { userId: learner.id, courseId: COURSE } }, create: { userId: learner.id, courseId: COURSE, completedAt: at(0), creditedSeconds: 3600 }, update: {} });
  const { attemptId } = await startAttempt(learner, COURSE, at(10));
  const paper = (await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } })).paper as PaperItem[];
  for (const item of paper) {
    const q = await db.question.findUniqueOrThrow({ where: { id: item.questionId } });
    await saveAnswer(learner, { attemptId, questionId: item.questionId, chosen: keyOf(q.answer) }, at(20));
  }
  await recordFocusEvents(learner, attemptId, [{ kind: "hidden", at: at(30) }]);
  expect((await submitAttempt(learner, attemptId, at(40))).passed).toBe(true);
});

describe("the learner's record", () => {
  it("holds the course's hours, the attempt and the certificate; the learner does not see focus loss", async () => {
    const learner = await sessionOf("13800000006");
    const record = await learnerRecord(learner, learner.id, at(100));
    expect(record.person).toMatchObject({ name: "张班长", mobile: "138****0006", position: expect.any(String) });
    const course = record.courses.find((c) => c.id === COURSE)!;
    expect(course).toMatchObject({ hoursRequired: 2, completedAt: at(0) });
    // Four lessons of 15 + 20 + 20 + 15 minutes at 30 minutes a class hour.
    expect(course.hoursDone).toBe(2.33);
    expect(course.attempts).toHaveLength(1);
    expect(course.attempts[0]).toMatchObject({ number: 1, score: 100, passed: true, focusLoss: null });
    expect(course.certificates).toEqual([expect.objectContaining({ status: "valid", classHours: 2, score: 100 })]);
  });

  it("the enterprise's admin and the city regulator see it with focus loss; another county and another enterprise do not", async () => {
    const admin = await sessionOf("13800000003");
    const record = await learnerRecord(admin, learnerId, at(100));
    expect(record.courses.find((c) => c.id === COURSE)!.attempts[0]!.focusLoss).toBe(1);
    await expect(learnerRecord(await sessionOf("13800000001"), learnerId)).resolves.toMatchObject({ person: { name: "张班长" } });
    await expect(learnerRecord(await sessionOf("13800000002"), learnerId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const chemLearner = await db.user.findUniqueOrThrow({ where: { mobile: "13800000014" } });
    await expect(learnerRecord(admin, chemLearner.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(learnerRecord(await sessionOf("13800000014"), learnerId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("exports an xlsx that reads back with the hours, the score and the certificate", async () => {
    const record = await learnerRecord(await sessionOf("13800000003"), learnerId, at(100));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await recordXlsx(record)).buffer);
    const courses = book.getWorksheet("课程与学时")!;
    const row = courses.getRows(2, courses.rowCount - 1)!.find((r) => String(r.getCell(1).value).includes("攀西钒钛"))!;
    expect(row.getCell(2).value).toBe(2);
    expect(row.getCell(3).value).toBe(2.33);
    expect(row.getCell(5).value).toBe(100);
    const code = record.courses.find((c) => c.id === COURSE)!.certificates[0]!.code;
    expect(row.getCell(6).value).toBe(code);
    const exams = book.getWorksheet("考试记录")!;
    expect(exams.getRow(1).values).toContain("切屏次数");
    expect(exams.getRow(2).getCell(5).value).toBe("100 分 · 合格");
    expect(book.getWorksheet("证书")!.getRow(2).getCell(2).value).toBe(code);
  });

  it("exports a PDF that reads back with the name and the hours", async () => {
    const record = await learnerRecord(await sessionOf("13800000006"), learnerId, at(100));
    const parser = new PDFParse({ data: new Uint8Array(await recordPdf(record)) });
    const text = (await parser.getText()).text.replace(/\s+/g, "");
    await parser.destroy();
    expect(text).toContain("张班长");
    expect(text).toContain("已完成2.33学时/要求2学时");
    expect(text).toContain("100分·合格");
  });
});

describe("an abandoned attempt", () => {
  it("is graded at its deadline wherever it is read, so the admin sees a grade, not 'in progress'", async () => {
    const executive = await sessionOf("13800000010");
    const lessons = await db.lesson.findMany({ where: { courseId: COURSE, archivedAt: null } });
    for (const l of lessons)
      await db.lessonProgress.create({ data: { userId: executive.id, lessonId: l.id, courseId: COURSE, creditedSeconds: l.minReadingSeconds ?? l.durationSeconds ?? 0, completedAt: at(0) } });
    const { attemptId } = await startAttempt(executive, COURSE, at(0));
    const first = ((await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } })).paper as PaperItem[])[0]!;
    const q = await db.question.findUniqueOrThrow({ where: { id: first.questionId } });
    await saveAnswer(executive, { attemptId, questionId: first.questionId, chosen: keyOf(q.answer) }, at(60));
    // The learner closes the phone. 30 minutes later the admin opens the record.
    const record = await learnerRecord(await sessionOf("13800000003"), executive.id, at(31 * 60));
    const attempt = record.courses.find((c) => c.id === COURSE)!.attempts[0]!;
    expect(attempt).toMatchObject({ status: "SUBMITTED", submittedBy: "DEADLINE", score: first.points, passed: false });
  });
});

describe("the enterprise's record (一企一档)", () => {
  it("lists every learner of the enterprise with their courses, best score and certificate; xlsx reads back", async () => {
    const admin = await sessionOf("13800000003");
    const record = await enterpriseRecord(admin, admin.enterpriseId!, at(100));
    const staffCount = await db.user.count({ where: { enterpriseId: admin.enterpriseId!, role: "LEARNER", disabledAt: null } });
    expect(record.staff).toHaveLength(staffCount);
    const leader = record.staff.find((s) => s.id === learnerId)!;
    expect(leader.courses.find((c) => c.id === COURSE)).toMatchObject({ hoursDone: 2.33, bestScore: 100, certificate: { status: "valid" } });
    // The same assignment as the learner's own view.
    const own = await learnerRecord(await sessionOf("13800000006"), learnerId, at(100));
    expect(leader.courses.map((c) => c.id).sort()).toEqual(own.courses.map((c) => c.id).sort());

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await enterpriseRecordXlsx(record)).buffer);
    const sheet = book.getWorksheet("一企一档")!;
    const rows = sheet.getRows(4, sheet.rowCount - 3)!.map((r) => r.values as unknown[]);
    const row = rows.find((v) => v[1] === "张班长" && String(v[4]).includes("攀西钒钛"))!;
    expect(row[8]).toBe(100);
    expect(row[10]).toBe("有效");
  });

  it("is refused to another county's regulator and to learners", async () => {
    const admin = await sessionOf("13800000003");
    await expect(enterpriseRecord(await sessionOf("13800000002"), admin.enterpriseId!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(enterpriseRecord(await sessionOf("13800000006"), admin.enterpriseId!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(enterpriseRecord(await sessionOf("13800000001"), admin.enterpriseId!)).resolves.toMatchObject({ enterprise: { id: admin.enterpriseId } });
  });
});
