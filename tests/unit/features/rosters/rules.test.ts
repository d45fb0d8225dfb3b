// Roster import rules without a database: header mapping, date formats, Beijing days, every row problem
// with its line (the header is line 1, the first data row line 2), planning against the people the
// database holds, and the summary. Valid ID numbers and credit codes are built with the check-digit
// helpers, so every fixture is valid by construction and every "bad" one differs in exactly one way.
import { describe, expect, it } from "vitest";
import {
  checkTable,
  dayOf,
  dayStart,
  mapHeader,
  MAX_ROWS,
  normaliseHeader,
  parseDay,
  planRows,
  summarise,
  type CheckContext,
  type CheckedRow,
  type Existing,
  type PlanContext,
  type PlannedRow,
  type Problem,
} from "@/features/rosters/rules";
import { creditCodeCheckChar, maskResidentId, residentIdCheckDigit } from "@/lib/identifiers";

// ---- fixtures -----------------------------------------------------------------------------------

/** 2026-11-23 12:00 in Beijing. */
const TODAY = new Date("2026-11-23T04:00:00Z");

const idOf = (first17: string) => first17 + residentIdCheckDigit(first17);
/** The same ID number with a wrong check digit. */
const wrongCheck = (id: string) => {
  const right = id[17]!;
  return id.slice(0, 17) + "0123456789X".split("").find((c) => c !== right)!;
};
const creditOf = (first17: string) => first17 + creditCodeCheckChar(first17);
const wrongCheckChar = (code: string) => {
  const right = code[17]!;
  return code.slice(0, 17) + "0123456789ABCDEFGHJKLMNPQRTUWXY".split("").find((c) => c !== right)!;
};
/** The first ID number (born 1990, Panzhihua) whose check digit is X, found rather than hard-coded. */
const idWithX = (() => {
  for (let n = 100; n < 1000; n++) {
    const first17 = `51040219900110${n}`;
    if (residentIdCheckDigit(first17) === "X") return first17 + "X";
  }
  throw new Error("no ID with check digit X");
})();

const ID1 = idOf("51040219900110123");
const ID2 = idOf("51040319851231456");
const ID3 = idOf("51041120000229789");
const CC1 = creditOf("91510400MA62ABCDE");
const CC2 = creditOf("91510402MA6312345");

const hashId = (id: string) => `h:${id}`;
const POSITIONS = [
  { code: "TEAM_LEADER", name: "一线班组长" },
  { code: "SAFETY_EXECUTIVE", name: "安全生产分管负责人" },
  { code: "MAIN_LEADER", name: "主要负责人" },
];
const staffCtx: CheckContext = { kind: "STAFF", positions: POSITIONS, hashId, requireCreditCode: false, today: TODAY };
const studentCtx: CheckContext = { ...staffCtx, kind: "STUDENTS" };

const STAFF_HEADER = ["姓名", "手机号", "身份证号", "岗位类别", "入职日期", "离职日期", "统一社会信用代码"];
const STUDENT_HEADER = ["姓名", "手机号", "身份证号", "班级", "入学日期", "离校日期"];

/** A good staff row with some cells replaced: name, mobile, id, position, hiredOn, leftOn, creditCode. */
const staffRow = (over: Partial<Record<"name" | "mobile" | "id" | "position" | "hiredOn" | "leftOn" | "creditCode", string>> = {}) => {
  const r = { name: "张三", mobile: "13800001111", id: ID1, position: "一线班组长", hiredOn: "2024-03-01", leftOn: "", creditCode: "", ...over };
  return [r.name, r.mobile, r.id, r.position, r.hiredOn, r.leftOn, r.creditCode];
};

const problemsOf = (table: string[][], ctx: CheckContext = staffCtx) => checkTable(table, ctx).problems;

// ---- headers --------------------------------------------------------------------------------------

describe("mapHeader", () => {
  it("maps the template's Chinese headers to their columns", () => {
    expect(mapHeader(["姓名", "手机号", "身份证号", "岗位类别", "入职日期", "离职日期", "统一社会信用代码", "班级"])).toEqual({
      name: 0,
      mobile: 1,
      idNumber: 2,
      position: 3,
      hiredOn: 4,
      leftOn: 5,
      creditCode: 6,
      className: 7,
    });
  });

  it("accepts the other Chinese names of each column", () => {
    expect(mapHeader(["手机号码", "身份证号码", "重点岗位", "入学日期", "离校日期", "信用代码"])).toEqual({
      mobile: 0,
      idNumber: 1,
      position: 2,
      hiredOn: 3,
      leftOn: 4,
      creditCode: 5,
    });
    expect(mapHeader(["手机", "公民身份号码", "岗位"])).toEqual({ mobile: 0, idNumber: 1, position: 2 });
  });

  it("accepts English aliases in any case and with extra spaces", () => {
    expect(mapHeader(["Name", "MOBILE", "ID Number", "Position", "Hire  Date", "Left On", "Credit Code", "Class"])).toEqual({
      name: 0,
      mobile: 1,
      idNumber: 2,
      position: 3,
      hiredOn: 4,
      leftOn: 5,
      creditCode: 6,
      className: 7,
    });
    expect(mapHeader(["IDNumber", "hired on", "leave date"])).toEqual({ idNumber: 0, hiredOn: 1, leftOn: 2 });
    expect(mapHeader(["entry date"])).toEqual({ hiredOn: 0 });
  });

  it("ignores （选填）/(optional) notes and * required markers", () => {
    expect(
      mapHeader(["*姓名", "手机号*", "身份证号（选填）", "* 岗位类别 *", "入职日期(选填)", "离职日期（选填，格式 2024-03-01）", "Credit code (optional)"]),
    ).toEqual({ name: 0, mobile: 1, idNumber: 2, position: 3, hiredOn: 4, leftOn: 5, creditCode: 6 });
    expect(normaliseHeader("  身份证号（选填） ")).toBe("身份证号");
    expect(normaliseHeader("ID   Number (optional)")).toBe("id number");
    expect(normaliseHeader("*Mobile*")).toBe("mobile");
  });

  it("ignores unknown headers and keeps the first of two headers for the same column", () => {
    expect(mapHeader(["序号", "姓名", "备注", "手机号", "手机号码", ""])).toEqual({ name: 1, mobile: 3 });
    expect(mapHeader([])).toEqual({});
  });
});

