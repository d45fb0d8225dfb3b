// Roster import rules without a database: headers, dates, row checks and planning.
import { describe, expect, it } from "vitest";
import { checkTable, dayOf, dayStart, mapHeader, parseDay, planRows, summarise, type CheckContext, type CheckedRow, type Existing } from "@/features/rosters/rules";
import { residentIdCheckDigit } from "@/lib/identifiers";

const TODAY = new Date("2026-11-23T04:00:00Z");
const ctx: CheckContext = {
  kind: "STAFF",
  positions: [
    { code: "TEAM_LEADER", name: "一线班组长" },
    { code: "SAFETY_EXECUTIVE", name: "安全生产分管负责人" },
  ],
  hashId: (id) => `h:${id}`,
  requireCreditCode: false,
  today: TODAY,
};
const id = (first17: string) => first17 + residentIdCheckDigit(first17);
const GOOD_ID = id("51040219900110123");

describe("headers and dates", () => {
  it("maps Chinese headers, English aliases and optional markers", () => {
    expect(mapHeader(["姓名", "手机号码", "身份证号（选填）", "*岗位类别", "Hire date", "其他"])).toEqual({ name: 0, mobile: 1, idNumber: 2, position: 3, hiredOn: 4 });
  });

  it("reads the date formats rosters use and refuses impossible dates", () => {
    for (const v of ["2024-03-01", "2024/3/1", "2024.3.1", "2024年3月1日", "20240301"]) expect(parseDay(v)).toBe("2024-03-01");
    for (const v of ["2024-02-30", "2023-02-29", "abc", "1949-01-01", "2024-13-01"]) expect(parseDay(v)).toBeNull();
    expect(parseDay("2024-02-29")).toBe("2024-02-29");
  });

  it("stores a day as its first moment in Beijing time", () => {
    expect(dayStart("2024-03-01").toISOString()).toBe("2024-02-29T16:00:00.000Z");
    expect(dayOf(dayStart("2024-03-01"))).toBe("2024-03-01");
  });
});

describe("checkTable", () => {
  const header = ["姓名", "手机号", "身份证号", "岗位类别", "入职日期", "离职日期"];

  it("keeps good rows, skips blank lines and names every problem with its line", () => {
    const badId = GOOD_ID.slice(0, 17) + (GOOD_ID.endsWith("1") ? "2" : "1");
    const { rows, problems } = checkTable(
      [
        header,
        ["甲", "13800001111", GOOD_ID, "一线班组长", "2024-03-01", ""],
        ["", "", "", "", "", ""],
        ["乙", "1380000", "", "team_leader", "", ""],
        ["丙", "13800002222", badId, "厨师", "2024-02-30", ""],
        ["丁", "13800001111", GOOD_ID, "TEAM_LEADER", "2022-01-01", "2021-12-31"],
      ],
      ctx,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ line: 2, name: "甲", idHash: `h:${GOOD_ID}`, idMasked: `${GOOD_ID.slice(0, 4)}**********${GOOD_ID.slice(14)}`, positionCode: "TEAM_LEADER", hiredOn: "2024-03-01" });
    expect(problems.map((p) => [p.line, p.column, p.problem])).toEqual([
      [4, "mobile", "mobile"],
      [5, "idNumber", "id.checkDigit"],
      [5, "position", "position"],
      [5, "hiredOn", "date"],
      [6, "leftOn", "leftBeforeHired"],
      [6, "mobile", "duplicateInFile"],
      [6, "idNumber", "duplicateInFile"],
    ]);
    expect(JSON.stringify(problems)).not.toContain(badId);
    expect(problems.find((p) => p.line === 6 && p.column === "mobile")!.otherLine).toBe(2);
  });

  it("reports missing required columns on line 1 and nothing else", () => {
    expect(checkTable([["姓名", "手机号"], ["甲", "13800001111"]], ctx)).toEqual({ rows: [], problems: [{ line: 1, column: "position", problem: "missingColumn", value: "岗位类别" }] });
    expect(checkTable([[...header, "统一社会信用代码"], ["甲", "13800001111", "", "一线班组长", "", "", ""]], { ...ctx, requireCreditCode: true }).problems).toEqual([
      { line: 2, column: "creditCode", problem: "required", value: undefined, otherLine: undefined },
    ]);
    expect(checkTable([header], ctx).problems).toEqual([{ line: 1, problem: "noRows" }]);
  });
});

describe("planRows", () => {
  const person = (over: Partial<Existing>): Existing => ({
    id: "u1", mobile: "13800001111", name: "甲", role: "LEARNER", enterpriseId: "E", schoolId: null, positionCode: "TEAM_LEADER",
    className: null, hiredOn: "2024-03-01", leftOn: null, idNumberHash: null, idNumberMasked: null, ...over,
  });
  const row: CheckedRow = { line: 2, name: "甲", mobile: "13800001111", idHash: null, idMasked: null, positionCode: "TEAM_LEADER", className: null, hiredOn: "2024-03-01", leftOn: null, creditCode: null };
  const plan = (existing: Existing[], rows = [row]) =>
    planRows(rows, {
      kind: "STAFF",
      byMobile: new Map(existing.map((e) => [e.mobile, e])),
      byIdHash: new Map(existing.filter((e) => e.idNumberHash).map((e) => [e.idNumberHash!, e])),
      orgOf: () => ({ id: "E" }),
    });

  it("create, unchanged, update", () => {
    expect(plan([]).planned[0]!.action).toBe("create");
    expect(plan([person({})]).planned[0]!.action).toBe("unchanged");
    expect(plan([person({ positionCode: "SAFETY_EXECUTIVE" })]).planned[0]!.action).toBe("update");
    // Matched by ID number, with a new mobile.
    expect(plan([person({ mobile: "13900009999", idNumberHash: "h:x" })], [{ ...row, idHash: "h:x" }]).planned[0]).toMatchObject({ action: "update", userId: "u1" });
  });

  it("refuses conflicts", () => {
    const two = [person({}), person({ id: "u2", mobile: "13900009999", idNumberHash: "h:x" })];
    expect(plan(two, [{ ...row, idHash: "h:x" }]).problems[0]!.problem).toBe("idMobileConflict");
    expect(plan([person({ role: "ADMIN" })]).problems[0]!.problem).toBe("notLearner");
    expect(plan([person({ enterpriseId: "OTHER" })]).problems[0]!.problem).toBe("otherOrganisation");
    expect(plan([person({ enterpriseId: "OTHER", leftOn: "2025-01-01" })]).planned[0]!.action).toBe("update");
    const same = plan([person({ idNumberHash: "h:x" })], [row, { ...row, line: 3, mobile: "13900009999", idHash: "h:x" }]);
    expect(same.problems).toEqual([{ line: 3, column: "mobile", problem: "samePersonInFile", value: "13900009999", otherLine: 2 }]);
    expect(summarise(same.planned, same.problems)).toEqual({ rows: 2, create: 0, update: 0, unchanged: 1, leave: 0, bad: 1 });
  });
});
