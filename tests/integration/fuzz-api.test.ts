// Property-based tests of the request boundaries (issue 9, bad input), against a real database: the route
// handlers called as Next calls them (the module's GET/POST with a real Request, same-origin Origin and
// Host headers, the params promise) and the server actions through defineAction, fed malformed input.
// Route handlers: never a 500; a refusal is a 4xx JSON error with a code and a message (a message key
// that exists, or ready text); a refused request writes no row in the tables its endpoint writes.
// Server actions: never throw; malformed payloads (objects and FormData) give { ok: false, message,
// fieldErrors } with translated messages; refused payloads write nothing. Only the request's session is
// stood in for (as tests/integration/authorization.test.ts does), the translations (no request scope) and
// Auth.js's sign-in (it cannot load outside Next; no malformed payload reaches it).
//
// Inputs run: heartbeats 200 + roster import routes 150 + 100 + 100 + template 30 + exports 200 + feed 150
// = 930 requests; server actions 24 × 40 malformed payloads (only those the action's schema refuses are
// counted; fc.pre skips the others) + 120 well-formed payloads naming nothing that exists = 1,080 —
// 2,010 malformed inputs.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import messages from "@/messages/zh-CN.json";
import type { SessionUser } from "@/lib/session";
import { isTranslatedMessage, malformedFrom, nastyString, PROTOTYPE_KEYS, text, validMobile } from "../unit/fuzz/arbitraries";

const session = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getSession: async () => session.current, getRequestSession: async () => session.current }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => createTranslator({ locale: "zh-CN", messages }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// Auth.js needs Next's runtime and cannot load here; the account actions import it for signIn/signOut,
// which the malformed payloads below never reach (the schema refuses them first): reaching it fails.
vi.mock("@/lib/auth", () => ({
  signIn: () => Promise.reject(new Error("signIn reached with a malformed payload")),
  signOut: () => Promise.reject(new Error("signOut reached with a malformed payload")),
}));
vi.mock("next-auth", () => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));

const heartbeats = await import("@/app/api/learning/heartbeats/route");
const rosterImports = await import("@/app/api/rosters/imports/route");
const rosterImportById = await import("@/app/api/rosters/imports/[id]/route");
const rosterCommit = await import("@/app/api/rosters/imports/[id]/commit/route");
const rosterTemplate = await import("@/app/api/rosters/template/route");
const coverageXlsx = await import("@/app/api/coverage/xlsx/route");
const annexXlsx = await import("@/app/api/coverage/annex/route");
const satisfactionXlsx = await import("@/app/api/satisfaction/xlsx/route");
const enterpriseRecordXlsx = await import("@/app/api/enterprise-records/[id]/xlsx/route");
const recordExport = await import("@/app/api/records/[userId]/[format]/route");
const certificatePdf = await import("@/app/api/certificates/[code]/pdf/route");
const surveyResponses = await import("@/app/api/surveys/[id]/responses/route");
const feed = await import("@/app/api/feed/v1/coverage/route");

const accounts = await import("@/features/accounts/actions");
const accountSchemas = await import("@/features/accounts/schemas");
const admin = await import("@/features/admin/actions");
const adminSchemas = await import("@/features/admin/schemas");
const certificates = await import("@/features/certificates/actions");
const certificateSchemas = await import("@/features/certificates/schemas");
const coverage = await import("@/features/coverage/actions");
const coverageSchemas = await import("@/features/coverage/schemas");
const exams = await import("@/features/exams/actions");
const examSchemas = await import("@/features/exams/schemas");
const feedActions = await import("@/features/feed/actions");
const learning = await import("@/features/learning/actions");
const learningSchemas = await import("@/features/learning/schemas");
const regions = await import("@/features/regions/actions");
const regionSchemas = await import("@/features/regions/schemas");
const rosters = await import("@/features/rosters/actions");
const rosterSchemas = await import("@/features/rosters/schemas");
const surveys = await import("@/features/surveys/actions");
const surveySchemas = await import("@/features/surveys/schemas");
const { createApiKey } = await import("@/features/feed/data");
const { previewImport } = await import("@/features/rosters/data");
const { db } = await import("@/lib/db");
const { createAccount, loadDemo, sessionOf } = await import("./support");

const SITE = "http://localhost:3000";
const SAME_ORIGIN = { origin: SITE, host: "localhost:3000" };
const READING = "rumen-gongshang-baoxian";

// ---- What the endpoints write -----------------------------------------------------------------------

