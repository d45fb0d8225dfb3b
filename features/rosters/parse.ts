// Reads an uploaded roster (xlsx or csv) into a table of text cells with exceljs. CSV files saved by
// Excel in China are often GB18030 (GBK) rather than UTF-8: both are read. Cells are kept as text so
// mobile and ID numbers never pass through floating point. An xlsx file is read row by row with the
// streaming reader, keeping only the text cells: loading a 100,000-row workbook whole (cell objects with
// styles) took about 700 MB and half a minute (issue 8, bench/import.ts).
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

/**
 * A cell's text as the checks and the database may take it: without NUL (PostgreSQL refuses it in text and
 * JSON) and without a lone surrogate (Prisma's JSON protocol refuses it), trimmed.
 */
function cleanText(text: string): string {
  return text.replace(/\u0000/g, "").toWellFormed().trim();
}

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cleanText(cellText(row.getCell(c).value)));
    rows[n - 1] = cells;
  });
  // eachRow skips nothing with includeEmpty, but leading gaps stay undefined: make them empty rows.
  return Array.from(rows, (r) => r ?? []);
}

/** A date format (exceljs's own test: y, m, d, h, s or b outside quotes and brackets). */
function isDateFormat(format: string | undefined): boolean {
  return !!format && /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/**
 * A formula's numeric result in a date-formatted cell, as a date: the whole-workbook reader does this,
 * the streaming one leaves the serial number (45293 for 2024-01-02).
 */
function formulaDate(cell: ExcelJS.Cell, date1904: boolean): Date | null {
  const value = cell.value;
  if (!value || typeof value !== "object" || !("formula" in value) || typeof value.result !== "number" || !isDateFormat(cell.numFmt)) return null;
  return new Date(Math.round((value.result - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** Text of a stream of UTF-8 bytes, a character split across two chunks decoded whole. */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) yield typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

type ReaderInternals = {
  _parseWorkbook: (entry: NodeJS.ReadableStream) => Promise<void>;
  _parseSharedStrings: (entry: NodeJS.ReadableStream) => AsyncGenerator<unknown>;
  _parseWorksheet: (chunks: AsyncIterable<Buffer | string>, sheetNo: string) => Generator<unknown>;
};

/**
 * exceljs 4.4's streaming reader decodes each chunk of a zip entry on its own, so a Chinese character
 * split across two chunks becomes two U+FFFD (a 100,000-row roster had one: "2009��6月3日"). Its whole-
 * workbook reader decodes entries whole. Until exceljs fixes it, this reader is handed text instead of
 * bytes: the entries it reads text from are decoded as streams (exceljs passes strings through unchanged).
 */
function decodeWhole(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const r = reader as unknown as ReaderInternals;
  const proto = Object.getPrototypeOf(reader) as ReaderInternals;
  r._parseWorkbook = (entry) => proto._parseWorkbook.call(reader, entry.setEncoding("utf8"));
  r._parseSharedStrings = (entry) => proto._parseSharedStrings.call(reader, entry.setEncoding("utf8"));
  r._parseWorksheet = (chunks, sheetNo) => proto._parseWorksheet.call(reader, utf8(chunks), sheetNo);
}

/** Thrown inside the streaming read when the file's layout needs the whole-workbook reader instead. */
class NeedsFullRead extends Error {}

/**
 * The first worksheet of an xlsx file, read as a stream: a row's cells become text as it is read and only
 * rows with text are kept, each at its line. Reading stops `rowLimit` data rows in (the rules refuse the
 * file then; a million-row file costs no more than the limit). Throws NeedsFullRead when a worksheet is
 * parsed before the styles were read (its dates would read as plain numbers): Excel and exceljs write the
 * sheets before the shared strings, so the reader keeps them aside until the end of the zip, but another
 * tool's order may differ.
 */
async function streamedRows(bytes: Buffer, rowLimit: number): Promise<string[][]> {
  const input = Readable.from([bytes]);
  const failed = zipFailure(input); // before the reader pipes the input
  return Promise.race([rowsOf(input, rowLimit), failed]);
}

/**
 * Rejects when the zip stream exceljs pipes `input` into fails. exceljs 4.4 awaits the entry it is reading,
 * and a damaged entry ("invalid distance too far back" from inflate) never ends: the reader never settled
 * and the request hung (issue 9, tests/integration/fuzz-importers.test.ts). unzipper reports the failure
 * only on the zip stream, which exceljs does not expose: it is taken where the input is piped into it.
 */
function zipFailure(input: Readable): Promise<never> {
  return new Promise((_, reject) => {
    const pipe = input.pipe.bind(input);
    input.pipe = ((destination: NodeJS.WritableStream, options?: { end?: boolean }) => {
      destination.once("error", (error: Error) => {
        input.destroy();
        reject(error);
      });
      return pipe(destination, options);
    }) as typeof input.pipe;
  });
}

async function rowsOf(input: Readable, rowLimit: number): Promise<string[][]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  decodeWhole(reader);
  let stylesRead = false;
  (reader as unknown as NodeJS.EventEmitter).on("entry", (entry: { type: string }) => {
    if (entry.type === "styles") stylesRead = true;
  });
  const date1904 = () => !!(reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904;
  const sheets: { name: string | undefined; rows: string[][]; width: number }[] = [];
  for await (const worksheet of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name?: string }>) {
    if (!stylesRead) throw new NeedsFullRead();
    // Workbook order (the first sheet is the roster) is known once xl/workbook.xml is read, which
    // usually precedes the sheets; when it does not, every sheet is kept and the first chosen below.
    const order = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets;
    const wanted = !order || order[0]?.name === worksheet.name;
    const rows: string[][] = [];
    let count = 0;
    let width = 0;
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      if (!wanted || count > rowLimit + 1) continue; // drain the rest of the entry (the header + rowLimit + 1 rows kept)
      const cells: string[] = [];
      let any = false;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const text = cleanText(cellText(formulaDate(cell, date1904()) ?? cell.value));
        if (text) any = true;
        cells[c - 1] = text;
      });
      if (!any) continue;
      rows[row.number - 1] = cells;
      width = Math.max(width, cells.length);
      count++;
    }
    if (wanted) sheets.push({ name: worksheet.name, rows, width });
  }
  const order = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? [];
  const first = sheets.find((s) => s.name === order[0]?.name) ?? sheets[0];
  // No worksheet at all: not a workbook the streaming reader understands (another zip, say); the
  // whole-workbook reader says what it is.
  if (!first) throw new NeedsFullRead();
  // Lines without text stay in the table as empty rows, so that line numbers are those of the file; every
  // row as wide as the widest.
  return Array.from(first.rows, (r) => Array.from({ length: first.width }, (_, i) => r?.[i] ?? ""));
}

/** Decodes CSV bytes: UTF-8 (with or without BOM) when valid, GB18030 otherwise. */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/**
 * The first worksheet of an xlsx file, or the rows of a csv file, as text cells. An xlsx file is read up
 * to `rowLimit` data rows (and the header).
 */
export async function readTable(fileName: string, bytes: Buffer, rowLimit = Number.MAX_SAFE_INTEGER): Promise<string[][]> {
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
    try {
      return await streamedRows(bytes, rowLimit);
    } catch (error) {
      if (error instanceof UnreadableFile) throw error;
      // The streaming reader refused this layout (or failed on it): read the workbook whole instead.
    }
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile("format");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile("empty");
  return sheetRows(sheet);
}
