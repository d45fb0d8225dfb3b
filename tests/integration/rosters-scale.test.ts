// A larger roster import (issue 8, item 4) against a real database: 5,000 rows are written in several
// bulk statements (features/rosters/sql.ts), read back through Prisma exactly as the file said, found
// again by a re-import, and a commit that fails part way leaves nothing written. Timing is bench/import.ts's.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { demoCreditCode } from "@/features/demo/seed";
import { commitImport, previewImport } from "@/features/rosters/data";
import { db } from "@/lib/db";
import { residentIdCheckDigit } from "@/lib/identifiers";
import { enterpriseWithAdmin, loadDemo, sessionOf } from "./support";

// The bulk insert, wrapped so that a test can make its n-th batch fail, or add to it a row whose mobile
// someone took after the commit's check (what a concurrent writer would do).
const failing = vi.hoisted(() => ({ atCall: 0, calls: 0, clashMobile: "" }));
vi.mock("@/features/rosters/sql", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/features/rosters/sql")>();
  return {
    ...real,
    insertLearners: async (...args: Parameters<typeof real.insertLearners>) => {
      failing.calls++;
      if (failing.atCall && failing.calls === failing.atCall) {
        if (!failing.clashMobile) throw new Error("injected failure");
        args[1] = [...args[1], { ...args[1][0]!, mobile: failing.clashMobile, idNumberHash: null }];
      }
      return real.insertLearners(...args);
    },
  };
});

const NOW = new Date("2026-11-23T04:00:00Z");
const CREDIT = demoCreditCode("510402", "RT0000002");
const ROWS = 5_000;
// Distinct for n < 21,000 (month, day and sequence), and across files by the birth year.
const id17 = (base: number, n: number) => `510402${1920 + base}${String(1 + (n % 12)).padStart(2, "0")}${String(1 + (n % 28)).padStart(2, "0")}${String(n % 1000).padStart(3, "0")}`;
const idOf = (base: number, n: number) => id17(base, n) + residentIdCheckDigit(id17(base, n));
const mobileOf = (base: number, n: number) => `1${base}${String(n).padStart(8, "0")}`;
const POSITIONS = ["一线班组长", "工伤事故频发岗位作业人员", "安全管理部门主要负责人", "TEAM_LEADER"];

