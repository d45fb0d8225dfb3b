// The access-control matrix over HTTP (issue 9, item 1): every page and every route handler method of
// app/, requested as a signed-out visitor and as a demo account of each role (tests/access/matrix.ts
// says who gets through), against the production server and its demo data. A page answers 200 to those
// let through, sends a signed-out visitor to /login and answers 403 (Next's forbidden()) to the rest; a
// route handler answers 401 / 403 as JSON. The route list is read from app/ when the test runs: a route
// without a rule fails here. Requests go through APIRequestContext with each role's stored session
// (signed in once per account), without redirects followed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import Database from "better-sqlite3";
import pg from "pg";
import { ROLE_HOME } from "@/lib/roles";
import {
  ACCOUNTS,
  HANDLER_RULES,
  PAGE_RULES,
  actionFiles,
  actorsOf,
  completeness,
  exportedNames,
  expectationOf,
  handlerExists,
  pageExists,
  urlOf,
  type Account,
  type Actor,
  type Expectation,
  type Ids,
  type Method,
  type PageRule,
  type Sample,
} from "../access/matrix";
import { E2E_EXAM_COURSE, E2E_SURVEY } from "./fixtures";
import { DEMO_PASSWORD } from "./support";

type Kind = "page" | "handler";
type StorageState = Awaited<ReturnType<APIRequestContext["storageState"]>>;

const ROOT = process.cwd();
const ROSTER_FILE_NAME = "access-matrix.xlsx";

let baseURL = "";
const states = new Map<Actor, StorageState>();
const contexts = new Map<Actor, APIRequestContext>();
let ids: Ids;

// ---- The browser tests' database, read-only (as tests/e2e/db.ts reads it), for generated ids --------