// ---- dates ----------------------------------------------------------------------------------------

describe("parseDay", () => {
  it.each(["2024-03-01", "2024/3/1", "2024.3.1", "2024年3月1日", "20240301", "2024-3-1", "2024/03/01", "2024年03月01日", " 2024-03-01 "])(
    "reads %j as 2024-03-01",
    (v) => {
      expect(parseDay(v)).toBe("2024-03-01");
    },
  );

  it("keeps real leap days and the earliest accepted year", () => {
    expect(parseDay("2024-02-29")).toBe("2024-02-29");
    expect(parseDay("2000/2/29")).toBe("2000-02-29");
    expect(parseDay("1950-01-01")).toBe("1950-01-01");
    expect(parseDay("2024年12月31日")).toBe("2024-12-31");
  });

  it.each([
    ["2024-02-30", "no 30 February"],
    ["2023-02-29", "2023 is not a leap year"],
    ["1900-02-29", "1900 is not a leap year"],
    ["2024-13-01", "month 13"],
    ["2024-00-10", "month 0"],
    ["2024-03-00", "day 0"],
    ["2024-04-31", "no 31 April"],
    ["abc", "not a date"],
    ["", "empty"],
    ["1949-01-01", "before 1950"],
    ["24-03-01", "two-digit year"],
    ["2024030", "seven digits"],
    ["202403011", "nine digits"],
    ["2024-03-01x", "trailing text"],
  ])("refuses %j (%s)", (v) => {
    expect(parseDay(v)).toBeNull();
  });
});

describe("dayStart and dayOf (Beijing calendar days)", () => {
  it("a day starts at 00:00 in Beijing, 16:00 UTC the day before", () => {
    expect(dayStart("2024-03-01").toISOString()).toBe("2024-02-29T16:00:00.000Z");
    expect(dayStart("2025-01-01").toISOString()).toBe("2024-12-31T16:00:00.000Z");
  });

  it("the day of an instant is its Beijing date", () => {
    expect(dayOf(new Date("2024-02-29T16:00:00.000Z"))).toBe("2024-03-01");
    expect(dayOf(new Date("2024-02-29T15:59:59.999Z"))).toBe("2024-02-29");
    expect(dayOf(new Date("2024-03-01T15:59:59.999Z"))).toBe("2024-03-01");
    expect(dayOf(TODAY)).toBe("2026-11-23");
  });

  it.each(["2024-03-01", "2024-02-29", "2024-12-31", "2025-01-01", "1950-01-01", "2026-11-23"])("round-trips %s", (day) => {
    expect(dayOf(dayStart(day))).toBe(day);
    expect(dayOf(new Date(dayStart(day).getTime() + 86_400_000 - 1))).toBe(day);
  });
});

// ---- checkTable -----------------------------------------------------------------------------------