/** Every table a route handler or server action writes, by its count, and the columns the updating ones change. */
const COUNTED: Record<string, string> = {
  users: `"User"`,
  left: `"User" WHERE "leftOn" IS NOT NULL`,
  disabled: `"User" WHERE "disabledAt" IS NOT NULL`,
  ...Object.fromEntries(["LEARNER", "ENTERPRISE_ADMIN", "SCHOOL_ADMIN", "PROVIDER", "REGULATOR", "ADMIN"].map((r) => [`role ${r}`, `"User" WHERE "role" = '${r}'`])),
  heartbeats: `"Heartbeat"`,
  clocks: `"LearningClock"`,
  progress: `"LessonProgress"`,
  completions: `"CourseCompletion"`,
  certificates: `"Certificate"`,
  revoked: `"Certificate" WHERE "revokedAt" IS NOT NULL`,
  rosterImports: `"RosterImport"`,
  pending: `"RosterImport" WHERE "status" = 'PREVIEW'`,
  classes: `"SchoolClass"`,
  audit: `"AuditEvent"`,
  apiKeys: `"ApiKey"`,
  revokedKeys: `"ApiKey" WHERE "revokedAt" IS NOT NULL`,
  enterprises: `"Enterprise"`,
  keyEnterprises: `"KeyEnterprise"`,
  annex: `"AnnexFigure"`,
  attempts: `"ExamAttempt"`,
  answers: `"ExamAnswer"`,
  focus: `"ExamFocusEvent"`,
  quizzes: `"QuizAttempt"`,
  templates: `"SurveyTemplate"`,
  surveys: `"Survey"`,
  projects: `"AnnualProject"`,
  sessions: `"TrainingSession"`,
  responses: `"SurveyResponse"`,
};
// One statement for all of them (the same SQL on SQLite and PostgreSQL): twice per input, 2,000 inputs.
const COUNT_SQL = `SELECT ${Object.values(COUNTED).map((from, i) => `(SELECT count(*) FROM ${from}) AS c${i}`).join(", ")}`;

/**
 * Rows of every table a route handler or server action writes. Rate-limit windows are left out on
 * purpose: they count refused requests too (lib/rate-limit.ts), and the feed's key records its last use.
 */
async function counts(): Promise<Record<string, number>> {
  const [row] = await db.$queryRawUnsafe<Record<string, bigint | number>[]>(COUNT_SQL);
  return Object.fromEntries(Object.keys(COUNTED).map((name, i) => [name, Number(row![`c${i}`])]));
}

/** Does messages/zh-CN.json hold this key (a.b.c)? */
function hasMessage(key: string): boolean {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object" || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

/**
 * A response to a malformed request: never 5xx; a refusal is JSON with a code and a clear message (a
 * key that exists, or ready text). Returns whether it was refused.
 */
async function expectNoServerError(response: Response, what: string): Promise<boolean> {
  expect(response.status, `${what}: ${response.status} ${response.status >= 500 ? await response.clone().text() : ""}`).toBeLessThan(500);
  if (response.status < 400) return false;
  expect(response.headers.get("content-type") ?? "", what).toContain("application/json");
  const body = (await response.json()) as { error?: unknown; message?: unknown };
  expect(body.error, `${what}: ${JSON.stringify(body)}`).toMatch(/^[A-Z_]+$/);
  expect(typeof body.message === "string" && body.message.trim() !== "", `${what}: no message in ${JSON.stringify(body)}`).toBe(true);
  const message = body.message as string;
  if (/^[a-zA-Z]+(\.[a-zA-Z]+)+$/.test(message)) expect(hasMessage(message), `${what}: unknown message key ${message}`).toBe(true);
  return true;
}

/** Checks a request: no 5xx, a clear refusal, and (refused) nothing written. */
async function expectRefusedCleanly(send: () => Promise<Response>, what: string): Promise<boolean> {
  const before = await counts();
  const refused = await expectNoServerError(await send(), what);
  if (refused) expect(await counts(), what).toEqual(before);
  return refused;
}

const request = (path: string, init: RequestInit = {}) => new Request(`${SITE}${path}`, { ...init, headers: { ...SAME_ORIGIN, ...(init.headers as Record<string, string> | undefined) } });
const params = <T,>(value: T) => ({ params: Promise.resolve(value) });

/**
 * Values a URL path segment, a query parameter or a multipart field can carry once decoded: any text
 * (NUL included) but never half a surrogate pair (percent-decoding and UTF-8 decoding replace those).
 */
const decodedText = nastyString.map((s) => s.toWellFormed());

/** JSON text of any value (what a client may POST); fast-check's rendering for what JSON cannot hold (BigInt, undefined). */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? fc.stringify(value);
  } catch {
    return fc.stringify(value);
  }
}

