// Roster imports (issue 6): check a file and keep the checked rows for confirmation, then commit them
// all-or-nothing in one transaction, creating accounts (password change at first login) and updating
// people matched by mobile or ID number. Courses follow from the assignment rules (features/learning),
// which read the roster: nothing to enrol. Scope: an enterprise admin imports their enterprise's staff,
// a school admin their school's students, a regulator the staff of enterprises in their region.
// At scale (issue 8: 100,000 rows, bench/import.ts): the file is read as a stream (./parse.ts), matches
// are found and new accounts written by bulk statements (./sql.ts), the checked rows are kept packed, and
// every new account shares one hash of the initial password.
import "server-only";
import { createHmac } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { hashPassword } from "@/features/accounts/password";
import { narrowestRegion, recordAudit, type AuditScope } from "@/features/audit/data";
import { chunks } from "@/lib/chunks";
import { db, type Tx } from "@/lib/db";
import { identifierSecret } from "@/lib/env";
import { AppError, conflict, forbidden, notFound, validation } from "@/lib/errors";
import { canAccessRegion, regionWhere } from "@/lib/scope";
import type { SessionUser } from "@/lib/session";
import { readTable, UnreadableFile } from "./parse";
import {
  checkTable,
  dayOf,
  dayStart,
  MAX_FILE_BYTES,
  MAX_ROWS,
  planRows,
  redactResidentIds,
  summarise,
  type CheckedRow,
  type Existing,
  type PlannedRow,
  type Problem,
  type RosterKind,
  type Summary,
} from "./rules";
import { insertLearners, userIdsMatching } from "./sql";

/** The keyed hash rosters match ID numbers by (the number itself is never stored). */
export function hashResidentId(id: string): string {
  return createHmac("sha256", identifierSecret()).update(id.trim().toUpperCase()).digest("base64url");
}

type Target =
  | { kind: "STAFF"; enterpriseId: string; creditCode: string; regional: false }
  | { kind: "STAFF"; enterpriseId: null; creditCode: null; regional: true }
  | { kind: "STUDENTS"; schoolId: string };

/** Who imports what: the importer's own organisation, or (regulator) enterprises named per row. */
async function targetOf(user: SessionUser, kind: RosterKind, schoolId?: string | null): Promise<Target> {
  if (kind === "STAFF") {
    if (user.role === "ENTERPRISE_ADMIN") {
      if (!user.enterpriseId) throw forbidden();
      const e = await db.enterprise.findUniqueOrThrow({ where: { id: user.enterpriseId }, select: { creditCode: true } });
      return { kind, enterpriseId: user.enterpriseId, creditCode: e.creditCode, regional: false };
    }
    if (user.role === "REGULATOR" || user.role === "ADMIN") return { kind, enterpriseId: null, creditCode: null, regional: true };
    throw forbidden();
  }
  if (user.role === "SCHOOL_ADMIN") {
    if (!user.schoolId) throw forbidden();
    return { kind, schoolId: user.schoolId };
  }
  if ((user.role === "REGULATOR" || user.role === "ADMIN") && schoolId) {
    const school = await db.school.findUnique({ where: { id: schoolId }, select: { regionCode: true } });
    if (!school) throw notFound();
    if (!canAccessRegion(user, school.regionCode)) throw forbidden();
    return { kind, schoolId };
  }
  throw forbidden();
}

// SQLite through Prisma allows 999 bound values a query: the id lists of enterprises and leavers stay well below.
const CHUNK = 500;
// Ids of matched people are loaded this many a query: Prisma splits an `in` list for SQLite itself, and a
// longer list costs less per value in its query compiler (issue 8: 20 µs a value at 5,000, 48 µs at 500).
const LOAD_CHUNK = 5_000;


const existingSelect = {
  id: true,
  mobile: true,
  name: true,
  role: true,
  enterpriseId: true,
  schoolId: true,
  positionCode: true,
  hiredOn: true,
  leftOn: true,
  idNumberHash: true,
  idNumberMasked: true,
  schoolClass: { select: { name: true } },
} as const;