describe("checkTable: good tables", () => {
  it("STAFF: every row, normalised, and no problems", () => {
    const { rows, problems } = checkTable(
      [
        STAFF_HEADER,
        ["张三", "13800001111", ID1, "一线班组长", "2024-03-01", "", CC1],
        [" 李四 ", "138 0000-2222", idWithX.toLowerCase(), "safety_executive", "2024/3/1", "2025年6月30日", CC2.toLowerCase()],
        ["王五", "13900003333", "", "MAIN_LEADER", "", "", ""],
      ],
      staffCtx,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        name: "张三",
        mobile: "13800001111",
        idHash: `h:${ID1}`,
        idMasked: maskResidentId(ID1),
        positionCode: "TEAM_LEADER",
        className: null,
        hiredOn: "2024-03-01",
        leftOn: null,
        creditCode: CC1,
      },
      {
        line: 3,
        name: "李四",
        mobile: "13800002222",
        idHash: `h:${idWithX}`,
        idMasked: maskResidentId(idWithX),
        positionCode: "SAFETY_EXECUTIVE",
        className: null,
        hiredOn: "2024-03-01",
        leftOn: "2025-06-30",
        creditCode: CC2,
      },
      {
        line: 4,
        name: "王五",
        mobile: "13900003333",
        idHash: null,
        idMasked: null,
        positionCode: "MAIN_LEADER",
        className: null,
        hiredOn: null,
        leftOn: null,
        creditCode: null,
      },
    ]);
    expect(rows[0]!.idMasked).toBe(`${ID1.slice(0, 4)}**********${ID1.slice(14)}`);
  });

  it("STUDENTS: class instead of position, and no problems", () => {
    const { rows, problems } = checkTable(
      [STUDENT_HEADER, ["赵六", "13700004444", ID2, "化工2301班", "2023-09-01", ""], ["钱七", "13700005555", "", "安全2302班", "", "2026-07-01"]],
      studentCtx,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        name: "赵六",
        mobile: "13700004444",
        idHash: `h:${ID2}`,
        idMasked: maskResidentId(ID2),
        positionCode: null,
        className: "化工2301班",
        hiredOn: "2023-09-01",
        leftOn: null,
        creditCode: null,
      },
      {
        line: 3,
        name: "钱七",
        mobile: "13700005555",
        idHash: null,
        idMasked: null,
        positionCode: null,
        className: "安全2302班",
        hiredOn: null,
        leftOn: "2026-07-01",
        creditCode: null,
      },
    ]);
  });

  it("STUDENTS: a position column is neither required nor checked", () => {
    const { rows, problems } = checkTable([["姓名", "手机号", "班级", "岗位类别"], ["赵六", "13700004444", "化工2301班", "厨师"]], studentCtx);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ line: 2, positionCode: null, className: "化工2301班" });
  });

  it("reads only the required columns when the optional ones are absent, in any order", () => {
    const { rows, problems } = checkTable([["岗位类别", "姓名", "手机号"], ["一线班组长", "张三", "13800001111"]], staffCtx);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, name: "张三", mobile: "13800001111", idHash: null, idMasked: null, positionCode: "TEAM_LEADER", className: null, hiredOn: null, leftOn: null, creditCode: null },
    ]);
  });

  it("treats cells missing at the end of a short row as empty", () => {
    const { rows, problems } = checkTable([STAFF_HEADER, ["张三", "13800001111", "", "一线班组长"]], staffCtx);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(1);
  });

  it("accepts a position by its name or by its code in any case", () => {
    const { rows, problems } = checkTable(
      [
        ["姓名", "手机号", "岗位类别"],
        ["甲", "13800000001", "一线班组长"],
        ["乙", "13800000002", "TEAM_LEADER"],
        ["丙", "13800000003", "team_leader"],
        ["丁", "13800000004", "Team_Leader"],
        ["戊", "13800000005", " 主要负责人 "],
      ],
      staffCtx,
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.positionCode)).toEqual(["TEAM_LEADER", "TEAM_LEADER", "TEAM_LEADER", "TEAM_LEADER", "MAIN_LEADER"]);
  });

  it("skips blank lines but keeps counting them", () => {
    const { rows, problems } = checkTable(
      [STAFF_HEADER, ["", "", "", "", "", "", ""], staffRow(), [], ["  ", "", "\t"], staffRow({ mobile: "13800002222", id: ID2 })],
      staffCtx,
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([3, 6]);
  });

  it("accepts a date up to a year ahead", () => {
    const { rows, problems } = checkTable([STAFF_HEADER, staffRow({ hiredOn: "2027-06-01" })], staffCtx);
    expect(problems).toEqual([]);
    expect(rows[0]!.hiredOn).toBe("2027-06-01");
  });

  it("accepts leaving on the day of joining", () => {
    const { rows, problems } = checkTable([STAFF_HEADER, staffRow({ hiredOn: "2024-03-01", leftOn: "2024/3/1" })], staffCtx);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ hiredOn: "2024-03-01", leftOn: "2024-03-01" });
  });
});