/** `count` rows; every third without an ID number, dates as text and as date cells, a few leavers. */
async function roster(base: number, count: number, from = 0) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("花名册");
  sheet.addRow(["姓名", "手机号", "身份证号（选填）", "岗位类别", "入职日期（选填）", "离职日期（选填）"]);
  for (let n = from; n < from + count; n++) {
    const id = n % 3 === 2 ? "" : idOf(base, n);
    const hired = n % 2 ? `2020-${String(1 + (n % 12)).padStart(2, "0")}-15` : new Date(Date.UTC(2019, n % 12, 1));
    sheet.addRow([`规模${base}-${n}`, mobileOf(base, n), id, POSITIONS[n % POSITIONS.length], hired, n % 100 === 7 ? "2026-06-30" : null]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

let enterpriseId = "";
let adminMobile = "";

beforeAll(async () => {
  await loadDemo();
  adminMobile = "17799990002";
  enterpriseId = await enterpriseWithAdmin({ creditCode: CREDIT, name: "东区规模测试有限公司", adminMobile, adminName: "规模测试管理员" });
});

const staff = () => db.user.count({ where: { enterpriseId, role: "LEARNER" } });

describe("an import of 5,000 rows", () => {
  it("writes every row as the file says, each account a learner's who must change the password at first login", async () => {
    const admin = await sessionOf(adminMobile);
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "big.xlsx", bytes: await roster(50, ROWS), fullRoster: false }, NOW);
    expect(preview.problems).toEqual([]);
    expect(preview.summary).toEqual({ rows: ROWS, create: ROWS, update: 0, unchanged: 0, leave: 0, bad: 0 });
    failing.calls = 0;
    const done = await commitImport(admin, preview.id, "Initial-2026", NOW);
    expect(done.summary.create).toBe(ROWS);
    expect(failing.calls).toBeGreaterThan(1); // several bulk statements
    expect(await staff()).toBe(ROWS);

    const people = await db.user.findMany({ where: { enterpriseId, role: "LEARNER" }, orderBy: { mobile: "asc" } });
    expect(new Set(people.map((p) => p.id)).size).toBe(ROWS);
    expect(people.every((p) => p.mustChangePassword && p.role === "LEARNER" && p.passwordHash.startsWith("$argon2id$"))).toBe(true);
    expect(new Set(people.map((p) => p.passwordHash)).size).toBe(1); // one hash of the initial password
    const byMobile = new Map(people.map((p) => [p.mobile, p]));
    const first = byMobile.get(mobileOf(50, 0))!;
    expect(first).toMatchObject({ name: "规模50-0", positionCode: "TEAM_LEADER", idNumberMasked: `${idOf(50, 0).slice(0, 4)}**********${idOf(50, 0).slice(14)}`, leftOn: null, sessionVersion: 0, disabledAt: null });
    expect(first.hiredOn!.toISOString()).toBe("2018-12-31T16:00:00.000Z"); // 2019-01-01 in Beijing
    expect(first.idNumberHash).toMatch(/^[\w-]{43}$/);
    const seventh = byMobile.get(mobileOf(50, 7))!;
    expect(seventh.hiredOn!.toISOString()).toBe("2020-08-14T16:00:00.000Z");
    expect(seventh.leftOn!.toISOString()).toBe("2026-06-29T16:00:00.000Z");
    expect(byMobile.get(mobileOf(50, 2))!.idNumberHash).toBeNull();
    expect(first.createdAt.getTime()).toBe(NOW.getTime());
    expect(first.updatedAt.getTime()).toBe(NOW.getTime());

    // Prisma's own comparisons see the written dates (SQLite keeps them as text in Prisma's format).
    expect(await db.user.count({ where: { enterpriseId, hiredOn: { gte: new Date("2020-01-01T00:00:00+08:00") } } })).toBe(ROWS / 2);
    expect(await db.user.count({ where: { enterpriseId, leftOn: { lt: NOW } } })).toBe(ROWS / 100);
    expect(await db.user.count({ where: { enterpriseId, createdAt: { gte: NOW, lte: NOW } } })).toBe(ROWS);
  }, 120_000);

  it("imported again finds everyone: nothing to create, a changed row updated, a full roster marks the missing as left", async () => {
    const admin = await sessionOf(adminMobile);
    // The same people, minus the last 10; one of them with a new mobile, matched by ID number.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("花名册");
    const original = new ExcelJS.Workbook();
    await original.xlsx.load((await roster(50, ROWS - 10)) as unknown as ArrayBuffer);
    original.worksheets[0]!.eachRow((row) => sheet.addRow((row.values as ExcelJS.CellValue[]).slice(1)));
    sheet.getCell("B2").value = mobileOf(51, 0);
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "again.xlsx", bytes: Buffer.from(await book.xlsx.writeBuffer()), fullRoster: true }, NOW);
    expect(preview.problems).toEqual([]);
    expect(preview.summary).toEqual({ rows: ROWS - 10, create: 0, update: 1, unchanged: ROWS - 11, leave: 10, bad: 0 });
    await commitImport(admin, preview.id, undefined, NOW);
    expect(await staff()).toBe(ROWS);
    expect(await db.user.count({ where: { mobile: mobileOf(51, 0), enterpriseId } })).toBe(1);
    expect(await db.user.count({ where: { enterpriseId, leftOn: { not: null } } })).toBe(ROWS / 100 + 10);
  }, 120_000);

  it("a commit that fails part way writes nothing, and the import can be committed once the cause is gone", async () => {
    const admin = await sessionOf(adminMobile);
    const before = await staff();
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "more.xlsx", bytes: await roster(52, ROWS), fullRoster: false }, NOW);
    expect(preview.summary.create).toBe(ROWS);
    failing.calls = 0;
    failing.atCall = 3; // after two batches (4,000 rows) were written in the transaction
    await expect(commitImport(admin, preview.id, "Initial-2026", NOW)).rejects.toThrow("injected failure");
    failing.atCall = 0;
    expect(failing.calls).toBe(3);
    expect(await staff()).toBe(before);
    expect(await db.user.count({ where: { mobile: { startsWith: "152" } } })).toBe(0);
    const stored = await db.rosterImport.findUniqueOrThrow({ where: { id: preview.id }, select: { status: true, error: true } });
    expect(stored).toEqual({ status: "PREVIEW", error: "unexpected" });

    // A mobile the database already holds, in the third batch: the unique index refuses it, the import
    // is refused as changed since its check, and again nothing is written.
    failing.calls = 0;
    failing.atCall = 3;
    failing.clashMobile = adminMobile;
    await expect(commitImport(admin, preview.id, "Initial-2026", NOW)).rejects.toMatchObject({ code: "CONFLICT", message: "roster.changedSinceCheck" });
    failing.atCall = 0;
    failing.clashMobile = "";
    expect(await staff()).toBe(before);
    expect((await db.rosterImport.findUniqueOrThrow({ where: { id: preview.id }, select: { status: true, error: true } })).status).toBe("PREVIEW");

    const done = await commitImport(admin, preview.id, "Initial-2026", NOW);
    expect(done.summary.create).toBe(ROWS);
    expect(await staff()).toBe(before + ROWS);
  }, 120_000);
});