/** JSON with escapes that decode to NUL and to half a surrogate pair (JSON.parse accepts both). */
const escapedJson = (template: Record<string, unknown>, field: string) =>
  fc.constantFrom("\\u0000", "\\ud800", "\\udfff", "abc\\u0000def", "\\ud83d", "x\\u0000".repeat(10)).map((escape) => JSON.stringify(template).replace(`"${field}":"@"`, `"${field}":"${escape}"`));

// ---- People ------------------------------------------------------------------------------------------

let learner: SessionUser;
let cityRegulator: SessionUser;
let enterpriseAdmin: SessionUser;
let provider: SessionUser;
let administrator: SessionUser;
const importers: SessionUser[] = [];
let apiKey = "";
let pendingImportId = "";
let discardedImportId = "";

beforeAll(async () => {
  await loadDemo();
  // A team leader of the demo enterprise: the intro course (and its reading lesson) is assigned to them.
  const account = await createAccount({ password: "Learner-2026" });
  const enterprise = await db.enterprise.findFirstOrThrow({ where: { regionCode: "510411" } });
  await db.user.update({ where: { id: account.id }, data: { enterpriseId: enterprise.id, positionCode: "TEAM_LEADER" } });
  learner = await sessionOf(account.mobile);
  cityRegulator = await sessionOf("13800000001");
  enterpriseAdmin = await sessionOf("13800000003");
  provider = await sessionOf("13800000005");
  administrator = await sessionOf("13800000000");
  // Regulators of the city who preview files through the route: a preview is rate-limited per user.
  for (let i = 0; i < 8; i++) {
    const r = await createAccount({ password: "Regulator-2026", role: "REGULATOR" });
    await db.user.update({ where: { id: r.id }, data: { regionCode: "510400" } });
    importers.push(await sessionOf(r.mobile));
  }
  apiKey = (await createApiKey(cityRegulator, "模糊测试")).key;
  const file = Buffer.from(`姓名,手机号,岗位类别\n模糊,17766660001,一线班组长\n`, "utf8");
  pendingImportId = (await previewImport(enterpriseAdmin, { kind: "STAFF", fileName: "pending.csv", bytes: file, fullRoster: false })).id;
  const bad = Buffer.from(`姓名,手机号,岗位类别\n模糊,123,一线班组长\n`, "utf8");
  discardedImportId = (await previewImport(enterpriseAdmin, { kind: "STAFF", fileName: "bad.csv", bytes: bad, fullRoster: false })).id;
});

// ---- Route handlers ----------------------------------------------------------------------------------