describe("checkTable: header problems", () => {
  it("reports each missing required STAFF column on line 1 with its column, and no rows", () => {
    expect(checkTable([["姓名", "身份证号"], ["张三", ID1]], staffCtx)).toEqual({
      rows: [],
      problems: [
        { line: 1, column: "mobile", problem: "missingColumn", value: "手机号" },
        { line: 1, column: "position", problem: "missingColumn", value: "岗位类别" },
      ],
    });
  });

  it("reports the missing STUDENTS class column", () => {
    expect(checkTable([["姓名", "手机号", "岗位类别"], ["赵六", "13700004444", "一线班组长"]], studentCtx)).toEqual({
      rows: [],
      problems: [{ line: 1, column: "className", problem: "missingColumn", value: "班级" }],
    });
  });

  it("requires the credit-code column when the file must name each row's enterprise", () => {
    const table = [["姓名", "手机号", "岗位类别"], ["张三", "13800001111", "一线班组长"]];
    expect(checkTable(table, { ...staffCtx, requireCreditCode: true })).toEqual({
      rows: [],
      problems: [{ line: 1, column: "creditCode", problem: "missingColumn", value: "统一社会信用代码" }],
    });
    expect(checkTable(table, staffCtx).problems).toEqual([]);
  });

  it("reports a missing or blank header row", () => {
    expect(checkTable([], staffCtx)).toEqual({ rows: [], problems: [{ line: 1, problem: "noHeader" }] });
    expect(checkTable([["", " "], ["张三", "13800001111"]], staffCtx)).toEqual({ rows: [], problems: [{ line: 1, problem: "noHeader" }] });
  });

  it("reports an empty body as noRows", () => {
    expect(checkTable([STAFF_HEADER], staffCtx)).toEqual({ rows: [], problems: [{ line: 1, problem: "noRows" }] });
    expect(checkTable([STAFF_HEADER, ["", "", "", "", "", "", ""], []], staffCtx)).toEqual({ rows: [], problems: [{ line: 1, problem: "noRows" }] });
    expect(checkTable([STUDENT_HEADER], studentCtx).problems).toEqual([{ line: 1, problem: "noRows" }]);
  });

  it("refuses more than MAX_ROWS data rows without checking them", () => {
    const body = Array.from({ length: MAX_ROWS + 1 }, () => ["张三"]);
    expect(checkTable([["姓名", "手机号", "岗位类别"], ...body], staffCtx)).toEqual({
      rows: [],
      problems: [{ line: 1, problem: "tooManyRows", value: String(MAX_ROWS) }],
    });
  });
});

