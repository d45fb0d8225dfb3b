// Reads an uploaded roster (xlsx or csv) into a table of text cells with exceljs. CSV files saved by
// Excel in China are often GB18030 (GBK) rather than UTF-8: both are read. Cells are kept as text so
// mobile and ID numbers never pass through floating point.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";

export class UnreadableFile extends Error {
  constructor(readonly reason: "format" | "empty") {
    super(reason);
  }
}

/** Text of one xlsx cell value as the user sees it (dates as YYYY-MM-DD in Beijing time). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // exceljs reads a date cell as that calendar day at 00:00 UTC.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === "number") {
    // Whole numbers as integers (mobile numbers typed as numbers); large ones lose nothing below 2^53.
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return String(value);
}

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    rows[n - 1] = cells;
  });
  // eachRow skips nothing with includeEmpty, but leading gaps stay undefined: make them empty rows.
  return Array.from(rows, (r) => r ?? []);
}

/** Decodes CSV bytes: UTF-8 (with or without BOM) when valid, GB18030 otherwise. */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** The first worksheet of an xlsx file, or the rows of a csv file, as text cells. */
export async function readTable(fileName: string, bytes: Buffer): Promise<string[][]> {
  if (bytes.length === 0) throw new UnreadableFile("empty");
  const workbook = new ExcelJS.Workbook();
  const lower = fileName.toLowerCase();
  try {
    if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
      const sheet = await workbook.csv.read(Readable.from([decodeCsv(bytes)]), { map: (v: unknown) => v, parserOptions: { trim: true } });
      return sheetRows(sheet);
    }
    // xlsx is a zip file: "PK".
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new UnreadableFile("format");
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile("format");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile("empty");
  return sheetRows(sheet);
}