describe("POST /api/learning/heartbeats, given malformed bodies", () => {
  const beat = { lessonId: READING, tabId: "tab-00000001", seq: 1, watchedSeconds: 15, ageSeconds: 0, position: 10, visible: true, active: true };
  const body = fc.oneof(
    { arbitrary: nastyString, weight: 2 },
    { arbitrary: fc.jsonValue({ maxDepth: 4 }).map(jsonText), weight: 2 },
    { arbitrary: malformedFrom(fc.constant({ beats: [beat, { ...beat, seq: 2 }] })).map(jsonText), weight: 4 },
    { arbitrary: escapedJson({ beats: [{ ...beat, lessonId: "@" }] }, "lessonId"), weight: 1 },
    { arbitrary: escapedJson({ beats: [{ ...beat, tabId: "@" }] }, "tabId").map((s) => s.replace(/"tabId":"([^"]*)"/, (_m, t: string) => `"tabId":"${t}${"x".repeat(Math.max(0, 8 - t.length))}"`)), weight: 1 },
    { arbitrary: fc.integer({ min: 201, max: 400 }).map((n) => JSON.stringify({ beats: Array.from({ length: n }, (_, i) => ({ ...beat, seq: i })) })), weight: 1 },
    { arbitrary: fc.constant("[".repeat(100_000) + "]".repeat(100_000)), weight: 1 },
  );
  const contentType = fc.constantFrom("application/json", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data", "");

  it("never answers 500, refuses with a code and a message, and credits nothing when it refuses", async () => {
    session.current = learner;
    await fc.assert(
      fc.asyncProperty(body, contentType, async (text, type) => {
        // Each run its own tab: a well-formed heartbeat that got through is not a duplicate of another run's.
        const unique = text.replace(/tab-00000001/g, `tab-${randomUUID()}`);
        await expectRefusedCleanly(() => heartbeats.POST(request("/api/learning/heartbeats", { method: "POST", body: unique, headers: type ? { "content-type": type } : {} }), {} as never), `heartbeat ${unique.slice(0, 200)}`);
      }),
      { numRuns: 200 },
    );
  }, 300_000);
});

describe("the roster import routes, given malformed bodies and ids", () => {
  const kinds = fc.oneof(fc.constantFrom("STAFF", "STUDENTS", "staff", "", "TEACHERS"), decodedText);
  const file = fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((b) => ({ bytes: Buffer.from(b), name: "roster.xlsx" })),
    fc.tuple(decodedText, fc.constantFrom(".xlsx", ".csv", ".txt", "", ".exe")).map(([name, ext]) => ({ bytes: Buffer.from("姓名,手机号\n甲,123\n"), name: `${name.slice(0, 200)}${ext}` })),
  );
  const multipart = fc
    .record(
      {
        file: fc.oneof(file, decodedText),
        kind: kinds,
        schoolId: fc.oneof(decodedText, fc.constantFrom("", "x".repeat(41))),
        fullRoster: fc.oneof(fc.constantFrom("true", "false", "yes", ""), decodedText),
        extra: fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS, "$ACTION_ID_1"), decodedText),
      },
      { requiredKeys: [] },
    )
    .map((fields) => {
      const form = new FormData();
      if (fields.file !== undefined) {
        if (typeof fields.file === "string") form.append("file", fields.file);
        else form.append("file", new File([new Uint8Array(fields.file.bytes)], fields.file.name));
      }
      for (const key of ["kind", "schoolId", "fullRoster"] as const) if (fields[key] !== undefined) form.append(key, fields[key]!);
      if (fields.extra) form.append(fields.extra[0], fields.extra[1]);
      return { body: form as BodyInit, headers: {} as Record<string, string> };
    });
  const other = fc.oneof(
    nastyString.map((s) => ({ body: s as BodyInit, headers: { "content-type": "multipart/form-data; boundary=xyz" } })),
    nastyString.map((s) => ({ body: s as BodyInit, headers: { "content-type": "application/json" } })),
    fc.constant({ body: "kind=STAFF" as BodyInit, headers: { "content-type": "application/x-www-form-urlencoded" } }),
    fc.constant({ body: "x" as BodyInit, headers: { "content-type": "multipart/form-data", "content-length": String(40 * 1024 * 1024) } }),
    fc.constant({ body: null, headers: {} as Record<string, string> }),
  );

  it("POST /api/rosters/imports: never 500, a clear refusal or a preview, nothing imported", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: multipart, weight: 3 }, { arbitrary: other, weight: 1 }), async ({ body, headers }) => {
        session.current = importers[n++ % importers.length]!;
        const before = await counts();
        const response = await rosterImports.POST(request("/api/rosters/imports", { method: "POST", body, headers }), {} as never);
        const refused = await expectNoServerError(response, "roster preview");
        const after = await counts();
        // A file read whole gets its check kept (DISCARDED with problems, or PREVIEW to confirm): no person is written.
        expect({ ...after, rosterImports: before.rosterImports, pending: before.pending }).toEqual(before);
        if (refused) expect(after).toEqual(before);
      }),
      { numRuns: 150 },
    );
  }, 300_000);

  const id = fc.oneof(decodedText, fc.constant(discardedImportId), fc.constant(pendingImportId).map((i) => `${i}x`), fc.constant("x".repeat(5000)));

  it("GET and DELETE /api/rosters/imports/<id>: never 500 for any id", async () => {
    session.current = enterpriseAdmin;
    await fc.assert(
      fc.asyncProperty(id, fc.boolean(), async (value, del) => {
        const send = () => (del ? rosterImportById.DELETE : rosterImportById.GET)(request(`/api/rosters/imports/x`, { method: del ? "DELETE" : "GET" }), params({ id: value }));
        await expectRefusedCleanly(send, `${del ? "DELETE" : "GET"} import ${JSON.stringify(value.slice(0, 100))}`);
      }),
      { numRuns: 100 },
    );
  }, 300_000);

  it("POST /api/rosters/imports/<id>/commit: never 500, and a malformed body commits nothing", async () => {
    session.current = enterpriseAdmin;
    const commitBody = fc.oneof(
      nastyString,
      fc.jsonValue({ maxDepth: 3 }).map(jsonText),
      malformedFrom(fc.constant({ initialPassword: "Initial-2026", confirmPassword: "Initial-2026" })).map(jsonText),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(pendingImportId), id), commitBody, async (value, text) => {
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(text);
        } catch {}
        // Only malformed bodies against the import awaiting confirmation: a well-formed one would commit it.
        fc.pre(value !== pendingImportId || !rosterSchemas.commitSchema.safeParse(parsed).success);
        const refused = await expectRefusedCleanly(
          () => rosterCommit.POST(request(`/api/rosters/imports/x/commit`, { method: "POST", body: text, headers: { "content-type": "application/json" } }), params({ id: value })),
          `commit ${JSON.stringify(value.slice(0, 60))} ${text.slice(0, 100)}`,
        );
        expect(refused).toBe(true);
      }),
      { numRuns: 100 },
    );
    expect((await db.rosterImport.findUniqueOrThrow({ where: { id: pendingImportId } })).status).toBe("PREVIEW");
  }, 300_000);

  it("GET /api/rosters/template: never 500 for any query", async () => {
    session.current = enterpriseAdmin;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom("STAFF", "STUDENTS", "", "staff"), decodedText), async (kind) => {
        await expectRefusedCleanly(() => rosterTemplate.GET(request(`/api/rosters/template?${new URLSearchParams({ kind })}`), {} as never), `template ${kind.slice(0, 50)}`);
      }),
      { numRuns: 30 },
    );
  }, 300_000);
});

