// Privacy (issue 9, item 6) against a real database: resident ID numbers from a roster import are kept
// only as a keyed hash and a masked form — the raw numbers appear nowhere in the database, not in the
// SQLite file's bytes, not in any text, JSON or bytea column on PostgreSQL, not inside the gzipped staged
// rows of a preview, not in the problems of a file with IDs in the wrong columns, not in a file name —
// and a re-import matches the same people by the hash. Personal-data exports are refused outside the
// caller's scope (route handlers called with the request session stood in for, as in authorization.test.ts).
import { readFileSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/session";

const session = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getSession: async () => session.current, getRequestSession: async () => session.current }));

const { demoCreditCode } = await import("@/features/demo/seed");
const { commitImport, hashResidentId, previewImport } = await import("@/features/rosters/data");
const { db, databaseProvider } = await import("@/lib/db");
const { residentIdCheckDigit } = await import("@/lib/identifiers");
const { enterpriseWithAdmin, loadDemo, sessionOf } = await import("./support");
const recordRoute = await import("@/app/api/records/[userId]/[format]/route");
const enterpriseRecordRoute = await import("@/app/api/enterprise-records/[id]/xlsx/route");
const coverageRoute = await import("@/app/api/coverage/xlsx/route");
const annexRoute = await import("@/app/api/coverage/annex/route");

const NOW = new Date("2026-11-23T04:00:00Z");
const CREDIT = demoCreditCode("510402", "PR0000001");
const ADMIN_MOBILE = "17766009901";

/** Valid resident ID numbers born 1985-06-15 in 东区: three with the check character X, three with a digit. */
const IDS = (() => {
  const withX: string[] = [];
  const withDigit: string[] = [];
  for (let seq = 100; withX.length < 3 || withDigit.length < 3; seq++) {
    const first17 = `51040219850615${seq}`;
    const check = residentIdCheckDigit(first17);
    if (check === "X" && withX.length < 3) withX.push(first17 + check);
    if (check !== "X" && withDigit.length < 3) withDigit.push(first17 + check);
  }
  return [...withX, ...withDigit];
})();
/** Numbers only ever typed into the wrong columns, or into a file name. */
const STRAY = (() => {
  const out: string[] = [];
  for (let seq = 500; out.length < 6; seq++) {
    const first17 = `51040219920301${seq}`;
    out.push(first17 + residentIdCheckDigit(first17));
  }
  return out;
})();
const RAW = [...IDS, ...STRAY];
const mobileOf = (n: number) => `1776600${String(n).padStart(4, "0")}`;
const NAMES = ["秦一", "尤二", "许三", "何四", "吕五", "施六"];

async function xlsx(rows: (string | null)[][], header = ["姓名", "手机号", "身份证号（选填）", "岗位类别", "入职日期"]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("花名册");
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The staff file: the first ID with a lower-case x (as people type it), mobiles from `first`. */
const staffFile = (first: number) =>
  xlsx(IDS.map((id, i) => [NAMES[i]!, mobileOf(first + i), i === 0 ? id.toLowerCase() : id, "一线班组长", "2021-03-01"]));

// ---- Where the raw numbers could be --------------------------------------------------------------------

/** Both spellings of the check character: a number stored as typed could end in x. */
const spellings = (values: string[]) => [...new Set(values.flatMap((v) => [v, v.toLowerCase()]))];

/** SQLite: the database file and its -wal, byte for byte, after a checkpoint. Returns what was found where. */
async function sqliteBytesContaining(values: string[]): Promise<string[]> {
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  const file = process.env.DATABASE_URL!.replace(/^file:/, "");
  const found: string[] = [];
  for (const f of [file, `${file}-wal`]) {
    if (!existsSync(f)) continue;
    const bytes = readFileSync(f);
    for (const v of spellings(values)) if (bytes.includes(Buffer.from(v, "ascii"))) found.push(`${v} in ${f}`);
  }
  return found;
}

/** PostgreSQL: every text, JSON and bytea column of every table, read from the catalog. */
async function pgColumnsContaining(values: string[]): Promise<{ found: string[]; columns: number }> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns c
        JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE table_schema = 'public' AND t.table_type = 'BASE TABLE'
         AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY', 'USER-DEFINED')`,
    );
    const patterns = values.map((v) => `%${v}%`);
    const found: string[] = [];
    for (const c of columns) {
      const column = `"${c.column_name}"`;
      const text = c.data_type === "bytea" ? `encode(${column}, 'escape')` : `${column}::text`;
      // ILIKE: either spelling of the check character.
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${c.table_name}" WHERE ${text} ILIKE ANY($1::text[])`, [patterns]);
      if (rows[0]!.n > 0) found.push(`${c.table_name}.${c.column_name}`);
    }
    return { found, columns: columns.length };
  } finally {
    await client.end();
  }
}