type Client = Pick<Tx, "user" | "enterprise" | "$queryRaw" | "$executeRaw">;

/** The people a file's rows may match, by mobile and by ID hash. */
async function existingFor(client: Client, rows: CheckedRow[]) {
  const byMobile = new Map<string, Existing>();
  const byIdHash = new Map<string, Existing>();
  const toExisting = (u: Awaited<ReturnType<typeof client.user.findMany<{ select: typeof existingSelect }>>>[number]): Existing => ({
    id: u.id,
    mobile: u.mobile,
    name: u.name,
    role: u.role,
    enterpriseId: u.enterpriseId,
    schoolId: u.schoolId,
    positionCode: u.positionCode,
    className: u.schoolClass?.name ?? null,
    hiredOn: u.hiredOn ? dayOf(u.hiredOn) : null,
    leftOn: u.leftOn ? dayOf(u.leftOn) : null,
    idNumberHash: u.idNumberHash,
    idNumberMasked: u.idNumberMasked,
  });
  // Which people match, a statement for 10,000 rows (features/rosters/sql.ts); then only those are
  // loaded. Smaller statements keep Prisma's WebAssembly memory small (it grows with a query's values).
  const ids = new Set<string>();
  for (const part of chunks(rows, 10_000)) {
    const found = await userIdsMatching(
      client,
      part.map((r) => r.mobile),
      part.flatMap((r) => (r.idHash ? [r.idHash] : [])),
    );
    for (const id of found) ids.add(id);
  }
  for (const part of chunks([...ids], LOAD_CHUNK)) {
    for (const u of await client.user.findMany({ where: { id: { in: part } }, select: existingSelect })) {
      const e = toExisting(u);
      byMobile.set(e.mobile, e);
      if (e.idNumberHash) byIdHash.set(e.idNumberHash, e);
    }
  }
  return { byMobile, byIdHash };
}

/** Enterprises named by a regulator's file, with whether each is inside the regulator's region. */
async function enterprisesFor(client: Client, user: SessionUser, rows: CheckedRow[]) {
  const codes = [...new Set(rows.flatMap((r) => (r.creditCode ? [r.creditCode] : [])))];
  const out = new Map<string, { id: string; inScope: boolean }>();
  for (const part of chunks(codes, CHUNK)) {
    for (const e of await client.enterprise.findMany({ where: { creditCode: { in: part } }, select: { id: true, creditCode: true, regionCode: true } })) {
      out.set(e.creditCode, { id: e.id, inScope: canAccessRegion(user, e.regionCode) });
    }
  }
  return out;
}

/** Plans the checked rows against the database (at preview, and again inside the commit). */
async function plan(client: Client, user: SessionUser, target: Target, rows: CheckedRow[]) {
  const [existing, enterprises] = await Promise.all([
    existingFor(client, rows),
    target.kind === "STAFF" && target.regional ? enterprisesFor(client, user, rows) : Promise.resolve(new Map<string, { id: string; inScope: boolean }>()),
  ]);
  return planRows(rows, {
    kind: target.kind,
    ...existing,
    orgOf: (row) => {
      if (target.kind === "STUDENTS") return { id: target.schoolId };
      if (!target.regional) {
        if (row.creditCode && row.creditCode !== target.creditCode) return { problem: "enterpriseNotOwn" };
        return { id: target.enterpriseId };
      }
      const e = enterprises.get(row.creditCode ?? "");
      if (!e) return { problem: "enterpriseUnknown" };
      if (!e.inScope) return { problem: "enterpriseOutOfScope" };
      return { id: e.id };
    },
  });
}

/** Everyone still on the rosters of the file's organisations whom the file does not list (full roster). */
async function leaversOf(client: Client, target: Target, planned: PlannedRow[]) {
  const orgIds = [...new Set(planned.map((r) => r.orgId))];
  const listed = new Set(planned.flatMap((r) => (r.userId ? [r.userId] : [])));
  const field = target.kind === "STAFF" ? "enterpriseId" : "schoolId";
  const current = await client.user.findMany({
    where: { [field]: { in: orgIds }, role: "LEARNER", leftOn: null },
    select: { id: true, name: true, mobile: true },
  });
  return current.filter((u) => !listed.has(u.id));
}