describe("the exports, given arbitrary queries and params", () => {
  const region = fc.oneof(fc.constantFrom("510400", "510402", "510100", "110000", "510000", "999999", "000000", "5104", ""), decodedText);
  const period = fc.oneof(fc.constantFrom("2026-2030", "2021-2025", "1999-2000", ""), decodedText);
  const year = fc.oneof(fc.constantFrom("2026", "2020", "2101", "-1", "1e3", "NaN", ""), decodedText);
  /** A query string: well-formed parameters, or raw text (bad escapes, repeated keys, no values). */
  const query = fc.oneof(
    fc.record({ region, period, year }, { requiredKeys: [] }).map((q) => new URLSearchParams(q as Record<string, string>).toString()),
    fc.constantFrom("region=%", "region=%zz&period=%00", "region=510400&region=x", "&&&==&", "period[]=1", "region=%E4%B8", "year=2026&year=", "region=510400%00"),
    fc.string({ unit: fc.constantFrom(..."%&=?#+ab5104"), maxLength: 30 }),
  );
  const segment = fc.oneof(decodedText, fc.constantFrom("me", "xlsx", "pdf", "..", "%2e%2e", "x".repeat(5000)));

  const exports: { name: string; user: () => SessionUser; send: (q: string, a: string, b: string) => Promise<Response> }[] = [
    { name: "coverage xlsx", user: () => cityRegulator, send: (q) => coverageXlsx.GET(request(`/api/coverage/xlsx?${q}`), {} as never) },
    { name: "annex xlsx", user: () => cityRegulator, send: (q) => annexXlsx.GET(request(`/api/coverage/annex?${q}`), {} as never) },
    { name: "satisfaction xlsx", user: () => cityRegulator, send: (q) => satisfactionXlsx.GET(request(`/api/satisfaction/xlsx?${q}`), {} as never) },
    { name: "enterprise record", user: () => cityRegulator, send: (_q, a) => enterpriseRecordXlsx.GET(request(`/api/enterprise-records/x/xlsx`), params({ id: a })) },
    { name: "learner record", user: () => enterpriseAdmin, send: (_q, a, b) => recordExport.GET(request(`/api/records/x/y`), params({ userId: a, format: b })) },
    { name: "certificate pdf", user: () => learner, send: (_q, a) => certificatePdf.GET(request(`/api/certificates/x/pdf`), params({ code: a })) },
    { name: "survey responses", user: () => provider, send: (_q, a) => surveyResponses.GET(request(`/api/surveys/x/responses`), params({ id: a })) },
  ];

  it("never answer 500; a refusal is a clear JSON error and writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...exports), query, segment, segment, async (endpoint, q, a, b) => {
        session.current = endpoint.user();
        await expectRefusedCleanly(() => endpoint.send(q, a, b), `${endpoint.name} ?${q.slice(0, 80)} ${JSON.stringify(a.slice(0, 40))} ${JSON.stringify(b.slice(0, 40))}`);
      }),
      { numRuns: 200 },
    );
  }, 600_000);
});