/** Everywhere in the database, by the provider's means. */
async function storedContaining(values: string[]): Promise<string[]> {
  return databaseProvider === "sqlite" ? sqliteBytesContaining(values) : (await pgColumnsContaining(values)).found;
}

/** The kept rows of every import, unpacked (gzipped JSON in base64) to text. */
async function stagedRowsText(): Promise<string> {
  const imports = await db.rosterImport.findMany({ select: { rows: true } });
  return imports
    .map(({ rows }) => {
      const packed = rows as { v?: number; gzip?: string };
      return packed && packed.v === 2 && packed.gzip ? gunzipSync(Buffer.from(packed.gzip, "base64")).toString("utf8") : JSON.stringify(rows);
    })
    .join("\n");
}

const containsAny = (text: string, values: string[]) => spellings(values).filter((v) => text.includes(v));

let enterpriseId = "";

beforeAll(async () => {
  await loadDemo();
  enterpriseId = await enterpriseWithAdmin({ creditCode: CREDIT, name: "东区隐私测试建材有限公司", adminMobile: ADMIN_MOBILE, adminName: "隐私测试管理员", key: true });
});

describe("resident ID numbers at rest", () => {
  it("a preview keeps only hash and masked form in its staged rows; the raw numbers are nowhere in the database", async () => {
    const admin = await sessionOf(ADMIN_MOBILE);
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "花名册.xlsx", bytes: await staffFile(1), fullRoster: false }, NOW);
    expect(preview.problems).toEqual([]);
    expect(preview.summary).toMatchObject({ create: IDS.length, bad: 0 });

    const staged = await stagedRowsText();
    // The decompression is real: the staged rows hold the hashes and masks of these people …
    for (const id of IDS) {
      expect(staged).toContain(hashResidentId(id));
      expect(staged).toContain(`${id.slice(0, 4)}**********${id.slice(14)}`);
    }
    expect(staged).toContain(mobileOf(1));
    // … and none of the numbers.
    expect(containsAny(staged, RAW)).toEqual([]);
    expect(await storedContaining(RAW)).toEqual([]);
  });

  it("after the commit: people with hash and mask only, staged rows cleared, still no raw number anywhere", async () => {
    const admin = await sessionOf(ADMIN_MOBILE);
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "花名册.xlsx", bytes: await staffFile(1), fullRoster: false }, NOW);
    await commitImport(admin, preview.id, "Initial-2026", NOW);
    const people = await db.user.findMany({ where: { enterpriseId, role: "LEARNER" }, orderBy: { mobile: "asc" } });
    expect(people).toHaveLength(IDS.length);
    people.forEach((p, i) => {
      const id = IDS[i]!;
      expect(p.idNumberHash).toBe(hashResidentId(id));
      // The mask shows the first 4 and the last 4 characters: no birth date, nothing to recover the number from.
      expect(p.idNumberMasked).toBe(`${id.slice(0, 4)}**********${id.slice(14)}`);
      expect(p.idNumberMasked!.replace(/\*/g, "")).toHaveLength(8);
      expect(p.idNumberMasked).not.toContain(id.slice(6, 14));
    });
    // The lower-case x was normalised before hashing: the same hash as the upper-case spelling.
    expect(hashResidentId(IDS[0]!.toLowerCase())).toBe(hashResidentId(IDS[0]!));
    expect(containsAny(await stagedRowsText(), RAW)).toEqual([]);
    expect(await storedContaining(RAW)).toEqual([]);
    // The scan does see what is stored: a mobile number of this import, and (PostgreSQL) the masks.
    expect(await storedContaining([mobileOf(1)])).not.toEqual([]);
  });

  it("a re-import matches the same people by the hash: updated, not duplicated", async () => {
    const admin = await sessionOf(ADMIN_MOBILE);
    const before = await db.user.findMany({ where: { enterpriseId, role: "LEARNER" }, orderBy: { idNumberHash: "asc" }, select: { id: true, idNumberHash: true } });
    // New mobile numbers: only the ID numbers can match them.
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "花名册-换号.xlsx", bytes: await staffFile(101), fullRoster: false }, NOW);
    expect(preview.summary).toMatchObject({ create: 0, update: IDS.length, bad: 0 });
    await commitImport(admin, preview.id, undefined, NOW);
    const after = await db.user.findMany({ where: { enterpriseId, role: "LEARNER" }, orderBy: { idNumberHash: "asc" }, select: { id: true, idNumberHash: true, mobile: true } });
    expect(after.map((p) => [p.id, p.idNumberHash])).toEqual(before.map((p) => [p.id, p.idNumberHash]));
    expect(after.map((p) => p.mobile).sort()).toEqual(IDS.map((_, i) => mobileOf(101 + i)));
    expect(await storedContaining(RAW)).toEqual([]);
  });

  it("ID numbers in the wrong columns or in the file name are refused or kept masked, never whole", async () => {
    const admin = await sessionOf(ADMIN_MOBILE);
    const header = ["姓名", "手机号", "身份证号（选填）", "岗位类别", "入职日期", "统一社会信用代码（选填）"];
    const file = await xlsx(
      [
        [STRAY[0]!, mobileOf(201), "", "一线班组长", "", ""], // line 2: the name column holds an ID number
        ["甲", STRAY[1]!, "", "一线班组长", "", ""], // line 3: in the mobile column
        ["乙", mobileOf(203), "", STRAY[2]!, "", ""], // line 4: in the position column
        ["丙", mobileOf(204), "", "一线班组长", STRAY[3]!.toLowerCase(), ""], // line 5: in the hire date
        ["丁", mobileOf(205), "", "一线班组长", "", STRAY[4]!], // line 6: in the credit code column
      ],
      header,
    );
    const preview = await previewImport(admin, { kind: "STAFF", fileName: `花名册-${STRAY[5]}.xlsx`, bytes: file, fullRoster: false }, NOW);
    expect(preview.status).toBe("DISCARDED");
    expect(preview.problems.map((p) => [p.line, p.column, p.problem])).toEqual([
      [2, "name", "idInWrongColumn"],
      [3, "mobile", "mobile"],
      [4, "position", "position"],
      [5, "hiredOn", "date"],
      [6, "creditCode", "creditCode"],
    ]);
    expect(preview.problems.find((p) => p.line === 4)!.value).toBe(`${STRAY[2]!.slice(0, 4)}**********${STRAY[2]!.slice(14)}`);
    expect(containsAny(JSON.stringify(preview.problems), STRAY)).toEqual([]);
    const stored = await db.rosterImport.findUniqueOrThrow({ where: { id: preview.id }, select: { fileName: true } });
    expect(stored.fileName).toBe(`花名册-${STRAY[5]!.slice(0, 4)}**********${STRAY[5]!.slice(14)}.xlsx`);
    expect(await storedContaining(RAW)).toEqual([]);
  });

  it("the scan finds what is there: a mask as stored, and a number planted in a JSON column", async () => {
    const mask = `${IDS[1]!.slice(0, 4)}**********${IDS[1]!.slice(14)}`;
    expect(await storedContaining([mask])).not.toEqual([]);
    // A number not among RAW (later scans do not look for it: SQLite keeps deleted bytes in free pages).
    const planted = `5104021970010${"1234"}`;
    const control = planted + residentIdCheckDigit(planted);
    const event = await db.auditEvent.create({ data: { actorRole: "ADMIN", action: "privacy.test.control", detail: { note: control.toLowerCase() } }, select: { id: true } });
    try {
      expect(await storedContaining([control])).not.toEqual([]);
      if (databaseProvider === "postgresql") {
        const { found, columns } = await pgColumnsContaining([control]);
        expect(found).toEqual(["AuditEvent.detail"]);
        expect(columns).toBeGreaterThan(100);
        expect((await pgColumnsContaining([mask])).found).toEqual(["User.idNumberMasked"]);
      }
    } finally {
      await db.auditEvent.delete({ where: { id: event.id } });
    }
  });
});