export type StoredRows = { planned: PlannedRow[]; leave: { id: string; name: string; mobile: string }[] };

// The checked rows are kept between check and commit packed: each row an array of its fields in this
// order, the whole as gzipped JSON in base64, one string. Prisma's query compiler took 35 s to write
// 100,000 rows as a JSON tree and under 2 s as one string, and its WebAssembly memory grows by about ten
// times the size of a value it is given and never shrinks: 16 MB of JSON text grew the process by 170 MB,
// the 4–6 MB of gzip by a third of that (issue 8, bench/import.ts).
const ROW_FIELDS = ["line", "name", "mobile", "idHash", "idMasked", "positionCode", "className", "hiredOn", "leftOn", "creditCode", "action", "userId", "orgId"] as const;
type PackedRows = { v: 2; gzip: string };

function packRows(stored: StoredRows): PackedRows {
  const json = JSON.stringify({ planned: stored.planned.map((r) => ROW_FIELDS.map((f) => r[f])), leave: stored.leave });
  return { v: 2, gzip: gzipSync(json).toString("base64") };
}

/** The kept rows, packed (as written since issue 8) or as the objects of imports checked before. */
function unpackRows(value: unknown): StoredRows {
  if (!value || typeof value !== "object" || (value as { v?: unknown }).v !== 2) return value as StoredRows;
  const packed = JSON.parse(gunzipSync(Buffer.from((value as PackedRows).gzip, "base64")).toString("utf8")) as { planned: unknown[][]; leave: StoredRows["leave"] };
  return {
    planned: packed.planned.map((cells) => Object.fromEntries(ROW_FIELDS.map((f, i) => [f, cells[i]])) as PlannedRow),
    leave: packed.leave,
  };
}

export type PreviewInput = { kind: RosterKind; fileName: string; bytes: Buffer; schoolId?: string | null; fullRoster: boolean };

/**
 * Reads and checks a file and plans it against the database. Nothing on the roster changes; the checked
 * rows are kept (ID numbers already hashed and masked) until the importer commits or discards them.
 */
export async function previewImport(user: SessionUser, input: PreviewInput, now = new Date()) {
  const target = await targetOf(user, input.kind, input.schoolId);
  if (input.bytes.length > MAX_FILE_BYTES) throw new AppError("VALIDATION", "roster.fileTooLarge", undefined, { mb: MAX_FILE_BYTES / 1024 / 1024 });
  let table: string[][];
  try {
    table = await readTable(input.fileName, input.bytes, MAX_ROWS);
  } catch (error) {
    if (error instanceof UnreadableFile) throw new AppError("VALIDATION", `roster.unreadable.${error.reason}`);
    throw error;
  }
  const positions = await db.positionCategory.findMany({ select: { code: true, name: true } });
  const checked = checkTable(table, {
    kind: input.kind,
    positions,
    hashId: hashResidentId,
    requireCreditCode: target.kind === "STAFF" && target.regional,
    today: now,
  });
  const planned = await plan(db, user, target, checked.rows);
  // An excerpt of a cell may end inside a character (a pair of UTF-16 surrogates): Prisma refuses half a pair.
  const problems: Problem[] = [...checked.problems, ...planned.problems].sort((a, b) => a.line - b.line).map((p) => (p.value ? { ...p, value: p.value.toWellFormed() } : p));
  const leave = input.fullRoster && problems.length === 0 ? await leaversOf(db, target, planned.planned) : [];
  const summary = summarise(planned.planned, problems, leave.length);
  const stored: StoredRows = { planned: problems.length ? [] : planned.planned, leave };
  const row = await db.rosterImport.create({
    data: {
      kind: input.kind,
      enterpriseId: target.kind === "STAFF" ? target.enterpriseId : null,
      schoolId: target.kind === "STUDENTS" ? target.schoolId : null,
      createdById: user.id,
      // A file named after a person may carry their ID number: kept masked, like every value an import keeps.
      // Without NUL (PostgreSQL refuses it in text) and not cut inside a character.
      fileName: redactResidentIds(input.fileName).replace(/\u0000/g, "").slice(0, 200).toWellFormed(),
      status: problems.length ? "DISCARDED" : "PREVIEW",
      rows: packRows(stored),
      problems,
      summary,
    },
    select: { id: true, status: true },
  });
  return {
    id: row.id,
    status: row.status,
    summary,
    problems,
    /** A sample of what the commit would do, for the preview table. */
    sample: planned.planned.filter((r) => r.action !== "unchanged").slice(0, 50).concat(planned.planned.filter((r) => r.action === "unchanged").slice(0, 10)),
    leave: leave.slice(0, 50),
  };
}