async function query<T>(sql: string, params: unknown[]): Promise<T[]> {
  const provider = process.env.TEST_DB === "postgresql" ? "postgresql" : "sqlite";
  const label = process.env.E2E_DATABASE_LABEL ?? `e2e_${provider}`;
  if (provider === "sqlite") {
    const db = new Database(path.join(ROOT, "tests/.tmp", `${label}.db`), { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  const u = new URL(process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  u.pathname = `/test_${label}`;
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    let n = 0;
    return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function one(sql: string, params: unknown[], what: string): Promise<string> {
  const rows = await query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`the demo data has no ${what}`);
  return rows[0].id;
}

const userId = (mobile: string) => one(`SELECT id FROM "User" WHERE mobile = ?`, [mobile], `user ${mobile}`);

// ---- Sessions and the objects of the scope cases ------------------------------------------------------

/**
 * A request context signed in as `account` through Auth.js's credentials sign-in endpoint (the provider
 * the login form's action signs in with: the same password check and throttling), its session checked.
 */
async function signedIn(account: Account): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    headers: { Origin: baseURL },
    form: { csrfToken, mobile: account.mobile, password: account.password ?? DEMO_PASSWORD, callbackUrl: baseURL },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${account.mobile}`).toBe(302);
  const session = (await (await context.get("/api/auth/session")).json()) as { user?: { id?: string } } | null;
  expect(session?.user?.id, `session of ${account.mobile}`).toBeTruthy();
  return context;
}

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  baseURL = testInfo.project.use.baseURL!;
  for (const [actor, account] of Object.entries(ACCOUNTS) as [Exclude<Actor, "ANON">, Account][]) {
    const context = await signedIn(account);
    states.set(actor, await context.storageState());
    contexts.set(actor, context);
  }
  contexts.set("ANON", await playwrightRequest.newContext({ baseURL }));

  // The other learner's exam attempt, for another learner to be refused: started through the exam page
  // (once: a later run of this file finds it).
  const attemptSql = `SELECT a.id FROM "ExamAttempt" a JOIN "User" u ON u.id = a."userId" WHERE u.mobile = ? ORDER BY a."startedAt" DESC`;
  if ((await query(attemptSql, [ACCOUNTS.OTHER_LEARNER.mobile])).length === 0) {
    const context = await browser.newContext({ baseURL, storageState: states.get("OTHER_LEARNER") });
    const page = await context.newPage();
    await page.goto(`/learn/courses/${E2E_EXAM_COURSE}/exam`);
    await page.getByRole("button", { name: /开始考试|继续作答/ }).click();
    await page.waitForURL(/\/learn\/exams\/[^/]+$/);
    await context.close();
  }

  // A roster preview of 攀西钒钛's admin (nothing imported; discarded after the tests), for other
  // importers to be refused: the template itself, uploaded back.
  const admin = contexts.get("ENTERPRISE_ADMIN")!;
  const template = await admin.get("/api/rosters/template?kind=STAFF");
  expect(template.status()).toBe(200);
  const preview = await admin.post("/api/rosters/imports", {
    headers: { Origin: baseURL },
    multipart: {
      file: { name: ROSTER_FILE_NAME, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await template.body() },
      kind: "STAFF",
      fullRoster: "false",
    },
  });
  expect(preview.status(), await preview.text()).toBe(200);
  const rosterImport = ((await preview.json()) as { id: string }).id;

  const enterprise = (name: string) => one(`SELECT id FROM "Enterprise" WHERE name = ?`, [name], name);
  const survey = (code: string) => one(`SELECT id FROM "Survey" WHERE code = ?`, [code], `survey ${code}`);
  ids = {
    enterprise: { vt: await enterprise("攀西钒钛冶炼有限公司（演示）"), chem: await enterprise("攀枝花金沙精细化工有限公司（演示）") },
    user: { learner: await userId(ACCOUNTS.LEARNER.mobile), vtStaff: await userId("13800000010") },
    survey: { courseE2E: await survey(E2E_SURVEY.courseSurvey.code), sessionE2E: await survey(E2E_SURVEY.session.code) },
    project: { miyi: await one(`SELECT id FROM "AnnualProject" WHERE name = ?`, ["米易县年度工伤预防培训项目（E2E）"], "米易县's project") },
    attempt: { otherLearner: await one(attemptSql, [ACCOUNTS.OTHER_LEARNER.mobile], "exam attempt of the other learner") },
    rosterImport: { enterpriseAdmin: rosterImport },
  };
});

test.afterAll(async () => {
  const admin = contexts.get("ENTERPRISE_ADMIN");
  // The preview is discarded by its owner (a preview with problems is discarded already: 409).
  if (admin && ids) {
    const discarded = await admin.delete(`/api/rosters/imports/${ids.rosterImport.enterpriseAdmin}`, { headers: { Origin: baseURL } });
    expect([200, 409]).toContain(discarded.status());
  }
  for (const context of contexts.values()) await context.dispose();
  contexts.clear();
});

// ---- One request and what it must answer ----------------------------------------------------------------

async function requestAs(actor: Actor, method: Method, rule: PageRule, sample: Sample): Promise<APIResponse> {
  const url = urlOf(sample, ids);
  const headers: Record<string, string> = { ...sample.headers };
  // Same-origin, as the browser sends it: route handlers refuse cross-site writes.
  if (method !== "GET" && method !== "HEAD") headers.Origin = baseURL;
  if (sample.body) headers["Content-Type"] = sample.body.contentType;
  // Auth.js's endpoints may set or clear session cookies: a throw-away copy of the actor's session.
  const disposable = rule.route.startsWith("/api/auth/");
  const context = disposable ? await playwrightRequest.newContext({ baseURL, storageState: states.get(actor) }) : contexts.get(actor)!;
  try {
    const response = await context.fetch(url, { method, headers, data: sample.body?.data, maxRedirects: 0, failOnStatusCode: false });
    await response.body(); // read before a throw-away context is disposed
    return response;
  } finally {
    if (disposable) await context.dispose();
  }
}

async function mismatch(kind: Kind, want: Expectation, actor: Actor, response: APIResponse): Promise<string | null> {
  const status = response.status();
  const location = response.headers().location;
  if (want === "login" || want === "home") {
    const target = want === "login" ? "/login" : ROLE_HOME[ACCOUNTS[actor as Exclude<Actor, "ANON">].role];
    if (![302, 303, 307, 308].includes(status) || !location) return `expected a redirect to ${target}, got ${status}`;
    const to = new URL(location, baseURL).pathname;
    return to === target ? null : `expected a redirect to ${target}, got one to ${location}`;
  }
  if (status !== want) return `expected ${want}, got ${status}${location ? ` → ${location}` : ""}`;
  // The refusal is the app's own, not some other 401/403 (a proxy, a CSRF check).
  // app/forbidden.tsx's marker, in the HTML or in the streamed React payload.
  if (want === 403 && kind === "page" && !/data-testid(?:="|\\":\\")forbidden/.test(await response.text())) return "403 without the app's forbidden page";
  if ((want === 401 || want === 403) && kind === "handler") {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    const code = want === 401 ? "UNAUTHENTICATED" : "FORBIDDEN";
    if (body?.error !== code) return `${want} without error ${code}: ${JSON.stringify(body)}`;
  }
  return null;
}

async function check(kind: Kind, method: Method, rule: PageRule): Promise<string[]> {
  const failures: string[] = [];
  for (const sample of rule.samples) {
    const results = await Promise.all(
      actorsOf(sample).map(async (actor) => {
        const want = expectationOf(kind, rule, sample, actor);
        const problem = await mismatch(kind, want, actor, await requestAs(actor, method, rule, sample));
        return problem ? `${actor.padEnd(16)} ${method} ${urlOf(sample, ids)}${sample.scope ? ` (${sample.scope})` : ""}: ${problem}` : null;
      }),
    );
    failures.push(...results.filter((r): r is string => r !== null));
  }
  return failures;
}

// ---- The route list and the rules agree ------------------------------------------------------------------

test("every page and route handler of app/ has a rule", () => {
  const actions = actionFiles().flatMap((f) => exportedNames(readFileSync(path.join(ROOT, f), "utf8")).map((n) => `${f}#${n}`));
  const { missingRules } = completeness(actions);
  expect(missingRules, "add rules to tests/access/matrix.ts").toEqual([]);
});

test("every rule names a page, route handler or server action that exists", () => {
  const actions = actionFiles().flatMap((f) => exportedNames(readFileSync(path.join(ROOT, f), "utf8")).map((n) => `${f}#${n}`));
  const { staleRules } = completeness(actions);
  expect(staleRules, "remove or rename the rules in tests/access/matrix.ts").toEqual([]);
});

// ---- Every page × every role --------------------------------------------------------------------------

for (const rule of PAGE_RULES) {
  test(`page ${rule.route} (${rule.access})`, async () => {
    test.skip(!pageExists(rule), `${rule.route} is not in app/ yet${rule.pending ? ` (${rule.pending})` : ""}; the completeness test names it`);
    expect(await check("page", "GET", rule)).toEqual([]);
  });
}

// ---- Every route handler method × every role ------------------------------------------------------------

for (const rule of HANDLER_RULES) {
  test(`${rule.method} ${rule.route} (${rule.access})`, async () => {
    test.skip(!handlerExists(rule), `${rule.method} ${rule.route} is not in app/ yet${rule.pending ? ` (${rule.pending})` : ""}`);
    expect(await check("handler", rule.method, rule)).toEqual([]);
  });
}
