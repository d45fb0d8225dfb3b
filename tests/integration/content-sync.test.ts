// content:sync against a real database: writes everything once, then nothing on a second run, archives
// what left content/ instead of deleting it, and leaves the database untouched when a write fails half-way.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent, type LoadedContent } from "@/features/content/load";
import { syncContent } from "@/features/content/sync";
import { db } from "@/lib/db";

const root = path.resolve(import.meta.dirname, "../../content");
let content: LoadedContent;

beforeAll(() => {
  content = loadContent(root);
});

describe("content sync", () => {
  it("loads the repository's reference data and courses", async () => {
    await syncContent(db, content);
    const sichuan = await db.region.findUniqueOrThrow({ where: { code: "510000" } });
    expect(sichuan.level).toBe("PROVINCE");
    const panzhihua = await db.region.findUniqueOrThrow({ where: { code: "510400" } });
    expect(panzhihua.parentCode).toBe("510000");
    expect(await db.region.count({ where: { parentCode: "510400" } })).toBeGreaterThanOrEqual(5);
    expect(await db.positionCategory.count()).toBe(content.positions.positions.length);
    const p2026 = await db.planPeriod.findUniqueOrThrow({ where: { id: "2026-2030" }, include: { positions: true, industries: true } });
    expect(p2026.positions.map((p) => p.positionCode).sort()).toEqual(["PRINCIPAL_HEAD", "SAFETY_DEPT_HEAD", "SAFETY_EXECUTIVE", "TEAM_LEADER"]);
    expect(p2026.industries.map((i) => i.industryCode)).toContain("ON_DEMAND_DELIVERY");
    expect(p2026.satisfactionTarget).toBe(85);

    for (const course of content.courses) {
      const row = await db.course.findUniqueOrThrow({ where: { id: course.id }, include: { lessons: true, questions: true } });
      expect(row.archivedAt).toBeNull();
      expect(row.lessons).toHaveLength(course.lessons.length);
      expect(row.questions).toHaveLength(course.questions.length);
    }
  });

  it("writes nothing the second time", async () => {
    const report = await syncContent(db, content);
    for (const [kind, counts] of Object.entries(report)) {
      expect({ kind, written: counts.written, archived: counts.archived }).toEqual({ kind, written: 0, archived: 0 });
    }
  });

  it("stores true/false questions as two options and keeps the answer key on the server row", async () => {
    const tf = content.courses.flatMap((c) => c.questions).find((q) => q.type === "true_false");
    expect(tf, "the shipped course has a true/false question").toBeDefined();
    const row = await db.question.findUniqueOrThrow({ where: { id: tf!.id } });
    expect(row.options).toEqual([
      { key: "T", text: "正确" },
      { key: "F", text: "错误" },
    ]);
    expect(row.answer).toEqual([tf!.answer ? "T" : "F"]);
  });

  it("archives a course removed from content/ and restores it when it returns, keeping its id", async () => {
    const course = content.courses[0]!;
    const without = { ...content, courses: content.courses.filter((c) => c.id !== course.id) };
    const removed = await syncContent(db, without);
    expect(removed.courses.archived).toBe(1);
    expect(removed.lessons.archived).toBe(course.lessons.length);
    expect(removed.questions.archived).toBe(course.questions.length);
    const archived = await db.course.findUniqueOrThrow({ where: { id: course.id } });
    expect(archived.archivedAt).not.toBeNull();

    const back = await syncContent(db, content);
    expect(back.courses.written).toBe(1);
    expect((await db.course.findUniqueOrThrow({ where: { id: course.id } })).archivedAt).toBeNull();
    expect(await db.lesson.count({ where: { courseId: course.id, archivedAt: null } })).toBe(course.lessons.length);
  });

  it("updates only the lesson whose text changed", async () => {
    const course = content.courses[0]!;
    const lesson = course.lessons[0]!;
    const edited: LoadedContent = {
      ...content,
      courses: content.courses.map((c) =>
        c.id !== course.id ? c : { ...c, lessons: c.lessons.map((l) => (l.id !== lesson.id ? l : { ...l, body: `${l.body}\n\n补充说明。`, contentHash: "edited" })) },
      ),
    };
    const report = await syncContent(db, edited);
    expect(report.lessons.written).toBe(1);
    expect(report.courses.written).toBe(0);
    expect((await db.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).body).toContain("补充说明");
    await syncContent(db, content); // back to the repository's text
  });

  it("is all or nothing: a failure half-way leaves the database as it was", async () => {
    const base = content.courses[0]!;
    // A course the loader would refuse (its question names a lesson that does not exist), handed to the
    // sync directly: the course row is written first, then the question violates the foreign key.
    const broken: LoadedContent = {
      ...content,
      courses: [
        ...content.courses,
        {
          ...base,
          id: "broken-course",
          lessons: [],
          questions: [{ ...base.questions[0]!, id: "broken-question", pool: "practice", lesson: "no-such-lesson", contentHash: "x" }],
        },
      ],
    };
    await expect(syncContent(db, broken)).rejects.toThrow();
    expect(await db.course.findUnique({ where: { id: "broken-course" } })).toBeNull();
    expect(await db.question.findUnique({ where: { id: "broken-question" } })).toBeNull();
  });
});