// Commit progress lives in the process that runs the commit (the request polls the same instance).
const progress: Map<string, { processed: number; total: number }> = ((globalThis as { __rosterProgress?: Map<string, { processed: number; total: number }> }).__rosterProgress ??= new Map());

/** An import of this user (an admin's: any), without its kept rows (megabytes for a large file). */
async function ownImport(user: SessionUser, id: string) {
  const row = await db.rosterImport.findUnique({
    where: { id },
    select: { id: true, kind: true, enterpriseId: true, schoolId: true, createdById: true, fileName: true, status: true, summary: true, error: true },
  });
  if (!row) throw notFound();
  if (row.createdById !== user.id && user.role !== "ADMIN") throw forbidden();
  return row;
}

export async function importStatus(user: SessionUser, id: string) {
  const row = await ownImport(user, id);
  const live = progress.get(id);
  const summary = row.summary as Summary;
  return {
    id: row.id,
    status: row.status,
    summary,
    processed: live?.processed ?? (row.status === "COMMITTED" ? summary.create + summary.update + summary.leave : 0),
    total: live?.total ?? summary.create + summary.update + summary.leave,
    error: row.error,
  };
}

/** Where an import's audit events belong: its enterprise or school; a regulator's, the region of its rows. */
async function importScope(client: Pick<Tx, "enterprise">, user: SessionUser, row: { enterpriseId: string | null; schoolId: string | null }, planned: PlannedRow[] = []): Promise<AuditScope> {
  if (row.enterpriseId) return { enterpriseId: row.enterpriseId };
  if (row.schoolId) return { schoolId: row.schoolId };
  const orgIds = [...new Set(planned.map((r) => r.orgId))];
  const regions: string[] = [];
  for (const part of chunks(orgIds, CHUNK)) {
    for (const e of await client.enterprise.findMany({ where: { id: { in: part } }, select: { regionCode: true } })) regions.push(e.regionCode);
  }
  return { regionCode: narrowestRegion(regions) ?? user.regionCode };
}

export async function discardImport(user: SessionUser, id: string) {
  const row = await ownImport(user, id);
  await db.$transaction(async (tx) => {
    const { count } = await tx.rosterImport.updateMany({ where: { id, status: "PREVIEW" }, data: { status: "DISCARDED", rows: { planned: [], leave: [] } } });
    if (count === 0) throw conflict("roster.notPending");
    await recordAudit(tx, {
      actor: user,
      action: "roster.import.discard",
      target: { type: "RosterImport", id },
      scope: await importScope(tx, user, row),
      detail: { fileName: row.fileName, kind: row.kind },
    });
  });
}

/**
 * Commits a checked import in one transaction: claims it (PREVIEW → COMMITTED, so a second commit of the
 * same import finds nothing to claim), plans the rows again against the database as it is now (refusing
 * the whole import if anything changed so that a row became bad), then writes. Any failure rolls back
 * everything, the claim included.
 */
