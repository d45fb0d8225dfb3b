// Roster import rules (issue 6; DOMAIN.md "Identifiers and validation", "Key positions and coverage"):
// read a table of cells into checked rows, report every bad row with its reason, and plan what a commit
// would do against what the database holds. Pure: the data layer loads the facts and writes the plan.
import { z } from "zod";
import { creditCodeProblem, isValidMobile, maskResidentId, residentIdProblem } from "@/lib/identifiers";

export type RosterKind = "STAFF" | "STUDENTS";

/** At most this many data rows a file (a province-sized enterprise list fits; issue 8 measures 100k). */
export const MAX_ROWS = 200_000;
/** At most this many bytes a file. */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;

/** The columns of each kind of roster, with the header names accepted for each (Chinese first). */
export const COLUMNS = {
  name: ["姓名", "name"],
  mobile: ["手机号", "手机号码", "手机", "mobile"],
  idNumber: ["身份证号", "身份证号码", "公民身份号码", "id number", "idnumber"],
  position: ["岗位类别", "重点岗位", "岗位", "position"],
  hiredOn: ["入职日期", "入学日期", "hire date", "hired on", "entry date"],
  leftOn: ["离职日期", "离校日期", "left on", "leave date"],
  creditCode: ["统一社会信用代码", "信用代码", "credit code"],
  className: ["班级", "class"],
} as const;
export type Column = keyof typeof COLUMNS;

/** Columns of the downloadable template, in order, and which must be present in a file. */
export const TEMPLATE: Record<RosterKind, { columns: Column[]; required: Column[] }> = {
  STAFF: { columns: ["name", "mobile", "idNumber", "position", "hiredOn", "leftOn", "creditCode"], required: ["name", "mobile", "position"] },
  STUDENTS: { columns: ["name", "mobile", "idNumber", "className", "hiredOn", "leftOn"], required: ["name", "mobile", "className"] },
};

/** The header written in templates (the first accepted name). */
export const headerOf = (c: Column) => COLUMNS[c][0];

export type Problem = {
  /** Line in the file (1 = the header row). */
  line: number;
  column?: Column;
  /** A message key under "roster.problem". */
  problem: string;
  /** The offending value as shown to the user (ID numbers masked). */
  value?: string;
  /** The other line of a duplicate. */
  otherLine?: number;
};

export type CheckedRow = {
  line: number;
  name: string;
  mobile: string;
  idHash: string | null;
  idMasked: string | null;
  positionCode: string | null;
  className: string | null;
  /** YYYY-MM-DD (Beijing calendar day). */
  hiredOn: string | null;
  leftOn: string | null;
  creditCode: string | null;
};

const nameSchema = z.string().trim().min(1).max(50);

// A resident ID number inside other text: 18 characters (17 digits and a digit or X) or a first-generation
// 15-digit number, not part of a longer run of digits.
const ID_IN_TEXT = /(?<!\d)(?:\d{17}[\dXx]|\d{15})(?![\dXx])/g;

/** Does this cell hold something shaped like a resident ID number (an ID in the wrong column)? */
export function containsResidentId(text: string): boolean {
  return new RegExp(ID_IN_TEXT.source).test(text);
}

/**
 * Masks every ID-number-shaped run in a value the import keeps (a problem's echo, a file name): problems
 * are stored with the import, and an ID number typed into the wrong column must not be kept whole (PIPL).
 */
export function redactResidentIds(text: string): string {
  return text.replace(ID_IN_TEXT, (m) => (m.length === 18 ? maskResidentId(m.toUpperCase()) : `${m.slice(0, 4)}${"*".repeat(m.length - 4)}`));
}

/** Normalises a header cell: trimmed, lower case, spaces collapsed, a trailing （选填）/(optional) removed. */
export function normaliseHeader(cell: string): string {
  return cell
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(/\*/g, "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** Maps each known column to its index in the header row. Unknown headers are ignored. */
export function mapHeader(header: string[]): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  header.forEach((cell, i) => {
    const h = normaliseHeader(cell);
    for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (out[column] === undefined && names.some((n) => n.toLowerCase() === h)) out[column] = i;
    }
  });
  return out;
}

/**
 * A calendar date in the formats rosters use (2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301),
 * as YYYY-MM-DD, or null when it is not a real date.
 */
