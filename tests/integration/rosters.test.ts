// Roster imports against a real database (issue 6, "Done when"): a file with good and bad rows imports
// nothing and reports each bad row with its reason; a good file imports everything; importing it again
// changes nothing. Also: updates, leavers, a double commit, a roster changed between check and commit,
// students with classes, and a regulator's import limited to its region.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { demoCreditCode } from "@/features/demo/seed";
import { assignedCoursesOfStaff } from "@/features/learning/data";
import { commitImport, enterpriseRoster, previewImport, setLeft } from "@/features/rosters/data";
import { db } from "@/lib/db";
import { residentIdCheckDigit } from "@/lib/identifiers";
import { enterpriseWithAdmin, loadDemo, sessionOf } from "./support";

const NOW = new Date("2026-11-23T04:00:00Z");
const CREDIT = demoCreditCode("510402", "RT0000001");
const id17 = (n: number) => `510402199001${String(10 + (n % 18)).padStart(2, "0")}${String(100 + n).padStart(3, "0")}`;
const idOf = (n: number) => id17(n) + residentIdCheckDigit(id17(n));
const mobileOf = (n: number) => `1770000${String(n).padStart(4, "0")}`;

async function xlsx(rows: (string | number | Date | null)[][], header = ["姓名", "手机号", "身份证号（选填）", "岗位类别", "入职日期", "离职日期（选填）"]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("花名册");
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const good = [
  ["陈一", mobileOf(1), idOf(1), "一线班组长", "2020-03-01", null],
  ["林二", mobileOf(2), idOf(2), "安全生产分管负责人", new Date(Date.UTC(2019, 6, 15)), null],
  ["黄三", Number(mobileOf(3)), "", "TEAM_LEADER", "2021/5/6", null],
  ["何四", mobileOf(4), idOf(4), "安全管理部门主要负责人", "2018年1月2日", null],
  ["罗五", mobileOf(5), "", "工伤事故频发岗位作业人员", "", null],
];

let enterpriseId = "";
let adminMobile = "";

beforeAll(async () => {
  await loadDemo();
  adminMobile = "17799990001";
  enterpriseId = await enterpriseWithAdmin({ creditCode: CREDIT, name: "东区测试建筑有限公司", adminMobile, adminName: "测试企业管理员", key: true });
});

const staffCount = () => db.user.count({ where: { enterpriseId, role: "LEARNER" } });

describe("a file with good and bad rows", () => {
  it("imports nothing and reports every bad row with its reason", async () => {
    const admin = await sessionOf(adminMobile);
    const badId = id17(9) + (residentIdCheckDigit(id17(9)) === "1" ? "2" : "1");
    const file = await xlsx([
      ...good,
      ["坏手机", "1234567", "", "一线班组长", "", null], // line 7
      ["坏身份证", mobileOf(7), badId, "一线班组长", "", null], // line 8
      ["坏岗位", mobileOf(8), "", "厨师", "", null], // line 9
      ["重复", mobileOf(2), "", "一线班组长", "", null], // line 10
      ["管理员", "13800000000", "", "一线班组长", "", null], // line 11
      ["别家的", "13800000006", "", "一线班组长", "", null], // line 12
      ["", mobileOf(13), "", "一线班组长", "2020-02-30", null], // line 13: two problems
      ["早离", mobileOf(14), "", "一线班组长", "2022-01-01", "2021-01-01"], // line 14
    ]);
    const before = await staffCount();
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "roster.xlsx", bytes: file, fullRoster: false }, NOW);
    expect(preview.status).toBe("DISCARDED");
    expect(preview.problems.map((p) => [p.line, p.column, p.problem])).toEqual([
      [7, "mobile", "mobile"],
      [8, "idNumber", "id.checkDigit"],
      [9, "position", "position"],
      [10, "mobile", "duplicateInFile"],
      [11, "mobile", "notLearner"],
      [12, "mobile", "otherOrganisation"],
      [13, "name", "required"],
      [13, "hiredOn", "date"],
      [14, "leftOn", "leftBeforeHired"],
    ]);
    expect(preview.problems.find((p) => p.line === 10)!.otherLine).toBe(3);
    // The ID number is never echoed whole.
    expect(JSON.stringify(preview.problems)).not.toContain(badId);
    expect(preview.summary).toMatchObject({ rows: 13, bad: 8 });
    expect(await staffCount()).toBe(before);
    expect(await db.user.count({ where: { mobile: { in: [mobileOf(1), mobileOf(7)] } } })).toBe(0);
    await expect(commitImport(admin, preview.id, "Initial-2026", NOW)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("a good file", () => {
  it("imports everything: accounts with a password change at first login, ID numbers only hashed and masked, courses by the rules", async () => {
    const admin = await sessionOf(adminMobile);
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "roster.xlsx", bytes: await xlsx(good), fullRoster: false }, NOW);
    expect(preview.problems).toEqual([]);
    expect(preview.summary).toEqual({ rows: 5, create: 5, update: 0, unchanged: 0, leave: 0, bad: 0 });
    const done = await commitImport(admin, preview.id, "Initial-2026", NOW);
    expect(done.summary.create).toBe(5);
    const people = await db.user.findMany({ where: { enterpriseId, role: "LEARNER" }, orderBy: { mobile: "asc" } });
    expect(people.map((p) => [p.name, p.mobile, p.positionCode])).toEqual([
      ["陈一", mobileOf(1), "TEAM_LEADER"],
      ["林二", mobileOf(2), "SAFETY_EXECUTIVE"],
      ["黄三", mobileOf(3), "TEAM_LEADER"],
      ["何四", mobileOf(4), "SAFETY_DEPT_HEAD"],
      ["罗五", mobileOf(5), "ACCIDENT_PRONE_WORKER"],
    ]);
    expect(people.every((p) => p.mustChangePassword)).toBe(true);
    expect(people[0]!.hiredOn!.toISOString()).toBe("2020-02-29T16:00:00.000Z"); // 2020-03-01 in Beijing
    expect(people[1]!.hiredOn!.toISOString()).toBe("2019-07-14T16:00:00.000Z");
    expect(people[3]!.hiredOn!.toISOString()).toBe("2018-01-01T16:00:00.000Z");
    expect(people[0]!.idNumberMasked).toBe(`${idOf(1).slice(0, 4)}**********${idOf(1).slice(14)}`);
    expect(JSON.stringify(people)).not.toContain(idOf(1));
    const stored = await db.rosterImport.findUniqueOrThrow({ where: { id: preview.id } });
    expect(stored.status).toBe("COMMITTED");
    expect(JSON.stringify(stored.rows)).not.toContain(mobileOf(1)); // kept only until the commit
    // Key positions of a key enterprise get the plan period's course; the worker in an accident-prone post is not a key position of 2026–2030.
    const courses = await assignedCoursesOfStaff(enterpriseId, people);
    expect(courses.get(people[0]!.id)!.map((c) => c.id)).toContain("gongshang-yufang-rumen");
    expect(courses.get(people[4]!.id)!.map((c) => c.id)).not.toContain("gongshang-yufang-rumen");
  });

  it("imported again changes nothing", async () => {
    const admin = await sessionOf(adminMobile);
    const before = await db.user.findMany({ where: { enterpriseId }, orderBy: { id: "asc" } });
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "roster.xlsx", bytes: await xlsx(good), fullRoster: false }, NOW);
    expect(preview.summary).toEqual({ rows: 5, create: 0, update: 0, unchanged: 5, leave: 0, bad: 0 });
    await commitImport(admin, preview.id, undefined, NOW);
    expect(await db.user.findMany({ where: { enterpriseId }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("updates by mobile or ID number, marks leavers, and a full roster marks those missing as left", async () => {
    const admin = await sessionOf(adminMobile);
    const changed = good.map((r) => [...r]);
    changed[0]![3] = "安全管理部门主要负责人"; // position changed
    changed[1]![1] = mobileOf(12); // new mobile, matched by ID number
    changed[2]![5] = "2026-06-30"; // left
    const file = await xlsx(changed.slice(0, 4)); // 罗五 missing
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "roster.xlsx", bytes: file, fullRoster: true }, NOW);
    expect(preview.summary).toEqual({ rows: 4, create: 0, update: 3, unchanged: 1, leave: 1, bad: 0 });
    expect(preview.leave.map((l) => l.name)).toEqual(["罗五"]);
    await commitImport(admin, preview.id, undefined, NOW);
    const byName = new Map((await db.user.findMany({ where: { enterpriseId, role: "LEARNER" } })).map((u) => [u.name, u]));
    expect(byName.get("陈一")!.positionCode).toBe("SAFETY_DEPT_HEAD");
    expect(byName.get("林二")!.mobile).toBe(mobileOf(12));
    expect(byName.get("黄三")!.leftOn!.toISOString()).toBe("2026-06-29T16:00:00.000Z");
    expect(byName.get("罗五")!.leftOn!.toISOString()).toBe("2026-11-22T16:00:00.000Z"); // today in Beijing
    const roster = await enterpriseRoster(admin, enterpriseId, { status: "current" });
    expect(roster.people.map((p) => p.name).sort()).toEqual(["何四", "林二", "陈一"].sort());
    // Back on the roster by hand.
    await setLeft(admin, byName.get("罗五")!.id, null);
    expect((await db.user.findUniqueOrThrow({ where: { id: byName.get("罗五")!.id } })).leftOn).toBeNull();
  });

  it("two commits of one import race: one writes, the other is refused", async () => {
    const admin = await sessionOf(adminMobile);
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "more.xlsx", bytes: await xlsx([["赵六", mobileOf(6), "", "一线班组长", "", null]]), fullRoster: false }, NOW);
    const results = await Promise.allSettled([commitImport(admin, preview.id, "Initial-2026", NOW), commitImport(admin, preview.id, "Initial-2026", NOW)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await db.user.count({ where: { mobile: mobileOf(6) } })).toBe(1);
  });

  it("a roster changed between the check and the commit is refused whole", async () => {
    const admin = await sessionOf(adminMobile);
    const rows = [
      ["钱七", mobileOf(20), "", "一线班组长", "", null],
      ["孙八", mobileOf(21), "", "一线班组长", "", null],
    ];
    const first = await previewImport(admin, { kind: "STAFF", fileName: "a.xlsx", bytes: await xlsx(rows), fullRoster: false }, NOW);
    const second = await previewImport(admin, { kind: "STAFF", fileName: "b.xlsx", bytes: await xlsx(rows.slice(1)), fullRoster: false }, NOW);
    await commitImport(admin, second.id, "Initial-2026", NOW);
    await expect(commitImport(admin, first.id, "Initial-2026", NOW)).rejects.toMatchObject({ code: "CONFLICT", message: "roster.changedSinceCheck" });
    expect(await db.user.count({ where: { mobile: mobileOf(20) } })).toBe(0);
    expect((await db.rosterImport.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("PREVIEW");
  });

  it("new accounts need an initial password", async () => {
    const admin = await sessionOf(adminMobile);
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "c.xlsx", bytes: await xlsx([["周九", mobileOf(30), "", "一线班组长", "", null]]), fullRoster: false }, NOW);
    await expect(commitImport(admin, preview.id, undefined, NOW)).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.user.count({ where: { mobile: mobileOf(30) } })).toBe(0);
  });
});

describe("csv, schools and regulators", () => {
  it("reads a UTF-8 csv with a BOM and keeps 18-digit ID numbers exact", async () => {
    const admin = await sessionOf(adminMobile);
    const csv = `\uFEFF姓名,手机号,身份证号,岗位类别\n吴十,${mobileOf(40)},${idOf(40)},一线班组长\n`;
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "roster.csv", bytes: Buffer.from(csv, "utf8"), fullRoster: false }, NOW);
    expect(preview.problems).toEqual([]);
    expect(preview.sample[0]).toMatchObject({ name: "吴十", idMasked: `${idOf(40).slice(0, 4)}**********${idOf(40).slice(14)}` });
  });

  it("a school imports its students into classes", async () => {
    const schoolAdmin = await sessionOf("13800000004");
    const book = await xlsx(
      [
        ["学生甲", mobileOf(50), "", "2025级电工1班", "2025-09-01", null],
        ["学生乙", mobileOf(51), "", "2025级电工1班", "", null],
        ["学生丙", mobileOf(52), "", "2025级焊接2班", "", null],
      ],
      ["姓名", "手机号", "身份证号", "班级", "入学日期", "离校日期"],
    );
    const preview = await previewImport(schoolAdmin, { kind: "STUDENTS", fileName: "students.xlsx", bytes: book, fullRoster: false }, NOW);
    expect(preview.summary).toMatchObject({ create: 3, bad: 0 });
    await commitImport(schoolAdmin, preview.id, "Initial-2026", NOW);
    const classes = await db.schoolClass.findMany({ where: { schoolId: schoolAdmin.schoolId! }, include: { _count: { select: { students: true } } }, orderBy: { name: "asc" } });
    expect(classes.map((c) => [c.name, c._count.students])).toEqual([
      ["2025级焊接2班", 1],
      ["2025级电工1班", 2],
    ]);
    // An enterprise admin cannot import students, nor a school admin staff.
    await expect(previewImport(await sessionOf(adminMobile), { kind: "STUDENTS", fileName: "s.xlsx", bytes: book, fullRoster: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(previewImport(schoolAdmin, { kind: "STAFF", fileName: "s.xlsx", bytes: book, fullRoster: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a county regulator imports staff of enterprises in its county only, each row naming its enterprise", async () => {
    const county = await sessionOf("13800000002"); // 东区 510402
    const vt = demoCreditCode("510411", "MA6230K1X"); // 仁和区
    const file = await xlsx(
      [
        ["郑一", mobileOf(60), "", "一线班组长", CREDIT],
        ["郑二", mobileOf(61), "", "一线班组长", vt],
        ["郑三", mobileOf(62), "", "一线班组长", demoCreditCode("510402", "XX0000001")],
        ["郑四", mobileOf(63), "", "一线班组长", ""],
      ],
      ["姓名", "手机号", "身份证号", "岗位类别", "统一社会信用代码"],
    );
    const preview = await previewImport(county, { kind: "STAFF", fileName: "county.xlsx", bytes: file, fullRoster: false }, NOW);
    expect(preview.problems.map((p) => [p.line, p.problem])).toEqual([
      [3, "enterpriseOutOfScope"],
      [4, "enterpriseUnknown"],
      [5, "required"],
    ]);
    const fixed = await xlsx([["郑一", mobileOf(60), "", "一线班组长", CREDIT]], ["姓名", "手机号", "身份证号", "岗位类别", "统一社会信用代码"]);
    const ok = await previewImport(county, { kind: "STAFF", fileName: "county.xlsx", bytes: fixed, fullRoster: false }, NOW);
    await commitImport(county, ok.id, "Initial-2026", NOW);
    expect((await db.user.findUniqueOrThrow({ where: { mobile: mobileOf(60) } })).enterpriseId).toBe(enterpriseId);
    // Without the credit-code column, a regulator's file is refused on its header.
    const noColumn = await previewImport(county, { kind: "STAFF", fileName: "c.xlsx", bytes: await xlsx([["郑五", mobileOf(64), "", "一线班组长", "", null]]), fullRoster: false }, NOW);
    expect(noColumn.problems).toEqual([{ line: 1, column: "creditCode", problem: "missingColumn", value: "统一社会信用代码" }]);
  });

  it("unreadable files get a clear error", async () => {
    const admin = await sessionOf(adminMobile);
    await expect(previewImport(admin, { kind: "STAFF", fileName: "x.xlsx", bytes: Buffer.from("not a spreadsheet"), fullRoster: false })).rejects.toMatchObject({ code: "VALIDATION", message: "roster.unreadable.format" });
    await expect(previewImport(admin, { kind: "STAFF", fileName: "x.csv", bytes: Buffer.alloc(0), fullRoster: false })).rejects.toMatchObject({ code: "VALIDATION", message: "roster.unreadable.empty" });
  });
});

describe("a large file", () => {
  it("imports 1,500 rows in one commit and re-imports them unchanged (id lists stay under SQLite's bound-value limit)", async () => {
    const admin = await sessionOf(adminMobile);
    const rows = Array.from({ length: 1500 }, (_, i) => [`批量${i}`, `1880000${String(i).padStart(4, "0")}`, "", i % 3 ? "一线班组长" : "工伤事故频发岗位作业人员", "2024-01-01", null]);
    const file = await xlsx(rows);
    const first = await previewImport(admin, { kind: "STAFF", fileName: "big.xlsx", bytes: file, fullRoster: false }, NOW);
    expect(first.summary).toMatchObject({ rows: 1500, create: 1500, bad: 0 });
    await commitImport(admin, first.id, "Initial-2026", NOW);
    expect(await db.user.count({ where: { enterpriseId, name: { startsWith: "批量" } } })).toBe(1500);
    const again = await previewImport(admin, { kind: "STAFF", fileName: "big.xlsx", bytes: file, fullRoster: true }, NOW);
    expect(again.summary.unchanged).toBe(1500);
  }, 120_000);
});