export async function commitImport(user: SessionUser, id: string, initialPassword: string | undefined, now = new Date()) {
  const row = await ownImport(user, id);
  if (row.status !== "PREVIEW") throw conflict("roster.notPending");
  const stored = unpackRows((await db.rosterImport.findUniqueOrThrow({ where: { id }, select: { rows: true } })).rows);
  const target: Target =
    row.kind === "STUDENTS"
      ? { kind: "STUDENTS", schoolId: row.schoolId! }
      : row.enterpriseId
        ? { kind: "STAFF", enterpriseId: row.enterpriseId, creditCode: (await db.enterprise.findUniqueOrThrow({ where: { id: row.enterpriseId }, select: { creditCode: true } })).creditCode, regional: false }
        : { kind: "STAFF", enterpriseId: null, creditCode: null, regional: true };
  const creates = stored.planned.some((r) => r.action === "create");
  if (creates && !initialPassword) throw validation({ initialPassword: ["initialPasswordRequired"] });
  // One hash for the batch: every new account gets the same initial password and must change it at the
  // first login (features/accounts), so per-account hashing would protect nothing more and cost minutes.
  const passwordHash = creates ? await hashPassword(initialPassword!) : "";
  const total = stored.planned.filter((r) => r.action !== "unchanged").length + stored.leave.length;
  progress.set(id, { processed: 0, total });
  try {
    const summary = await db.$transaction(
      async (tx) => {
        const claimed = await tx.rosterImport.updateMany({ where: { id, status: "PREVIEW" }, data: { status: "COMMITTED", committedAt: now, rows: { planned: [], leave: [] } } });
        if (claimed.count === 0) throw conflict("roster.notPending");
        const again = await plan(tx, user, target, stored.planned);
        const changed = again.problems.length > 0 || again.planned.some((r, i) => r.action !== stored.planned[i]!.action || r.userId !== stored.planned[i]!.userId);
        if (changed) throw conflict("roster.changedSinceCheck");
        await write(tx, target, again.planned, stored.leave, passwordHash, now, (n) => progress.set(id, { processed: n, total }));
        const summary = summarise(again.planned, [], stored.leave.length);
        await recordAudit(tx, {
          actor: user,
          action: "roster.import.commit",
          target: { type: "RosterImport", id },
          scope: await importScope(tx, user, row, again.planned),
          detail: { fileName: row.fileName, kind: row.kind, rows: summary.rows, create: summary.create, update: summary.update, leave: summary.leave },
        });
        return summary;
      },
      { timeout: 15 * 60_000, maxWait: 30_000 },
    );
    return { id, status: "COMMITTED" as const, summary };
  } catch (error) {
    // Record why, unless another request committed it (then it is not ours to mark).
    if (!(error instanceof AppError && error.message === "roster.notPending")) {
      await db.rosterImport.updateMany({ where: { id, status: "PREVIEW" }, data: { error: error instanceof AppError ? error.message : "unexpected" } });
    }
    throw error;
  } finally {
    progress.delete(id);
  }
}

async function write(tx: Tx, target: Target, planned: PlannedRow[], leave: StoredRows["leave"], passwordHash: string, now: Date, report: (n: number) => void) {
  let done = 0;
  const day = (d: string | null) => (d ? dayStart(d) : null);
  const classIds = new Map<string, string>();
  if (target.kind === "STUDENTS") {
    const names = [...new Set(planned.map((r) => r.className!))];
    for (const c of await tx.schoolClass.findMany({ where: { schoolId: target.schoolId }, select: { id: true, name: true } })) classIds.set(c.name, c.id);
    for (const name of names.filter((n) => !classIds.has(n))) {
      const c = await tx.schoolClass.create({ data: { schoolId: target.schoolId, name }, select: { id: true } });
      classIds.set(name, c.id);
    }
  }
  const orgFields = (r: PlannedRow) =>
    target.kind === "STAFF"
      ? { enterpriseId: r.orgId, schoolId: null, positionCode: r.positionCode, classId: null }
      : { schoolId: r.orgId, enterpriseId: null, classId: classIds.get(r.className!)!, positionCode: null };

  // New accounts: learners who must change the password at first login (features/accounts).
  for (const part of chunks(planned.filter((r) => r.action === "create"), 2_000)) {
    await insertLearners(
      tx,
      part.map((r) => {
        const org = orgFields(r);
        return {
          mobile: r.mobile,
          name: r.name,
          passwordHash,
          enterpriseId: org.enterpriseId,
          schoolId: org.schoolId,
          positionCode: org.positionCode,
          classId: org.classId,
          hiredOn: day(r.hiredOn),
          leftOn: day(r.leftOn),
          idNumberHash: r.idHash,
          idNumberMasked: r.idMasked,
        };
      }),
      now,
    );
    report((done += part.length));
  }
  for (const r of planned.filter((p) => p.action === "update")) {
    await tx.user.update({
      where: { id: r.userId! },
      data: {
        mobile: r.mobile,
        name: r.name,
        ...orgFields(r),
        ...(r.hiredOn ? { hiredOn: day(r.hiredOn) } : {}),
        leftOn: day(r.leftOn),
        ...(r.idHash ? { idNumberHash: r.idHash, idNumberMasked: r.idMasked } : {}),
      },
    });
    if (++done % 500 === 0) report(done);
  }
  const leftOn = dayStart(dayOf(now));
  for (const part of chunks(leave.map((l) => l.id), CHUNK)) {
    await tx.user.updateMany({ where: { id: { in: part }, leftOn: null }, data: { leftOn } });
    report((done += part.length));
  }
  report(done);
}