describe("checkTable: bad rows", () => {
  const futureBirth = idOf("51040220270101123");
  const badRegion = idOf("01040219900110123");
  const badBirth = idOf("51040219900230123");

  // [what, the row, the one problem expected on line 2]
  const cases: [string, string[], Omit<Problem, "line">][] = [
    ["name missing", staffRow({ name: "" }), { column: "name", problem: "required" }],
    ["name of spaces", staffRow({ name: "   " }), { column: "name", problem: "required" }],
    ["name over 50 characters", staffRow({ name: "张".repeat(51) }), { column: "name", problem: "nameTooLong" }],
    ["mobile missing", staffRow({ mobile: "" }), { column: "mobile", problem: "required" }],
    ["mobile too short", staffRow({ mobile: "1380000" }), { column: "mobile", problem: "mobile", value: "1380000" }],
    ["mobile second digit 2", staffRow({ mobile: "12800001111" }), { column: "mobile", problem: "mobile", value: "12800001111" }],
    ["mobile with country code", staffRow({ mobile: "+8613800001111" }), { column: "mobile", problem: "mobile", value: "+8613800001111" }],
    ["ID check digit", staffRow({ id: wrongCheck(ID1) }), { column: "idNumber", problem: "id.checkDigit", value: maskResidentId(wrongCheck(ID1)) }],
    ["ID too short", staffRow({ id: "123" }), { column: "idNumber", problem: "id.format", value: "***" }],
    ["ID of 17 digits", staffRow({ id: ID1.slice(0, 17) }), { column: "idNumber", problem: "id.format", value: `${ID1.slice(0, 4)}**********${ID1.slice(14, 17)}*` }],
    ["ID region", staffRow({ id: badRegion }), { column: "idNumber", problem: "id.region", value: maskResidentId(badRegion) }],
    ["ID birth date that does not exist", staffRow({ id: badBirth }), { column: "idNumber", problem: "id.birthDate", value: maskResidentId(badBirth) }],
    ["ID born after today", staffRow({ id: futureBirth }), { column: "idNumber", problem: "id.birthDate", value: maskResidentId(futureBirth) }],
    ["position missing", staffRow({ position: "" }), { column: "position", problem: "required" }],
    ["position unknown", staffRow({ position: "厨师" }), { column: "position", problem: "position", value: "厨师" }],
    ["hire date impossible", staffRow({ hiredOn: "2024-02-30" }), { column: "hiredOn", problem: "date", value: "2024-02-30" }],
    ["hire date not a date", staffRow({ hiredOn: "上周" }), { column: "hiredOn", problem: "date", value: "上周" }],
    ["hire date before 1950", staffRow({ hiredOn: "1949-01-01" }), { column: "hiredOn", problem: "date", value: "1949-01-01" }],
    ["hire date more than a year ahead", staffRow({ hiredOn: "2028-01-01" }), { column: "hiredOn", problem: "dateFuture", value: "2028-01-01" }],
    ["leave date impossible", staffRow({ leftOn: "2023-02-29" }), { column: "leftOn", problem: "date", value: "2023-02-29" }],
    ["leave date more than a year ahead", staffRow({ leftOn: "2030/1/1" }), { column: "leftOn", problem: "dateFuture", value: "2030/1/1" }],
    ["left before hired", staffRow({ hiredOn: "2022-01-01", leftOn: "2021/12/31" }), { column: "leftOn", problem: "leftBeforeHired", value: "2021-12-31" }],
    ["credit code check character", staffRow({ creditCode: wrongCheckChar(CC1) }), { column: "creditCode", problem: "creditCode", value: wrongCheckChar(CC1) }],
    ["credit code format", staffRow({ creditCode: "12345" }), { column: "creditCode", problem: "creditCode", value: "12345" }],
  ];

  it.each(cases)("%s: one problem on line 2 and no row", (_what, row, expected) => {
    const { rows, problems } = checkTable([STAFF_HEADER, row], staffCtx);
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ line: 2, ...expected }]);
  });

  it("a credit code is required on every row when the file must name enterprises", () => {
    const { rows, problems } = checkTable([STAFF_HEADER, staffRow({ creditCode: CC1 }), staffRow({ mobile: "13800002222", id: ID2, creditCode: "" })], {
      ...staffCtx,
      requireCreditCode: true,
    });
    expect(rows.map((r) => [r.line, r.creditCode])).toEqual([[2, CC1]]);
    expect(problems).toEqual([{ line: 3, column: "creditCode", problem: "required" }]);
  });

  it("STUDENTS: class missing or over 50 characters", () => {
    const long = "班".repeat(60);
    const { rows, problems } = checkTable(
      [STUDENT_HEADER, ["赵六", "13700004444", "", "", "", ""], ["钱七", "13700005555", "", long, "", ""], ["孙八", "13700006666", "", "化工2301班", "", ""]],
      studentCtx,
    );
    expect(rows.map((r) => r.line)).toEqual([4]);
    expect(problems).toEqual([
      { line: 2, column: "className", problem: "required" },
      { line: 3, column: "className", problem: "nameTooLong", value: "班".repeat(50) },
    ]);
  });

  it("reports every problem of a row, and the right line after blank lines", () => {
    const { rows, problems } = checkTable(
      [
        STAFF_HEADER,
        staffRow(),
        ["", "", "", "", "", "", ""],
        staffRow({ name: "", mobile: "1380000", id: wrongCheck(ID2), position: "厨师", hiredOn: "2024-02-30", leftOn: "abc", creditCode: "X" }),
        staffRow({ mobile: "13800003333", id: ID3 }),
      ],
      staffCtx,
    );
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
    expect(problems.map((p) => [p.line, p.column, p.problem])).toEqual([
      [4, "name", "required"],
      [4, "mobile", "mobile"],
      [4, "idNumber", "id.checkDigit"],
      [4, "position", "position"],
      [4, "hiredOn", "date"],
      [4, "leftOn", "date"],
      [4, "creditCode", "creditCode"],
    ]);
  });

  it("never puts a full ID number in a problem", () => {
    const bad = wrongCheck(ID1);
    const { problems } = checkTable(
      [
        STAFF_HEADER,
        staffRow({ id: bad }),
        staffRow({ mobile: "13800002222", id: `${ID2}9` }), // 19 digits
        staffRow({ mobile: "13800003333", id: badRegion }),
        staffRow({ mobile: "13800004444", id: ID3 }),
        staffRow({ mobile: "13800005555", id: ID3 }), // duplicate
        staffRow({ mobile: "13800006666", id: futureBirth }),
      ],
      staffCtx,
    );
    expect(problems.map((p) => [p.line, p.problem])).toEqual([
      [2, "id.checkDigit"],
      [3, "id.format"],
      [4, "id.region"],
      [6, "duplicateInFile"],
      [7, "id.birthDate"],
    ]);
    const text = JSON.stringify(problems);
    for (const id of [bad, ID2, badRegion, ID3, futureBirth]) expect(text).not.toContain(id);
    for (const p of problems) expect(p.value).toMatch(/^\d{4}\*{10}[\dX*]{4}$/);
  });

  it("never echoes a full ID number typed into the mobile column", () => {
    // Mobile and ID columns swapped by the user: problem values are stored with the import.
    const { problems } = checkTable([STAFF_HEADER, staffRow({ mobile: ID1, id: "13800001111" })], staffCtx);
    expect(problems.map((p) => [p.column, p.problem])).toEqual([
      ["mobile", "mobile"],
      ["idNumber", "id.format"],
    ]);
    expect(JSON.stringify(problems)).not.toContain(ID1);
  });
});