export function parseDay(value: string): string | null {
  const v = value.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  if (y < 1950) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The instant a Beijing calendar day starts (what hire and leave dates are stored as). */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The Beijing calendar day of an instant, YYYY-MM-DD. */
export function dayOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export type CheckContext = {
  kind: RosterKind;
  /** Position categories by code and by name (the file may use either). */
  positions: { code: string; name: string }[];
  /** Keyed hash of a resident ID number (the number itself is never kept). */
  hashId: (id: string) => string;
  /** A regulator's file names each row's enterprise; an enterprise admin's may (it must be theirs). */
  requireCreditCode: boolean;
  today: Date;
};

/**
 * Checks every row of a table (first row the header). Returns the good rows and every problem; a row
 * with a problem is not among the good rows. Duplicates inside the file are reported on the later line.
 */
export function checkTable(table: string[][], ctx: CheckContext): { rows: CheckedRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows: CheckedRow[] = [];
  const [header, ...body] = table;
  if (!header || header.every((c) => c.trim() === "")) return { rows, problems: [{ line: 1, problem: "noHeader" }] };
  const map = mapHeader(header);
  const required: Column[] = [...TEMPLATE[ctx.kind].required, ...(ctx.requireCreditCode ? (["creditCode"] as Column[]) : [])];
  const missing = required.filter((c) => map[c] === undefined);
  if (missing.length) return { rows, problems: missing.map((c) => ({ line: 1, column: c, problem: "missingColumn", value: headerOf(c) })) };
  if (body.length > MAX_ROWS) return { rows, problems: [{ line: 1, problem: "tooManyRows", value: String(MAX_ROWS) }] };

  const positionByKey = new Map<string, string>();
  for (const p of ctx.positions) {
    positionByKey.set(p.code.toLowerCase(), p.code);
    positionByKey.set(p.name, p.code);
  }
  const latest = new Date(ctx.today.getTime() + 366 * 86_400_000);
  const seenMobile = new Map<string, number>();
  const seenId = new Map<string, number>();

  body.forEach((cells, i) => {
    const line = i + 2;
    const cell = (c: Column) => (map[c] === undefined ? "" : (cells[map[c]!] ?? "").trim());
    if (cells.every((c) => (c ?? "").trim() === "")) return; // blank lines are not rows
    const rowProblems: Problem[] = [];
    const bad = (column: Column, problem: string, value?: string, otherLine?: number) =>
      rowProblems.push({ line, column, problem, value: value === undefined ? undefined : redactResidentIds(value), otherLine });

    const name = nameSchema.safeParse(cell("name"));
    if (!name.success) bad("name", cell("name") ? "nameTooLong" : "required");
    // Columns swapped in the file: a name (or class) that is an ID number would be stored as it is.
    else if (containsResidentId(name.data)) bad("name", "idInWrongColumn");

    const mobile = cell("mobile").replace(/[\s-]/g, "");
    if (!mobile) bad("mobile", "required");
    // A long value is likely an ID number in the wrong column: problems are stored with the import, so
    // echo only its start (PIPL: the full number is never kept).
    else if (!isValidMobile(mobile)) bad("mobile", "mobile", mobile.length >= 15 ? `${mobile.slice(0, 4)}…` : mobile);

    let idHash: string | null = null;
    let idMasked: string | null = null;
    const id = cell("idNumber").replace(/\s/g, "").toUpperCase();
    if (id) {
      const problem = residentIdProblem(id, ctx.today);
      if (problem) bad("idNumber", `id.${problem}`, id.length >= 6 ? maskResidentId(id.padEnd(18, "*").slice(0, 18)) : "***");
      else {
        idHash = ctx.hashId(id);
        idMasked = maskResidentId(id);
      }
    }

    let positionCode: string | null = null;
    if (ctx.kind === "STAFF") {
      const p = cell("position");
      if (!p) bad("position", "required");
      else {
        positionCode = positionByKey.get(p) ?? positionByKey.get(p.toLowerCase()) ?? null;
        if (!positionCode) bad("position", "position", p);
      }
    }

    let className: string | null = null;
    if (ctx.kind === "STUDENTS") {
      className = cell("className") || null;
      if (!className) bad("className", "required");
      else if (className.length > 50) bad("className", "nameTooLong", className.slice(0, 50));
      else if (containsResidentId(className)) bad("className", "idInWrongColumn");
    }

    const dayCell = (column: "hiredOn" | "leftOn") => {
      const raw = cell(column);
      if (!raw) return null;
      const day = parseDay(raw);
      if (!day) bad(column, "date", raw);
      else if (dayStart(day) > latest) bad(column, "dateFuture", raw);
      return day;
    };
    const hiredOn = dayCell("hiredOn");
    const leftOn = dayCell("leftOn");
    if (hiredOn && leftOn && leftOn < hiredOn) bad("leftOn", "leftBeforeHired", leftOn);

    let creditCode: string | null = null;
    const cc = cell("creditCode").replace(/\s/g, "").toUpperCase();
    if (cc) {
      if (creditCodeProblem(cc)) bad("creditCode", "creditCode", cc);
      else creditCode = cc;
    } else if (ctx.requireCreditCode) bad("creditCode", "required");

    // Duplicates inside the file: the later line is the bad one.
    if (mobile && isValidMobile(mobile)) {
      const first = seenMobile.get(mobile);
      if (first !== undefined) bad("mobile", "duplicateInFile", mobile, first);
      else seenMobile.set(mobile, line);
    }
    if (idHash) {
      const first = seenId.get(idHash);
      if (first !== undefined) bad("idNumber", "duplicateInFile", idMasked ?? "", first);
      else seenId.set(idHash, line);
    }

    if (rowProblems.length) problems.push(...rowProblems);
    else rows.push({ line, name: name.data!, mobile, idHash, idMasked, positionCode, className, hiredOn, leftOn, creditCode });
  });
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 1, problem: "noRows" });
  return { rows, problems };
}

