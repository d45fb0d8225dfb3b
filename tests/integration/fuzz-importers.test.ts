// Property-based tests of the roster importer (issue 9, bad input): features/rosters/parse.ts reading the
// file and previewImport/commitImport in features/rosters/data.ts, against a real database. Malformed
// files — random bytes, truncated workbooks, zips that are not workbooks, workbooks with wrong headers,
// random cell types (formulas, rich text, errors, dates, NaN), empty sheets, enormous cells, duplicate rows,
// invalid ID numbers, mobiles and dates, CSV text of any encoding — must end in a clear error (a typed
// AppError whose message key exists, or per-row problems whose keys exist) and never in a partial write:
// users, classes, audit events and pending imports are counted before and after every input, and the
// commit of a preview with problems writes nothing.
//
// Inputs run: 200 unreadable files + 200 workbooks + 120 CSV files + 80 damaged workbooks = 600
// malformed files, each previewed and (when it was read) committed.
import { crc32 } from "node:zlib";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { demoCreditCode } from "@/features/demo/seed";
import { commitImport, discardImport, previewImport } from "@/features/rosters/data";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import messages from "@/messages/zh-CN.json";
import type { SessionUser } from "@/lib/session";
import { nastyNumber, nastyString, text, validMobile, validResidentId } from "../unit/fuzz/arbitraries";
import { enterpriseWithAdmin, loadDemo, sessionOf } from "./support";

const NOW = new Date("2026-11-23T04:00:00Z");
const PASSWORD = "Initial-2026";