describe("checkTable: duplicates in the file", () => {
  it("reports a repeated mobile on the later line, pointing at the first", () => {
    const { rows, problems } = checkTable(
      [STAFF_HEADER, staffRow({ id: "" }), staffRow({ name: "李四", mobile: "13900002222", id: "" }), staffRow({ name: "王五", mobile: "138 0000 1111", id: "" })],
      staffCtx,
    );
    expect(rows.map((r) => r.line)).toEqual([2, 3]);
    expect(problems).toEqual([{ line: 4, column: "mobile", problem: "duplicateInFile", value: "13800001111", otherLine: 2 }]);
  });

  it("reports a repeated ID number on the later line, masked, pointing at the first", () => {
    const { rows, problems } = checkTable(
      [STAFF_HEADER, staffRow({ id: idWithX }), staffRow({ mobile: "13900002222", id: ID2 }), staffRow({ mobile: "13900003333", id: idWithX.toLowerCase() })],
      staffCtx,
    );
    expect(rows.map((r) => r.line)).toEqual([2, 3]);
    expect(problems).toEqual([{ line: 4, column: "idNumber", problem: "duplicateInFile", value: maskResidentId(idWithX), otherLine: 2 }]);
  });

  it("every later repeat points at the first line, and a row repeating both is reported twice", () => {
    const { rows, problems } = checkTable(
      [STAFF_HEADER, ["", "", "", "", "", "", ""], staffRow(), staffRow(), staffRow({ id: "" })],
      staffCtx,
    );
    expect(rows.map((r) => r.line)).toEqual([3]);
    expect(problems).toEqual([
      { line: 4, column: "mobile", problem: "duplicateInFile", value: "13800001111", otherLine: 3 },
      { line: 4, column: "idNumber", problem: "duplicateInFile", value: maskResidentId(ID1), otherLine: 3 },
      { line: 5, column: "mobile", problem: "duplicateInFile", value: "13800001111", otherLine: 3 },
    ]);
  });

  it("an invalid mobile is not a duplicate", () => {
    const { problems } = checkTable([STAFF_HEADER, staffRow({ mobile: "123", id: "" }), staffRow({ mobile: "123", id: "" })], staffCtx);
    expect(problems.map((p) => [p.line, p.problem])).toEqual([
      [2, "mobile"],
      [3, "mobile"],
    ]);
  });

  it("STUDENTS: duplicates too", () => {
    const { problems } = checkTable(
      [STUDENT_HEADER, ["赵六", "13700004444", ID2, "化工2301班", "", ""], ["钱七", "13700004444", ID2, "化工2301班", "", ""]],
      studentCtx,
    );
    expect(problems).toEqual([
      { line: 3, column: "mobile", problem: "duplicateInFile", value: "13700004444", otherLine: 2 },
      { line: 3, column: "idNumber", problem: "duplicateInFile", value: maskResidentId(ID2), otherLine: 2 },
    ]);
  });
});

// ---- planRows -------------------------------------------------------------------------------------

const person = (over: Partial<Existing> = {}): Existing => ({
  id: "u1",
  mobile: "13800001111",
  name: "张三",
  role: "LEARNER",
  enterpriseId: "E",
  schoolId: null,
  positionCode: "TEAM_LEADER",
  className: null,
  hiredOn: "2024-03-01",
  leftOn: null,
  idNumberHash: `h:${ID1}`,
  idNumberMasked: maskResidentId(ID1),
  ...over,
});
const checked = (over: Partial<CheckedRow> = {}): CheckedRow => ({
  line: 2,
  name: "张三",
  mobile: "13800001111",
  idHash: `h:${ID1}`,
  idMasked: maskResidentId(ID1),
  positionCode: "TEAM_LEADER",
  className: null,
  hiredOn: "2024-03-01",
  leftOn: null,
  creditCode: null,
  ...over,
});
const planCtx = (existing: Existing[], over: Partial<PlanContext> = {}): PlanContext => ({
  kind: "STAFF",
  byMobile: new Map(existing.map((e) => [e.mobile, e])),
  byIdHash: new Map(existing.flatMap((e) => (e.idNumberHash ? [[e.idNumberHash, e] as const] : []))),
  orgOf: () => ({ id: "E" }),
  ...over,
});
const plan = (existing: Existing[], rows: CheckedRow[] = [checked()], over: Partial<PlanContext> = {}) => planRows(rows, planCtx(existing, over));