/** A person the database already holds, as planning sees them. */
export type Existing = {
  id: string;
  mobile: string;
  name: string;
  role: string;
  enterpriseId: string | null;
  schoolId: string | null;
  positionCode: string | null;
  className: string | null;
  hiredOn: string | null;
  leftOn: string | null;
  idNumberHash: string | null;
  idNumberMasked: string | null;
};

export type PlannedRow = CheckedRow & {
  action: "create" | "update" | "unchanged";
  userId: string | null;
  /** The enterprise (STAFF) or school (STUDENTS) the row goes to. */
  orgId: string;
};

export type PlanContext = {
  kind: RosterKind;
  byMobile: Map<string, Existing>;
  byIdHash: Map<string, Existing>;
  /** The row's organisation: the importer's own, or (regulator) the enterprise its credit code names. */
  orgOf: (row: CheckedRow) => { id: string } | { problem: "enterpriseUnknown" | "enterpriseOutOfScope" | "enterpriseNotOwn" };
};

/** What would change for an existing person, or null when the row says what the database holds. */
function differs(row: CheckedRow, orgId: string, e: Existing, kind: RosterKind): boolean {
  const org = kind === "STAFF" ? e.enterpriseId : e.schoolId;
  return (
    org !== orgId ||
    e.name !== row.name ||
    e.mobile !== row.mobile ||
    (row.idHash !== null && e.idNumberHash !== row.idHash) ||
    (kind === "STAFF" && e.positionCode !== row.positionCode) ||
    (kind === "STUDENTS" && e.className !== row.className) ||
    (row.hiredOn !== null && e.hiredOn !== row.hiredOn) ||
    e.leftOn !== row.leftOn
  );
}

/**
 * Plans each checked row against the database: create, update (matched by mobile or ID number) or
 * unchanged; refuses rows that would take a person from another organisation they are still with, touch
 * an account that is not a learner's, or join two different people.
 */
export function planRows(rows: CheckedRow[], ctx: PlanContext): { planned: PlannedRow[]; problems: Problem[] } {
  const planned: PlannedRow[] = [];
  const problems: Problem[] = [];
  const lineOfUser = new Map<string, number>();
  for (const row of rows) {
    const org = ctx.orgOf(row);
    if ("problem" in org) {
      problems.push({ line: row.line, column: "creditCode", problem: org.problem, value: row.creditCode ?? "" });
      continue;
    }
    const byMobile = ctx.byMobile.get(row.mobile) ?? null;
    const byId = row.idHash ? (ctx.byIdHash.get(row.idHash) ?? null) : null;
    if (byMobile && byId && byMobile.id !== byId.id) {
      problems.push({ line: row.line, column: "idNumber", problem: "idMobileConflict", value: row.idMasked ?? "" });
      continue;
    }
    const existing = byMobile ?? byId;
    if (!existing) {
      planned.push({ ...row, action: "create", userId: null, orgId: org.id });
      continue;
    }
    if (existing.role !== "LEARNER") {
      problems.push({ line: row.line, column: "mobile", problem: "notLearner", value: row.mobile });
      continue;
    }
    const earlier = lineOfUser.get(existing.id);
    if (earlier !== undefined) {
      // Two lines of the file name the same person (one by mobile, the other by ID number).
      problems.push({ line: row.line, column: "mobile", problem: "samePersonInFile", value: row.mobile, otherLine: earlier });
      continue;
    }
    lineOfUser.set(existing.id, row.line);
    // Someone still with another enterprise or school is theirs; after leaving, they may join here.
    const currentOrg = ctx.kind === "STAFF" ? existing.enterpriseId : existing.schoolId;
    const otherOrg = ctx.kind === "STAFF" ? existing.schoolId : existing.enterpriseId;
    if ((currentOrg !== null && currentOrg !== org.id && existing.leftOn === null) || (otherOrg !== null && existing.leftOn === null)) {
      problems.push({ line: row.line, column: "mobile", problem: "otherOrganisation", value: row.mobile });
      continue;
    }
    planned.push({ ...row, action: differs(row, org.id, existing, ctx.kind) ? "update" : "unchanged", userId: existing.id, orgId: org.id });
  }
  return { planned, problems };
}

export type Summary = { rows: number; create: number; update: number; unchanged: number; leave: number; bad: number };

export function summarise(planned: PlannedRow[], problems: Problem[], leave = 0): Summary {
  const badLines = new Set(problems.map((p) => p.line));
  return {
    rows: planned.length + badLines.size,
    create: planned.filter((r) => r.action === "create").length,
    update: planned.filter((r) => r.action === "update").length,
    unchanged: planned.filter((r) => r.action === "unchanged").length,
    leave,
    bad: badLines.size,
  };
}