/** Does messages/zh-CN.json hold this key (a.b.c)? */
function hasMessage(key: string): boolean {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object" || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

/** What an import may write: rows that matter must not change when the input is refused. */
async function counts() {
  const [users, classes, pending, imports, audit] = await Promise.all([
    db.user.count(),
    db.schoolClass.count(),
    db.rosterImport.count({ where: { status: "PREVIEW" } }),
    db.rosterImport.count(),
    db.auditEvent.count(),
  ]);
  return { users, classes, pending, imports, audit };
}

// ---- Who imports --------------------------------------------------------------------------------

type Importer = { user: SessionUser; kind: "STAFF" | "STUDENTS"; header: string[] };
const STAFF_HEADER = ["姓名", "手机号", "身份证号（选填）", "岗位类别", "入职日期", "离职日期（选填）"];
const STUDENT_HEADER = ["姓名", "手机号", "身份证号", "班级", "入学日期", "离校日期"];
const importers: Importer[] = [];

beforeAll(async () => {
  await loadDemo();
  const adminMobile = "17799980001";
  await enterpriseWithAdmin({ creditCode: demoCreditCode("510402", "FC0000001"), name: "东区模糊测试建材有限公司", adminMobile, adminName: "模糊测试管理员" });
  importers.push(
    { user: await sessionOf(adminMobile), kind: "STAFF", header: STAFF_HEADER },
    { user: await sessionOf("13800000004"), kind: "STUDENTS", header: STUDENT_HEADER }, // school admin
    { user: await sessionOf("13800000001"), kind: "STAFF", header: [...STAFF_HEADER, "统一社会信用代码"] }, // city regulator: a credit code per row
  );
  realWorkbook = await workbook(STAFF_HEADER, [
    ["甲", "17788880001", "", "一线班组长", "2020-03-01", ""],
    ["乙", "17788880002", "", "TEAM_LEADER", "2021/5/6", ""],
  ]);
});

let realWorkbook: Buffer = Buffer.alloc(0);

// ---- Files ----------------------------------------------------------------------------------------

type Cell = ExcelJS.CellValue;

async function workbook(header: Cell[] | null, rows: Cell[][], opts: { sheets?: number } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("花名册");
  if (header) sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  for (let i = 1; i < (opts.sheets ?? 1); i++) book.addWorksheet(`其他${i}`).addRow(["姓名", "手机号"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A zip of the given entries, stored (no compression): a zip that is not a workbook. */
function zip(files: { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, "utf8");
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(f.data.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(f.data.length, 20);
    entry.writeUInt32LE(f.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, name, f.data);
    central.push(entry, name);
    offset += 30 + name.length + f.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const bytes = (max: number) => fc.uint8Array({ minLength: 1, maxLength: max }).map((a) => Buffer.from(a));

const ZIP_NAMES = ["hello.txt", "[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels", "docProps/app.xml", "../../evil.txt", "a/".repeat(100) + "b"];
const XML_GARBAGE = [
  "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>99999</v></c></row></sheetData></worksheet>",
  "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><x>&b;</x>",
  "<workbook><sheets><sheet name=\"花名册\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
  "<sst><si><t>姓名</t></si>",
  "not xml at all",
];

/** Files that are not a readable workbook: nothing but a typed error may come of them. */
const unreadableFile: fc.Arbitrary<{ what: string; name: string; data: Buffer }> = fc.oneof(
  bytes(4096).filter((b) => !(b[0] === 0x50 && b[1] === 0x4b)).map((data) => ({ what: "random bytes", name: "roster.xlsx", data })),
  bytes(4096).map((b) => ({ what: "PK and random bytes", name: "roster.xlsx", data: Buffer.concat([Buffer.from("PK"), b]) })),
  fc.constant({ what: "empty", name: "roster.xlsx", data: Buffer.alloc(0) }),
  fc
    .array(fc.record({ name: fc.constantFrom(...ZIP_NAMES), data: fc.oneof(bytes(512), fc.constantFrom(...XML_GARBAGE).map((s) => Buffer.from(s))) }), { minLength: 0, maxLength: 6 })
    .map((files) => ({ what: "a zip that is not a workbook", name: "roster.xlsx", data: zip(files) })),
  fc.nat().map((n) => ({ what: "a truncated workbook", name: "roster.xlsx", data: realWorkbook.subarray(0, 2 + (n % Math.max(1, realWorkbook.length - 400))) })),
  nastyString.map((s) => ({ what: "text named xlsx", name: "名单.XLSX", data: Buffer.from(`${s}-not a zip`) })),
);

// ---- Rows -----------------------------------------------------------------------------------------

/** Any cell exceljs can write: text of every kind, edge numbers, dates, booleans, formulas, rich text, links, errors. */
const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  { arbitrary: nastyString.map((s) => s.slice(0, 40_000)), weight: 5 },
  { arbitrary: nastyNumber, weight: 2 },
  { arbitrary: fc.date({ min: new Date("0100-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }), weight: 1 },
  { arbitrary: fc.constantFrom<Cell>(true, false, null), weight: 1 },
  { arbitrary: fc.record({ formula: fc.constantFrom("A1*2", "NOW()", "1/0", "\"13800000000\"", "SUM(A:A)", "DATE(2026,2,30)"), result: fc.oneof(nastyString, nastyNumber, fc.constant(undefined)) }) as fc.Arbitrary<Cell>, weight: 1 },
  { arbitrary: nastyString.map((s) => ({ richText: [{ text: s.slice(0, 1000) }, { font: { bold: true }, text: "粗" }] }) as Cell), weight: 1 },
  { arbitrary: nastyString.map((s) => ({ text: s.slice(0, 1000), hyperlink: "https://example.com/" }) as Cell), weight: 1 },
  { arbitrary: fc.constantFrom<Cell>({ error: "#N/A" } as Cell, { error: "#DIV/0!" } as Cell, { error: "#REF!" } as Cell), weight: 1 },
);

const goodRow = (kind: "STAFF" | "STUDENTS", regional: boolean) =>
  fc.tuple(text(1, 10), validMobile, fc.oneof(validResidentId, fc.constant("")), fc.constantFrom("一线班组长", "TEAM_LEADER", "专职安全管理人员")).map(([name, mobile, id, position]): Cell[] => {
    const row: Cell[] = [name, mobile, id, kind === "STAFF" ? position : "2026级模糊1班", "2020-03-01", ""];
    return regional ? [...row, demoCreditCode("510402", "FC0000001")] : row;
  });

/** A row the rules must refuse, by construction: each kind breaks exactly one rule of a good row. */
const badRow = (kind: "STAFF" | "STUDENTS", regional: boolean) =>
  fc
    .tuple(
      goodRow(kind, regional),
      fc.oneof(
        nastyString.filter((s) => !/^1[3-9]\d{9}$/.test(s.trim().replace(/[\s-]/g, ""))).map((v) => [1, v] as const),
        validResidentId.map((id) => [2, id.slice(0, 17) + (id[17] === "0" ? "1" : "0")] as const),
        fc.constantFrom("2026-02-30", "2026-13-01", "1949-12-31", "明天", "20261340", "2099-01-01").map((v) => [4, v] as const),
        fc.constantFrom("", " ", "字".repeat(51)).map((v) => [0, v] as const),
        ...(kind === "STAFF" ? [fc.constantFrom("厨师", "保安队长", "TEAM-LEADER", "\u0000").map((v) => [3, v] as const)] : [fc.constantFrom("", "班".repeat(51)).map((v) => [3, v] as const)]),
      ),
    )
    .map(([row, [column, value]]) => {
      const out = [...row];
      out[column] = value;
      return out;
    });

/** A table with at least one bad row (or a bad header): the preview must report problems. */
const table = (importer: Importer) => {
  const regional = importer.header.length > 6;
  const header = fc.oneof(
    { arbitrary: fc.constant<Cell[] | null>(importer.header), weight: 6 },
    { arbitrary: fc.shuffledSubarray(importer.header, { minLength: 1 }).map((h): Cell[] => [...h, "备注"]), weight: 1 },
    { arbitrary: fc.array(anyCell, { minLength: 1, maxLength: 8 }), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
  );
  const row = fc.oneof(
    { arbitrary: goodRow(importer.kind, regional), weight: 3 },
    { arbitrary: badRow(importer.kind, regional), weight: 2 },
    { arbitrary: fc.array(anyCell, { maxLength: 9 }), weight: 2 },
    { arbitrary: fc.constant<Cell[]>([]), weight: 1 },
  );
  return fc
    .tuple(header, fc.array(row, { maxLength: 12 }), badRow(importer.kind, regional), fc.nat(), fc.boolean())
    .map(([h, rows, bad, at, duplicate]) => {
      const body = [...rows];
      body.splice(at % (body.length + 1), 0, bad);
      // A duplicate of a row already in the file: the later line is a problem.
      if (duplicate && body.length > 0) body.push([...body[at % body.length]!]);
      return { header: h, rows: body };
    });
};

// ---- The property ----------------------------------------------------------------------------------

type Outcome = "refused" | "problems" | "readable";

/**
 * Previews a malformed file and checks the outcome: a typed error whose key exists with nothing written,
 * or a preview whose every problem key exists, that left users, classes, audit and pending imports as
 * they were and whose commit is refused and writes nothing. Returns which it was.
 */
async function previewMalformed(importer: Importer, fileName: string, data: Buffer, opts: { mustHaveProblems: boolean }): Promise<Outcome> {
  const before = await counts();
  let preview: Awaited<ReturnType<typeof previewImport>>;
  try {
    preview = await previewImport(importer.user, { kind: importer.kind, fileName, bytes: data, fullRoster: false }, NOW);
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    expect(hasMessage((error as AppError).message), (error as AppError).message).toBe(true);
    expect(await counts()).toEqual(before);
    return "refused";
  }
  const after = await counts();
  if (preview.problems.length === 0) {
    // A damaged file that still reads as a good roster: staged for confirmation only, nothing imported.
    expect(opts.mustHaveProblems, `no problem found in ${fileName}`).toBe(false);
    expect(preview.status).toBe("PREVIEW");
    expect(after).toEqual({ ...before, pending: before.pending + 1, imports: before.imports + 1 });
    await discardImport(importer.user, preview.id);
    return "readable";
  }
  expect(preview.status).toBe("DISCARDED");
  for (const p of preview.problems) expect(hasMessage(`roster.problem.${p.problem}`), p.problem).toBe(true);
  // Only the record of the check is kept (its problems, for the page): nothing staged, nothing imported.
  expect(after).toEqual({ ...before, imports: before.imports + 1 });
  await expect(commitImport(importer.user, preview.id, PASSWORD, NOW)).rejects.toMatchObject({ code: "CONFLICT", message: "roster.notPending" });
  expect(await counts()).toEqual(after);
  return "problems";
}

const importerArb = fc.nat().map((n) => importers[n % importers.length]!);

describe("the roster importer, given malformed files", () => {
  it("refuses a file that is not a workbook with a typed error, writing nothing", async () => {
    await fc.assert(
      fc.asyncProperty(importerArb, unreadableFile, async (importer, file) => {
        const outcome = await previewMalformed(importer, file.name, file.data, { mustHaveProblems: true });
        expect(outcome, file.what).toBe("refused");
      }),
      { numRuns: 200 },
    );
  }, 600_000);

  it("reports every bad row of a workbook (wrong headers, random cells, formulas, huge cells, duplicates, bad IDs, mobiles, dates) and imports nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        importerArb.chain((importer) => fc.tuple(fc.constant(importer), table(importer), fc.integer({ min: 1, max: 3 }), nastyString.map((s) => `${s.slice(0, 300)}.xlsx`))),
        async ([importer, t, sheets, fileName]) => {
          const data = await workbook(t.header, t.rows, { sheets });
          await previewMalformed(importer, fileName, data, { mustHaveProblems: true });
        },
      ),
      { numRuns: 200 },
    );
  }, 600_000);

  it("reads CSV text of any encoding and content into problems or a typed error, importing nothing", async () => {
    const csvCell = (c: Cell) => {
      const s = c instanceof Date ? c.toISOString() : typeof c === "object" && c !== null ? JSON.stringify(c) : String(c ?? "");
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    await fc.assert(
      fc.asyncProperty(
        importerArb.chain((importer) =>
          fc.tuple(
            fc.constant(importer),
            fc.oneof(
              table(importer).map((t) => [t.header ?? [], ...t.rows].map((r) => r.map(csvCell).join(",")).join("\r\n")),
              nastyString,
              fc.constantFrom("\"unterminated,quote\n1,2", "姓名,手机号\n\"a\"b\",\"", "\uFEFF\uFEFF姓名", ",,,,\n,,,,", "a\u0000b,c\nd,e"),
            ),
            fc.constantFrom<BufferEncoding | "gb18030">("utf8", "utf16le", "latin1", "gb18030"),
            fc.constantFrom("roster.csv", "名单.CSV", "x.txt"),
          ),
        ),
        async ([importer, csv, encoding, fileName]) => {
          const data = encoding === "gb18030" ? Buffer.concat([Buffer.from([0xb9, 0xfa]), Buffer.from(csv, "utf8")]) : Buffer.from(csv, encoding);
          fc.pre(data.length > 0); // the empty file is the unreadable property's
          await previewMalformed(importer, fileName, data, { mustHaveProblems: true });
        },
      ),
      { numRuns: 120 },
    );
  }, 600_000);

  it("a damaged workbook (bytes overwritten inside it) is refused, or read with nothing imported", async () => {
    await fc.assert(
      fc.asyncProperty(importerArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), async (importer, damage) => {
        const data = Buffer.from(realWorkbook);
        for (const [at, value] of damage) data[at % data.length] = value;
        // Damage may leave it readable: then any outcome but an unexpected error or a write is fine.
        await previewMalformed(importer, "damaged.xlsx", data, { mustHaveProblems: false });
      }),
      { numRuns: 80 },
    );
  }, 600_000);
});