describe("planRows", () => {
  it("creates a person nobody matches", () => {
    const row = checked();
    expect(plan([], [row])).toEqual({ planned: [{ ...row, action: "create", userId: null, orgId: "E" }], problems: [] });
    // Someone else's mobile and ID do not match.
    expect(plan([person({ mobile: "13999999999", idNumberHash: "h:other" })], [row]).planned[0]).toMatchObject({ action: "create", userId: null });
  });

  it("leaves a person unchanged when the row says what the database holds", () => {
    const row = checked();
    expect(plan([person()], [row])).toEqual({ planned: [{ ...row, action: "unchanged", userId: "u1", orgId: "E" }], problems: [] });
  });

  it("an empty hire date or ID number in the file does not count as a change", () => {
    expect(plan([person()], [checked({ hiredOn: null, idHash: null, idMasked: null })]).planned[0]!.action).toBe("unchanged");
  });

  it.each<[string, Partial<CheckedRow>]>([
    ["name", { name: "张叁" }],
    ["position", { positionCode: "SAFETY_EXECUTIVE" }],
    ["leave date", { leftOn: "2026-11-01" }],
    ["hire date", { hiredOn: "2024-04-01" }],
    ["ID number", { idHash: `h:${ID2}`, idMasked: maskResidentId(ID2) }],
  ])("updates a person matched by mobile whose %s differs", (_what, over) => {
    expect(plan([person()], [checked(over)])).toEqual({
      planned: [{ ...checked(over), action: "update", userId: "u1", orgId: "E" }],
      problems: [],
    });
  });

  it("updates a person matched by mobile who had no ID number yet", () => {
    expect(plan([person({ idNumberHash: null, idNumberMasked: null })]).planned[0]).toMatchObject({ action: "update", userId: "u1" });
  });

  it("updates someone who left back onto the roster when the file has no leave date", () => {
    expect(plan([person({ leftOn: "2025-01-01" })], [checked({ leftOn: null })]).planned[0]).toMatchObject({ action: "update", userId: "u1" });
  });

  it("matches by ID number when the mobile changed, and updates the mobile", () => {
    const row = checked({ mobile: "13900009999" });
    expect(plan([person()], [row])).toEqual({ planned: [{ ...row, action: "update", userId: "u1", orgId: "E" }], problems: [] });
  });

  it("refuses a mobile and an ID number of two different people", () => {
    const two = [person(), person({ id: "u2", mobile: "13900009999", idNumberHash: `h:${ID2}`, idNumberMasked: maskResidentId(ID2) })];
    const row = checked({ idHash: `h:${ID2}`, idMasked: maskResidentId(ID2) });
    expect(plan(two, [row])).toEqual({
      planned: [],
      problems: [{ line: 2, column: "idNumber", problem: "idMobileConflict", value: maskResidentId(ID2) }],
    });
  });

  it.each(["ENTERPRISE_ADMIN", "SCHOOL_ADMIN", "PROVIDER", "REGULATOR", "ADMIN"])("refuses the mobile of a %s", (role) => {
    expect(plan([person({ role, enterpriseId: null })])).toEqual({
      planned: [],
      problems: [{ line: 2, column: "mobile", problem: "notLearner", value: "13800001111" }],
    });
  });

  it("refuses a non-learner found by ID number too", () => {
    expect(plan([person({ role: "ADMIN", mobile: "13999999999" })]).problems).toEqual([
      { line: 2, column: "mobile", problem: "notLearner", value: "13800001111" },
    ]);
  });

  it("refuses someone still with another enterprise, allows them once they left it", () => {
    expect(plan([person({ enterpriseId: "OTHER" })])).toEqual({
      planned: [],
      problems: [{ line: 2, column: "mobile", problem: "otherOrganisation", value: "13800001111" }],
    });
    expect(plan([person({ enterpriseId: "OTHER", leftOn: "2025-01-01" })])).toEqual({
      planned: [{ ...checked(), action: "update", userId: "u1", orgId: "E" }],
      problems: [],
    });
  });

  it("STAFF: refuses a student still at a school, allows one who left it", () => {
    expect(plan([person({ enterpriseId: null, schoolId: "S", positionCode: null, className: "化工2301班" })]).problems).toEqual([
      { line: 2, column: "mobile", problem: "otherOrganisation", value: "13800001111" },
    ]);
    expect(plan([person({ enterpriseId: null, schoolId: "S", leftOn: "2025-07-01" })]).planned[0]).toMatchObject({ action: "update", userId: "u1", orgId: "E" });
  });

  it("allows a learner with no organisation", () => {
    expect(plan([person({ enterpriseId: null })]).planned[0]).toMatchObject({ action: "update", userId: "u1", orgId: "E" });
  });

  it("STUDENTS: create, unchanged, update by class, and another school", () => {
    const student = person({ enterpriseId: null, schoolId: "S", positionCode: null, className: "化工2301班", hiredOn: "2023-09-01" });
    const row = checked({ positionCode: null, className: "化工2301班", hiredOn: "2023-09-01" });
    const students = (existing: Existing[], r: CheckedRow) => plan(existing, [r], { kind: "STUDENTS", orgOf: () => ({ id: "S" }) });
    expect(students([], row).planned[0]).toMatchObject({ action: "create", orgId: "S" });
    expect(students([student], row).planned[0]).toMatchObject({ action: "unchanged", userId: "u1", orgId: "S" });
    expect(students([student], { ...row, className: "化工2302班" }).planned[0]).toMatchObject({ action: "update", userId: "u1" });
    expect(students([{ ...student, schoolId: "S2" }], row).problems).toEqual([{ line: 2, column: "mobile", problem: "otherOrganisation", value: "13800001111" }]);
    expect(students([{ ...student, schoolId: "S2", leftOn: "2025-07-01" }], row).planned[0]).toMatchObject({ action: "update", orgId: "S" });
    // A student who is still staff of an enterprise is that enterprise's.
    expect(students([{ ...student, schoolId: null, enterpriseId: "E" }], row).problems[0]!.problem).toBe("otherOrganisation");
  });

  it("refuses two lines that name the same person (one by mobile, one by ID number)", () => {
    const rows = [checked({ idHash: null, idMasked: null }), checked({ line: 3, mobile: "13900009999" })];
    const out = plan([person()], rows);
    expect(out.planned).toEqual([{ ...rows[0]!, action: "unchanged", userId: "u1", orgId: "E" }]);
    expect(out.problems).toEqual([{ line: 3, column: "mobile", problem: "samePersonInFile", value: "13900009999", otherLine: 2 }]);
  });

  it("reports the organisation problems on the credit-code column", () => {
    for (const problem of ["enterpriseUnknown", "enterpriseOutOfScope", "enterpriseNotOwn"] as const) {
      expect(plan([person()], [checked({ creditCode: CC1 })], { orgOf: () => ({ problem }) })).toEqual({
        planned: [],
        problems: [{ line: 2, column: "creditCode", problem, value: CC1 }],
      });
    }
    expect(plan([], [checked()], { orgOf: () => ({ problem: "enterpriseUnknown" }) }).problems).toEqual([
      { line: 2, column: "creditCode", problem: "enterpriseUnknown", value: "" },
    ]);
  });

  it("asks the organisation of each row and plans it there", () => {
    const byCode = new Map([
      [CC1, "E1"],
      [CC2, "E2"],
    ]);
    const rows = [checked({ creditCode: CC1 }), checked({ line: 3, mobile: "13900002222", idHash: null, idMasked: null, creditCode: CC2 }), checked({ line: 4, mobile: "13900003333", idHash: null, idMasked: null, creditCode: wrongCheckChar(CC2) })];
    const seen: number[] = [];
    const out = plan([person({ enterpriseId: "E1" })], rows, {
      orgOf: (row) => {
        seen.push(row.line);
        const id = byCode.get(row.creditCode ?? "");
        return id ? { id } : { problem: "enterpriseUnknown" };
      },
    });
    expect(seen).toEqual([2, 3, 4]);
    expect(out.planned.map((r) => [r.line, r.action, r.orgId])).toEqual([
      [2, "unchanged", "E1"],
      [3, "create", "E2"],
    ]);
    expect(out.problems).toEqual([{ line: 4, column: "creditCode", problem: "enterpriseUnknown", value: wrongCheckChar(CC2) }]);
  });

  it("compares with the organisation orgOf gives; someone listed as having left, as they did, is unchanged", () => {
    expect(plan([person({ enterpriseId: "E1", leftOn: null })], [checked()], { orgOf: () => ({ id: "E1" }) }).planned[0]!.action).toBe("unchanged");
    expect(plan([person({ enterpriseId: "E", leftOn: "2026-01-01" })], [checked({ leftOn: "2026-01-01" })]).planned[0]!.action).toBe("unchanged");
  });
});