describe("GET /api/feed/v1/coverage, given arbitrary keys and queries", () => {
  /** Header values a client can send (Latin-1, no CR, LF or NUL: Headers refuses those). */
  const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 80 });
  const authorization = fc.oneof(
    fc.constant(null),
    headerText,
    headerText.map((k) => `Bearer ${k}`),
    fc.stringMatching(/^[A-Za-z0-9_-]{32}$/).map((k) => `Bearer gsyf_${k}`),
    fc.constantFrom("Bearer", "Bearer ", "Basic Z3N5Zjp4", "bearer gsyf_", "Bearer gsyf_ gsyf_"),
    fc.constant(null).map(() => `Bearer ${apiKey}`),
    fc.constant(null).map(() => `bEaReR   ${apiKey}`),
  );
  const query = fc.oneof(
    fc
      .record(
        {
          table: fc.oneof(fc.constantFrom("summary", "region", "enterprise", "trend", "people", ""), decodedText),
          format: fc.oneof(fc.constantFrom("json", "csv", "xml", ""), decodedText),
          region: fc.oneof(fc.constantFrom("510400", "510402", "510100", "999999", ""), decodedText),
          period: fc.oneof(fc.constantFrom("2026-2030", "x".repeat(21), ""), decodedText),
        },
        { requiredKeys: [] },
      )
      .map((q) => new URLSearchParams(q as Record<string, string>).toString()),
    fc.constantFrom("table=%", "format=csv&format=%00", "&&&", "region=%E4"),
  );

  it("never answers 500, refuses with a code and a message, and writes nothing when it refuses", async () => {
    session.current = null; // the feed is authorised by its key, not a session
    await fc.assert(
      fc.asyncProperty(authorization, query, async (auth, q) => {
        const headers: Record<string, string> = auth === null ? {} : { authorization: auth };
        const refused = await expectRefusedCleanly(() => feed.GET(request(`/api/feed/v1/coverage?${q}`, { headers })), `feed ${auth?.slice(0, 30)} ?${q.slice(0, 80)}`);
        if (!auth?.includes(apiKey)) expect(refused).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, 600_000);
});

// ---- Server actions ------------------------------------------------------------------------------------

type Payload = Record<string, unknown> | FormData;
type ActionCase = {
  name: string;
  action: (previous: unknown, payload: never) => Promise<{ ok: boolean; message?: string; fieldErrors?: Record<string, string[]> }>;
  schema: z.ZodType;
  base: Record<string, unknown>;
  user: () => SessionUser | null;
};

const ACTIONS: ActionCase[] = [
  { name: "login", action: accounts.login, schema: accountSchemas.loginSchema.extend({ next: z.string().max(2000).optional() }), base: { mobile: "13800000006", password: "x", next: "/learn" }, user: () => null },
  { name: "changePassword", action: accounts.changePassword, schema: accountSchemas.changePasswordSchema, base: { currentPassword: "Old-pass-1", newPassword: "New-pass-2026", confirmPassword: "New-pass-2026" }, user: () => learner },
  { name: "setLocale", action: accounts.setLocale, schema: accountSchemas.localeSchema, base: { locale: "en" }, user: () => null },
  { name: "changeRole", action: admin.changeRoleAction, schema: adminSchemas.changeRoleSchema, base: { userId: "u1", role: "REGULATOR", regionCode: "510402" }, user: () => administrator },
  { name: "setAccountDisabled", action: admin.setAccountDisabledAction, schema: adminSchemas.setDisabledSchema, base: { userId: "u1", disabled: "true", confirm: "yes" }, user: () => administrator },
  { name: "revokeCertificate", action: certificates.revokeCertificateAction, schema: certificateSchemas.revokeCertificateSchema, base: { code: "K7QM-2XRD-9PFA-H3TW", reason: "证书信息有误", confirm: "yes" }, user: () => administrator },
  {
    name: "saveAnnex",
    action: coverage.saveAnnexAction,
    schema: coverageSchemas.annexSchema,
    base: { regionCode: "510400", periodId: "2026-2030", rows: [{ industryCode: "CONSTRUCTION", insuredEnterprises: 3, employees: "100", insuredEmployees: 90, accidents: "" }] },
    user: () => cityRegulator,
  },
  { name: "startExam", action: exams.startExamAction, schema: examSchemas.startExamSchema, base: { courseId: "gongshang-yufang-rumen" }, user: () => learner },
  { name: "saveAnswer", action: exams.saveAnswerAction, schema: examSchemas.saveAnswerSchema, base: { attemptId: "a1", questionId: "q1", chosen: ["A", "B"] }, user: () => learner },
  { name: "submitExam", action: exams.submitExamAction, schema: examSchemas.submitExamSchema, base: { attemptId: "a1" }, user: () => learner },
  { name: "focusEvents", action: exams.focusEventsAction, schema: examSchemas.focusEventsSchema, base: { attemptId: "a1", events: [{ kind: "hidden", at: "2026-11-23T04:00:00Z" }] }, user: () => learner },
  { name: "createApiKey", action: feedActions.createApiKeyAction, schema: z.object({ name: z.string().trim().min(1).max(60) }), base: { name: "省厅平台" }, user: () => cityRegulator },
  { name: "revokeApiKey", action: feedActions.revokeApiKeyAction, schema: z.object({ id: z.string().min(1).max(40) }), base: { id: "k1" }, user: () => cityRegulator },
  { name: "answerCheckpoint", action: learning.answerCheckpointAction, schema: learningSchemas.checkpointAnswerSchema, base: { lessonId: READING, checkpointId: "cp-1", chosen: ["A"] }, user: () => learner },
  { name: "saveQuizAttempt", action: learning.saveQuizAttemptAction, schema: learningSchemas.quizAttemptSchema, base: { lessonId: READING, answers: [{ questionId: "q1", chosen: [1, 2] }] }, user: () => learner },
  { name: "designateKeyEnterprise", action: regions.designateKeyEnterprise, schema: regionSchemas.setKeyEnterpriseSchema, base: { enterpriseId: "e1", isKey: "true" }, user: () => cityRegulator },
  {
    name: "createEnterprise",
    action: regions.createEnterpriseAction,
    schema: regionSchemas.createEnterpriseSchema,
    base: { name: "模糊测试有限公司", creditCode: "91510400MA0000000X", industryCode: "CONSTRUCTION", regionCode: "510402", isKey: "on" },
    user: () => cityRegulator,
  },
  { name: "setLeft", action: rosters.setLeftAction, schema: rosterSchemas.setLeftSchema, base: { personId: "p1", leftOn: "2026-06-30" }, user: () => enterpriseAdmin },
  { name: "submitSurvey", action: surveys.submitSurveyAction, schema: surveySchemas.submitSurveySchema, base: { surveyId: "s1", "a.teacher": "SATISFIED" }, user: () => learner },
  {
    name: "createTemplate",
    action: surveys.createTemplateAction,
    schema: surveySchemas.templateInputSchema,
    base: { title: "培训满意度调查", intro: "", items: [{ id: "overall", type: "rating", text: "总体是否满意？", overall: true }] },
    user: () => provider,
  },
  { name: "createSurvey", action: surveys.createSurveyAction, schema: surveySchemas.surveyInputSchema, base: { templateId: "t1", target: "COURSE", courseId: "c1", regionCode: "510400", opensOn: "2026-01-01", closesOn: "2026-12-31" }, user: () => provider },
  { name: "createProject", action: surveys.createProjectAction, schema: surveySchemas.projectInputSchema, base: { name: "2026年度工伤预防项目", year: "2026", regionCode: "510400", satisfactionTarget: "85" }, user: () => cityRegulator },
  { name: "createSession", action: surveys.createSessionAction, schema: surveySchemas.sessionInputSchema, base: { projectId: "p1", title: "线下培训第一期", heldOn: "2026-05-01", location: "会议室", templateId: "t1" }, user: () => provider },
  { name: "closeSurvey", action: surveys.closeSurveyAction, schema: surveySchemas.closeSurveySchema, base: { surveyId: "s1", confirm: "yes" }, user: () => provider },
];

/** The object a FormData payload becomes in defineAction (lib/action.ts formDataToObject). */
function formObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** A payload as a form would post it: each field a string (or a File), lists as repeated fields. */
function toFormData(value: unknown): FormData {
  const form = new FormData();
  const add = (key: string, v: unknown) => form.append(key, v instanceof File ? v : typeof v === "string" ? v : jsonText(v));
  if (value && typeof value === "object" && !Array.isArray(value))
    for (const [k, v] of Object.entries(value)) {
      if (Array.isArray(v)) v.forEach((x) => add(k, x));
      else if (v !== undefined) add(k, v);
    }
  return form;
}

const asFormText = (form: FormData) => [...form.entries()].map(([k, v]) => `${k}=${typeof v === "string" ? v.slice(0, 40) : "<file>"}`).join("&");

/** Writes nothing, returns { ok: false } with a translated message; a schema refusal also carries field errors. */
async function expectActionRefused(c: ActionCase, payload: Payload, schemaRefuses: boolean, what: string) {
  session.current = c.user();
  const before = await counts();
  const result = await c.action(null, payload as never); // a throw fails the property
  expect(result.ok, `${what}: ${JSON.stringify(result)}`).toBe(false);
  expect(isTranslatedMessage(result.message), `${what}: ${result.message}`).toBe(true);
  expect(result.message, `${what}: an unexpected error`).not.toBe(messages.errors.unexpected);
  if (schemaRefuses) {
    expect(result.message).toBe(messages.errors.validation);
    const fields = Object.entries(result.fieldErrors ?? {});
    expect(fields.length, what).toBeGreaterThan(0);
    for (const [field, list] of fields) for (const m of list) expect(isTranslatedMessage(m), `${what}: ${field}: ${m}`).toBe(true);
  }
  expect(await counts(), what).toEqual(before);
}

describe("server actions, given malformed payloads", () => {
  it.each(ACTIONS.map((c) => [c.name, c] as const))("%s: never throws, refuses with field errors, writes nothing", async (name, c) => {
    await fc.assert(
      fc.asyncProperty(malformedFrom(fc.constant(c.base)), fc.boolean(), async (value, asForm) => {
        const payload: Payload = asForm ? toFormData(value) : (value as Record<string, unknown>);
        const seen = payload instanceof FormData ? formObject(payload) : payload;
        fc.pre(!c.schema.safeParse(seen).success);
        await expectActionRefused(c, payload, true, `${name} ${payload instanceof FormData ? asFormText(payload) : jsonText(payload).slice(0, 300)}`);
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});

describe("server actions, given well-formed payloads that name nothing that exists", () => {
  /** Ids as a client may send them: random text, NUL, half surrogate pairs (JSON escapes), huge. */
  const strangeId = fc.oneof(text(1, 30), fc.constantFrom("\u0000", "a\u0000b", "\ud800", "x\udfff", "\ufeff", "' OR 1=1 --", "../x", "null"), validMobile);
  const withIds: { c: ActionCase; fields: string[] }[] = [
    { c: ACTIONS.find((a) => a.name === "revokeApiKey")!, fields: ["id"] },
    { c: ACTIONS.find((a) => a.name === "designateKeyEnterprise")!, fields: ["enterpriseId"] },
    { c: ACTIONS.find((a) => a.name === "setLeft")!, fields: ["personId"] },
    { c: ACTIONS.find((a) => a.name === "saveAnswer")!, fields: ["attemptId", "questionId"] },
    { c: ACTIONS.find((a) => a.name === "submitExam")!, fields: ["attemptId"] },
    { c: ACTIONS.find((a) => a.name === "answerCheckpoint")!, fields: ["lessonId", "checkpointId"] },
    { c: ACTIONS.find((a) => a.name === "submitSurvey")!, fields: ["surveyId"] },
    { c: ACTIONS.find((a) => a.name === "closeSurvey")!, fields: ["surveyId"] },
    { c: ACTIONS.find((a) => a.name === "changeRole")!, fields: ["userId"] },
    { c: ACTIONS.find((a) => a.name === "setAccountDisabled")!, fields: ["userId"] },
    { c: ACTIONS.find((a) => a.name === "revokeCertificate")!, fields: ["code"] },
    { c: ACTIONS.find((a) => a.name === "createSession")!, fields: ["projectId", "templateId"] },
  ];

  it("refuses with a clear message (not an unexpected error) and writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withIds), fc.array(strangeId, { minLength: 2, maxLength: 2 }), async ({ c, fields }, ids) => {
        const payload: Record<string, unknown> = { ...c.base };
        fields.forEach((f, i) => (payload[f] = f === "code" ? `${ids[i]}-0000-0000-0000` : ids[i]));
        fc.pre(c.schema.safeParse(payload).success);
        await expectActionRefused(c, payload, false, `${c.name} ${jsonText(payload)}`);
      }),
      { numRuns: 120 },
    );
  }, 300_000);
});