// ---- Personal-data exports, in scope only ----------------------------------------------------------------

const ENTERPRISE_ADMIN = "13800000003"; // 攀西钒钛, 仁和区 510411
const COUNTY_REGULATOR = "13800000002"; // 东区 510402
const LEARNER = "13800000006"; // 攀西钒钛's team leader

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;
async function call<P>(as: string, handler: Handler<P>, url: string, params: P): Promise<number> {
  session.current = await sessionOf(as);
  try {
    return (await handler(new Request(`http://localhost${url}`), { params: Promise.resolve(params) })).status;
  } finally {
    session.current = null;
  }
}
const recordOf = (as: string, userId: string) => call(as, recordRoute.GET as Handler<{ userId: string; format: string }>, `/api/records/${userId}/xlsx`, { userId, format: "xlsx" });
const enterpriseRecordOf = (as: string, id: string) => call(as, enterpriseRecordRoute.GET as Handler<{ id: string }>, `/api/enterprise-records/${id}/xlsx`, { id });
const coverageOf = (as: string, region: string) => call(as, coverageRoute.GET as unknown as Handler<object>, `/api/coverage/xlsx?region=${region}`, {});
const annexOf = (as: string, region: string) => call(as, annexRoute.GET as unknown as Handler<object>, `/api/coverage/annex?region=${region}`, {});