// ---- summarise ------------------------------------------------------------------------------------

describe("summarise", () => {
  const row = (line: number, action: PlannedRow["action"]): PlannedRow => ({ ...checked({ line }), action, userId: action === "create" ? null : "u", orgId: "E" });

  it("counts each action, the people leaving and the distinct bad lines", () => {
    const planned = [row(2, "create"), row(3, "create"), row(4, "update"), row(5, "unchanged"), row(6, "unchanged"), row(7, "unchanged")];
    const problems: Problem[] = [
      { line: 8, column: "mobile", problem: "mobile" },
      { line: 8, column: "name", problem: "required" },
      { line: 9, column: "idNumber", problem: "id.checkDigit" },
      { line: 9, column: "mobile", problem: "duplicateInFile", otherLine: 2 },
      { line: 10, column: "creditCode", problem: "enterpriseUnknown" },
    ];
    expect(summarise(planned, problems, 4)).toEqual({ rows: 9, create: 2, update: 1, unchanged: 3, leave: 4, bad: 3 });
  });

  it("leave defaults to 0; nothing gives all zeros", () => {
    expect(summarise([row(2, "update")], [])).toEqual({ rows: 1, create: 0, update: 1, unchanged: 0, leave: 0, bad: 0 });
    expect(summarise([], [])).toEqual({ rows: 0, create: 0, update: 0, unchanged: 0, leave: 0, bad: 0 });
  });

  it("check, plan and summary of one file together", () => {
    const table = [
      STAFF_HEADER,
      staffRow(), // 2: Zhang San as the database holds him
      staffRow({ name: "李四", mobile: "13900002222", id: ID2, position: "主要负责人" }), // 3: new
      staffRow({ name: "王五", mobile: "13900003333", id: "", position: "SAFETY_EXECUTIVE" }), // 4: position changed
      ["", "", "", "", "", "", ""], // 5: blank
      staffRow({ name: "赵六", mobile: "1390000", id: "" }), // 6: bad mobile
      staffRow({ name: "钱七", mobile: "13900002222", id: wrongCheck(ID3) }), // 7: duplicate mobile and bad ID: one bad line
      staffRow({ name: "孙八", mobile: "13900008888", id: "" }), // 8: an administrator
    ];
    const c = checkTable(table, staffCtx);
    expect(c.rows.map((r) => r.line)).toEqual([2, 3, 4, 8]);
    const p = plan(
      [person(), person({ id: "u3", name: "王五", mobile: "13900003333", idNumberHash: null, idNumberMasked: null }), person({ id: "u8", mobile: "13900008888", role: "ENTERPRISE_ADMIN", idNumberHash: null, idNumberMasked: null })],
      c.rows,
    );
    expect(p.planned.map((r) => [r.line, r.action])).toEqual([
      [2, "unchanged"],
      [3, "create"],
      [4, "update"],
    ]);
    const problems = [...c.problems, ...p.problems];
    expect(problems.map((x) => [x.line, x.problem])).toEqual([
      [6, "mobile"],
      [7, "id.checkDigit"],
      [7, "duplicateInFile"],
      [8, "notLearner"],
    ]);
    expect(summarise(p.planned, problems, 1)).toEqual({ rows: 6, create: 1, update: 1, unchanged: 1, leave: 1, bad: 3 });
  });
});