// ---- The roster as the enterprise (or school) keeps it ----------------------------------------------

const PAGE = 50;

/** One enterprise's roster, searchable, by position and status, a page at a time. */
export async function enterpriseRoster(
  user: SessionUser,
  enterpriseId: string,
  query: { q?: string; position?: string; status?: "current" | "left" | "all"; page?: number },
) {
  const enterprise = await db.enterprise.findUnique({ where: { id: enterpriseId }, select: { id: true, name: true, regionCode: true } });
  if (!enterprise) throw notFound();
  if (!(user.role === "ENTERPRISE_ADMIN" ? user.enterpriseId === enterpriseId : canAccessRegion(user, enterprise.regionCode))) throw forbidden();
  const status = query.status ?? "current";
  const where = {
    enterpriseId,
    role: "LEARNER" as const,
    ...(status === "current" ? { leftOn: null } : status === "left" ? { leftOn: { not: null } } : {}),
    ...(query.position ? { positionCode: query.position } : {}),
    ...(query.q ? { OR: [{ name: { contains: query.q } }, { mobile: { contains: query.q } }] } : {}),
  };
  const page = Math.max(1, query.page ?? 1);
  const [total, people] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ positionCode: "asc" }, { name: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE,
      take: PAGE,
      select: { id: true, name: true, mobile: true, idNumberMasked: true, hiredOn: true, leftOn: true, mustChangePassword: true, position: { select: { name: true } } },
    }),
  ]);
  return { enterprise, total, page, pages: Math.max(1, Math.ceil(total / PAGE)), people };
}

/** Marks a person as having left (they leave the coverage denominator from that day), or back on the roster. */
export async function setLeft(user: SessionUser, personId: string, leftOn: string | null) {
  const person = await db.user.findUnique({
    where: { id: personId },
    select: { role: true, enterpriseId: true, schoolId: true, enterprise: { select: { id: true, regionCode: true } }, school: { select: { regionCode: true } } },
  });
  if (!person || person.role !== "LEARNER") throw notFound();
  const allowed =
    user.role === "ADMIN" ||
    (user.role === "ENTERPRISE_ADMIN" && person.enterpriseId !== null && user.enterpriseId === person.enterpriseId) ||
    (user.role === "SCHOOL_ADMIN" && person.schoolId !== null && user.schoolId === person.schoolId) ||
    (user.role === "REGULATOR" && person.enterprise !== null && canAccessRegion(user, person.enterprise.regionCode));
  if (!allowed) throw forbidden();
  await db.user.update({ where: { id: personId }, data: { leftOn: leftOn ? dayStart(leftOn) : null } });
}

/** Enterprises a regulator may import staff for (for the import page's help text). */
export async function enterpriseCountInScope(user: SessionUser) {
  return db.enterprise.count({ where: regionWhere(user) });
}