describe("personal-data exports", () => {
  it("an enterprise admin exports its own staff's records, and is refused another enterprise's staff and record", async () => {
    const own = await db.user.findUniqueOrThrow({ where: { mobile: LEARNER }, select: { id: true } });
    const other = await db.user.findUniqueOrThrow({ where: { mobile: "13800000014" }, select: { id: true, enterpriseId: true } }); // 金沙化工
    expect(await recordOf(ENTERPRISE_ADMIN, own.id)).toBe(200);
    expect(await recordOf(ENTERPRISE_ADMIN, other.id)).toBe(403);
    expect(await enterpriseRecordOf(ENTERPRISE_ADMIN, other.enterpriseId!)).toBe(403);
    // Nor the privacy test's enterprise, in another county.
    const staff = await db.user.findFirstOrThrow({ where: { enterpriseId, role: "LEARNER" }, select: { id: true } });
    expect(await recordOf(ENTERPRISE_ADMIN, staff.id)).toBe(403);
    expect(await enterpriseRecordOf(ENTERPRISE_ADMIN, enterpriseId)).toBe(403);
    // Regulators' coverage exports are not an enterprise admin's at all.
    expect(await coverageOf(ENTERPRISE_ADMIN, "510411")).toBe(403);
  });

  it("a county regulator exports its county, and is refused another county's coverage, annex, enterprise and staff records", async () => {
    expect(await coverageOf(COUNTY_REGULATOR, "510402")).toBe(200);
    expect(await enterpriseRecordOf(COUNTY_REGULATOR, enterpriseId)).toBe(200);
    const vt = await db.user.findUniqueOrThrow({ where: { mobile: LEARNER }, select: { id: true, enterpriseId: true } }); // 仁和区
    expect(await coverageOf(COUNTY_REGULATOR, "510411")).toBe(403);
    expect(await coverageOf(COUNTY_REGULATOR, "510400")).toBe(403); // its city: wider than its scope
    expect(await annexOf(COUNTY_REGULATOR, "510411")).toBe(403);
    expect(await enterpriseRecordOf(COUNTY_REGULATOR, vt.enterpriseId!)).toBe(403);
    expect(await recordOf(COUNTY_REGULATOR, vt.id)).toBe(403);
  });

  it("a learner exports only their own record", async () => {
    const colleague = await db.user.findUniqueOrThrow({ where: { mobile: "13800000010" }, select: { id: true } });
    expect(await recordOf(LEARNER, "me")).toBe(200);
    expect(await recordOf(LEARNER, colleague.id)).toBe(403);
    expect(await coverageOf(LEARNER, "510411")).toBe(403);
  });
});
