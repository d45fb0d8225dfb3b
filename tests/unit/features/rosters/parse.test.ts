// Reading uploaded rosters into text cells: real xlsx and csv files built in memory with exceljs, UTF-8
// (with and without BOM) and GB18030/GBK csv, and the files that cannot be read.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { decodeCsv, readTable, UnreadableFile } from "@/features/rosters/parse";
import { checkTable } from "@/features/rosters/rules";
import { residentIdCheckDigit } from "@/lib/identifiers";

const idOf = (first17: string) => first17 + residentIdCheckDigit(first17);
const ID1 = idOf("51040219900110123");
const ID2 = idOf("51040319851231456");

/** An ID number whose check digit is X (found, not hard-coded). */
const ID_X = (() => {
  for (let n = 100; n < 1000; n++) {
    const first17 = `51040219900110${n}`;
    if (residentIdCheckDigit(first17) === "X") return first17 + "X";
  }
  throw new Error("no ID with check digit X");
})();

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// iconv-lite is not installed: build GBK bytes from the platform's own GBK decoder, reversed. Every
// two-byte GBK sequence is decoded once; ASCII stays one byte.
const GBK = (() => {
  const decoder = new TextDecoder("gbk");
  const out = new Map<string, [number, number]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const s = decoder.decode(Uint8Array.of(a, b));
      if (s.length === 1 && s !== "\ufffd" && !out.has(s)) out.set(s, [a, b]);
    }
  }
  return out;
})();
function gbk(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = GBK.get(ch);
      if (!pair) throw new Error(`no GBK bytes for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

const ctx = {
  kind: "STAFF" as const,
  positions: [{ code: "TEAM_LEADER", name: "一线班组长" }],
  hashId: (id: string) => `h:${id}`,
  requireCreditCode: false,
  today: new Date("2026-11-23T04:00:00Z"),
};

describe("readTable: xlsx", () => {
  it("reads numbers as integers, text as text, dates as the calendar day, rich text joined", async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet("名单");
      ws.addRow(["姓名", "手机号", "身份证号", "岗位类别", "入职日期"]);
      ws.addRow([{ richText: [{ text: "张" }, { font: { bold: true }, text: "三" }] }, 13800001111, ID1, "一线班组长", new Date(Date.UTC(2024, 2, 1))]);
      ws.addRow([" 李四 ", 13900002222, ID_X, "TEAM_LEADER", "2024/3/1"]);
    });
    const table = await readTable("名单.xlsx", bytes);
    expect(table).toEqual([
      ["姓名", "手机号", "身份证号", "岗位类别", "入职日期"],
      ["张三", "13800001111", ID1, "一线班组长", "2024-03-01"],
      ["李四", "13900002222", ID_X, "TEAM_LEADER", "2024/3/1"],
    ]);
    const { rows, problems } = checkTable(table, ctx);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.name, r.mobile, r.idHash, r.hiredOn])).toEqual([
      [2, "张三", "13800001111", `h:${ID1}`, "2024-03-01"],
      [3, "李四", "13900002222", `h:${ID_X}`, "2024-03-01"],
    ]);
  });

  it("a date cell late in the day is still that day", async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet("名单");
      ws.addRow(["入职日期", "离职日期"]);
      ws.addRow([new Date(Date.UTC(2024, 2, 1, 23, 30)), new Date(Date.UTC(2024, 1, 29))]);
    });
    expect((await readTable("a.xlsx", bytes))[1]).toEqual(["2024-03-01", "2024-02-29"]);
  });

  it("formula results, hyperlink text, booleans, decimals; errors and empty cells as empty text", async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet("名单");
      ws.addRow(["a", "b", "c", "d", "e", "f", "g"]);
      ws.addRow([
        { formula: "13800000000+1111", result: 13800001111 },
        { formula: "A1", result: new Date(Date.UTC(2024, 0, 2)) },
        { text: "王五", hyperlink: "mailto:wangwu@example.com" },
        true,
        1.5,
        { error: "#N/A" },
        null,
      ]);
    });
    expect((await readTable("a.xlsx", bytes))[1]).toEqual(["13800001111", "2024-01-02", "王五", "TRUE", "1.5", "", ""]);
  });

  it("keeps missing rows as empty rows, so lines match the spreadsheet", async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet("名单");
      ws.getRow(1).values = ["姓名", "手机号", "岗位类别"];
      ws.getRow(2).values = ["张三", 13800001111, "一线班组长"];
      ws.getRow(4).values = ["李四", 1390000, "一线班组长"];
      ws.getRow(5).values = ["王五"]; // a short row is padded to the table's width
    });
    const table = await readTable("a.xlsx", bytes);
    expect(table).toEqual([
      ["姓名", "手机号", "岗位类别"],
      ["张三", "13800001111", "一线班组长"],
      ["", "", ""],
      ["李四", "1390000", "一线班组长"],
      ["王五", "", ""],
    ]);
    expect(checkTable(table, ctx).problems.map((p) => [p.line, p.column, p.problem])).toEqual([
      [4, "mobile", "mobile"],
      [5, "mobile", "required"],
      [5, "position", "required"],
    ]);
  });

  it("reads only the first worksheet", async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet("名单").addRow(["姓名"]);
      wb.addWorksheet("说明").addRow(["填写说明"]);
    });
    expect(await readTable("a.xlsx", bytes)).toEqual([["姓名"]]);
  });

  it("a large sheet of Chinese text reads back exactly (no character broken between two chunks of the zip)", async () => {
    // exceljs's streaming reader decoded each chunk on its own: one cell in 100,000 rows came out as
    // "2009\ufffd\ufffd6月3日" (issue 8). Thousands of distinct Chinese strings cross many chunk boundaries.
    const names = Array.from({ length: 20_000 }, (_, i) => `测试人员${"甲乙丙丁戊己庚辛壬癸"[i % 10]}${i}号（${2000 + (i % 25)}年${1 + (i % 12)}月入职）`);
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet("名单");
      ws.addRow(["姓名", "备注"]);
      for (const n of names) ws.addRow([n, `班组：${n.slice(4)}`]);
    });
    const table = await readTable("a.xlsx", bytes);
    expect(table).toHaveLength(names.length + 1);
    expect(table.slice(1).map((r) => r[0])).toEqual(names);
    expect(table.slice(1).map((r) => r[1])).toEqual(names.map((n) => `班组：${n.slice(4)}`));
  }, 30_000);

  it("stops reading a sheet past the row limit (the rules then refuse it as too long)", async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet("名单");
      ws.addRow(["姓名", "手机号", "岗位类别"]);
      for (let i = 0; i < 50; i++) ws.addRow([`人${i}`, `1380000${String(i).padStart(4, "0")}`, "一线班组长"]);
    });
    expect(await readTable("a.xlsx", bytes, 10)).toHaveLength(1 + 11);
    expect(await readTable("a.xlsx", bytes)).toHaveLength(51);
  });

  it("the extension decides, in any case", async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet("名单").addRow(["姓名", 13800001111]);
    });
    expect(await readTable("ROSTER.XLSX", bytes)).toEqual([["姓名", "13800001111"]]);
  });
});

describe("readTable: csv", () => {
  it("UTF-8 with a BOM: the BOM is not part of the first header", async () => {
    const text = `姓名,手机号,身份证号,岗位类别,入职日期\r\n张三,13800001111,${ID1},一线班组长,2024-03-01\r\n`;
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    const table = await readTable("名单.csv", bytes);
    expect(table).toEqual([
      ["姓名", "手机号", "身份证号", "岗位类别", "入职日期"],
      ["张三", "13800001111", ID1, "一线班组长", "2024-03-01"],
    ]);
    expect(table[0]![0]).toBe("姓名");
    expect(checkTable(table, ctx).rows).toHaveLength(1);
  });

  it("UTF-8 without a BOM", async () => {
    expect(await readTable("a.csv", Buffer.from("姓名,手机号\n张三,13800001111\n", "utf8"))).toEqual([
      ["姓名", "手机号"],
      ["张三", "13800001111"],
    ]);
  });

  it("GB18030 (GBK, as Excel in China saves csv)", async () => {
    const bytes = gbk(`姓名,手机号,身份证号,岗位类别\r\n张三,13800001111,${ID1},一线班组长\r\n李四,13900002222,,一线班组长\r\n`);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb])); // "姓名" in GBK
    const table = await readTable("名单.csv", bytes);
    expect(table).toEqual([
      ["姓名", "手机号", "身份证号", "岗位类别"],
      ["张三", "13800001111", ID1, "一线班组长"],
      ["李四", "13900002222", "", "一线班组长"],
    ]);
    const { rows, problems } = checkTable(table, ctx);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.name)).toEqual(["张三", "李四"]);
  });

  it("keeps 18-digit ID numbers, leading zeros and dates exactly as written (no numbers, no dates)", async () => {
    const ids = [ID1, ID2, ID_X, "510402199001101234", "999999999999999999"];
    const text = ["身份证号,其他", ...ids.map((id) => `${id},x`), "0012,1e3", "2024-03-01,20240301", "TRUE,#N/A"].join("\n");
    const table = await readTable("a.csv", Buffer.from(text, "utf8"));
    expect(table.slice(1, 6).map((r) => r[0])).toEqual(ids);
    expect(table.slice(6)).toEqual([
      ["0012", "1e3"],
      ["2024-03-01", "20240301"],
      ["TRUE", "#N/A"],
    ]);
    // What floating point would have made of them:
    expect(String(Number("510402199001101234"))).not.toBe("510402199001101234");
  });

  it("keeps blank lines as empty rows, trims cells and reads quoted cells", async () => {
    const table = await readTable("a.csv", Buffer.from('姓名,手机号,备注\n\n" 张三 ",138 0000 1111,"a, ""b"""\n李四\n', "utf8"));
    expect(table).toEqual([
      ["姓名", "手机号", "备注"],
      ["", "", ""],
      ["张三", "138 0000 1111", 'a, "b"'],
      ["李四", "", ""],
    ]);
  });

  it(".txt and upper-case .CSV are read as csv", async () => {
    const bytes = Buffer.from("姓名,手机号\n张三,13800001111\n", "utf8");
    expect(await readTable("a.txt", bytes)).toEqual([
      ["姓名", "手机号"],
      ["张三", "13800001111"],
    ]);
    expect(await readTable("A.CSV", bytes)).toEqual(await readTable("a.txt", bytes));
  });
});

describe("decodeCsv", () => {
  it("GBK bytes of 姓名", () => {
    expect(decodeCsv(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]))).toBe("姓名");
  });

  it("the GBK helper of this file agrees with the platform decoder", () => {
    const text = "姓名,手机号,身份证号,岗位类别,一线班组长,统一社会信用代码,攀枝花市钒钛";
    expect(new TextDecoder("gbk").decode(gbk(text))).toBe(text);
  });

  it("a GB18030 four-byte sequence", () => {
    // U+0080 is 81 30 81 30 in GB18030 (not representable in GBK).
    expect(decodeCsv(Buffer.from([0x81, 0x30, 0x81, 0x30]))).toBe("\u0080");
  });

  it("UTF-8, with the BOM removed", () => {
    expect(decodeCsv(Buffer.from("姓名", "utf8"))).toBe("姓名");
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("姓名", "utf8")]))).toBe("姓名");
    expect(decodeCsv(Buffer.from("name,mobile", "utf8"))).toBe("name,mobile");
  });
});

describe("readTable: unreadable files", () => {
  const reasonOf = async (fileName: string, bytes: Buffer) => {
    try {
      await readTable(fileName, bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(UnreadableFile);
      expect(error).toBeInstanceOf(Error);
      return (error as UnreadableFile).reason;
    }
    throw new Error("readTable did not throw");
  };

  it("a csv named .xlsx is not an xlsx file", async () => {
    expect(await reasonOf("名单.xlsx", Buffer.from("姓名,手机号\n张三,13800001111\n", "utf8"))).toBe("format");
  });

  it("a zip that is not a workbook, and an old .xls file, are refused", async () => {
    expect(await reasonOf("a.xlsx", Buffer.from("PK\u0003\u0004 not really a zip", "latin1"))).toBe("format");
    expect(await reasonOf("a.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))).toBe("format");
  });

  it("an empty file", async () => {
    expect(await reasonOf("a.xlsx", Buffer.alloc(0))).toBe("empty");
    expect(await reasonOf("a.csv", Buffer.alloc(0))).toBe("empty");
  });

  it("a workbook without worksheets", async () => {
    expect(await reasonOf("a.xlsx", await xlsx(() => {}))).toBe("empty");
  });

  it("the error names its reason", () => {
    const e = new UnreadableFile("format");
    expect(e.reason).toBe("format");
    expect(e.message).toBe("format");
  });
});
