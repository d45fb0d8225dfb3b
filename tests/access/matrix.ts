// The access-control matrix (issue 9, item 1): who may open every page, call every route handler and
// run every server action, built against the route list. tests/e2e/access-matrix.spec.ts requests every
// page and handler as every role over real sessions; tests/integration/access-actions.test.ts calls every
// server action as every role. Both enumerate app/ and features/*/actions.ts at test time and fail on a
// route or action without a rule here, and on a rule whose route or action no longer exists.
//
// A rule lists who gets through explicitly (not PERMISSIONS[...] read back), so that widening a
// permission or forgetting a check fails here. Plain data and node:fs only: Playwright (CommonJS) and
// Vitest both load this file.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Permission } from "@/lib/authz";
import { ROLES, type Role } from "@/lib/roles";
import { E2E_SURVEY, E2E_SURVEY_ADMIN } from "../e2e/fixtures";

// ---- Who asks ---------------------------------------------------------------------------------------

/** Signed out, then one demo account per role. Every sample is requested as each of these. */
export const BASE_ACTORS = ["ANON", ...ROLES] as const;
/** Extra accounts for scope cases: requested only on the samples that name them. */
export const SCOPE_ACTORS = ["COUNTY_REGULATOR", "OTHER_LEARNER"] as const;
export type Actor = (typeof BASE_ACTORS)[number] | (typeof SCOPE_ACTORS)[number];

export type Account = { mobile: string; password?: string; role: Role; note: string };

/** The account behind each signed-in actor (password: the demo password unless given). */
export const ACCOUNTS: Record<Exclude<Actor, "ANON">, Account> = {
  LEARNER: { mobile: "13800000006", role: "LEARNER", note: "张班长, staff of 攀西钒钛 (仁和区 510411)" },
  ENTERPRISE_ADMIN: { mobile: "13800000003", role: "ENTERPRISE_ADMIN", note: "王安全, admin of 攀西钒钛" },
  SCHOOL_ADMIN: { mobile: "13800000004", role: "SCHOOL_ADMIN", note: "李老师, the demo school" },
  PROVIDER: { mobile: "13800000005", role: "PROVIDER", note: "攀西工伤预防服务中心" },
  REGULATOR: { mobile: "13800000001", role: "REGULATOR", note: "攀枝花市人社局, city 510400" },
  ADMIN: { mobile: "13800000000", role: "ADMIN", note: "平台管理员" },
  COUNTY_REGULATOR: { mobile: "13800000002", role: "REGULATOR", note: "东区人社局, county 510402" },
  // A technical-school student of the browser tests' fixtures (tests/e2e/server.ts) with the exam's hours
  // done: owns the exam attempt another learner is refused.
  OTHER_LEARNER: { mobile: E2E_SURVEY.classmate.mobile, password: E2E_SURVEY.password, role: "LEARNER", note: "问卷学员丁, 盐边县 school" },
};

// ---- What they get ----------------------------------------------------------------------------------

/**
 * An HTTP status, or a redirect: "login" to the login page (a signed-out visitor on a protected page),
 * "home" to the actor's role home (ROLE_HOME; a signed-in user on / or /login).
 */
export type Expectation = 200 | 400 | 401 | 403 | 404 | "login" | "home";

/** Ids the demo data generates (cuids), looked up when the test runs. */
export type Ids = {
  enterprise: { vt: string; chem: string };
  user: { learner: string; vtStaff: string };
  survey: { courseE2E: string; sessionE2E: string };
  project: { miyi: string };
  attempt: { otherLearner: string };
  rosterImport: { enterpriseAdmin: string };
};

export type Sample = {
  url: string | ((ids: Ids) => string);
  /** Who gets through on this sample; the rule's `allow` unless given. */
  allow?: readonly Actor[];
  /** What those let through get: 200 unless given (an invalid body: 400; an unknown id: 404). */
  ok?: Expectation;
  /** Answers that differ from the defaults, per actor. */
  expect?: Partial<Record<Actor, Expectation>>;
  /** Request as these actors only (the others would change data). */
  only?: readonly Actor[];
  /** A scope case: allowed in general, refused for this object. Says whose object it is. */
  scope?: string;
  body?: { contentType: string; data: string };
  headers?: Record<string, string>;
};

/** How a route is guarded: a permission of lib/authz, or not by a session at all. */
export type Access = Permission | "public" | "apiKey" | "bench";

export type PageRule = {
  route: string;
  access: Access;
  allow: readonly Actor[];
  samples: Sample[];
  /** Being added by another helper: the lead reconciles once it lands. */
  pending?: string;
};

export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type Method = (typeof METHODS)[number];

export type HandlerRule = PageRule & { method: Method };

export type ActionRule = {
  /** features/<area>/actions.ts */
  file: string;
  name: string;
  access: Permission | "public";
  allow: readonly Actor[];
  /** A plain form handler taking no arguments (not an (previous, payload) action). */
  plainForm?: boolean;
  /** The invalid input the action is called with; `{}` unless given. */
  input?: unknown;
  pending?: string;
};

const ALL: readonly Actor[] = BASE_ACTORS;
const SIGNED_IN: readonly Actor[] = ROLES;
const EVERY_ROLE = (e: Expectation): Partial<Record<Actor, Expectation>> => Object.fromEntries(ROLES.map((r) => [r, e]));

// ---- Pages ------------------------------------------------------------------------------------------

export const PAGE_RULES: PageRule[] = [
  // Public pages.
  { route: "/blank", access: "public", allow: ALL, samples: [{ url: "/blank" }] },
  { route: "/login", access: "public", allow: ["ANON"], samples: [{ url: "/login", expect: EVERY_ROLE("home") }] },
  { route: "/", access: "public", allow: [], samples: [{ url: "/", expect: EVERY_ROLE("home") }] },
  { route: "/verify", access: "public", allow: ALL, samples: [{ url: "/verify" }] },
  { route: "/verify/[code]", access: "public", allow: ALL, samples: [{ url: "/verify/ZZZZZZZZZZ" }] },
  {
    // The survey QR link: a signed-out visitor signs in first and comes back; only learners answer.
    route: "/s/[code]",
    access: "survey.answer",
    allow: ["LEARNER"],
    samples: [{ url: `/s/${E2E_SURVEY.session.code}` }],
  },

  // Every signed-in user.
  { route: "/account/password", access: "account.self", allow: SIGNED_IN, samples: [{ url: "/account/password" }] },
  {
    route: "/records/learners/[userId]",
    access: "account.self",
    allow: ["ENTERPRISE_ADMIN", "REGULATOR", "ADMIN"],
    samples: [
      { url: (ids) => `/records/learners/${ids.user.vtStaff}`, expect: { COUNTY_REGULATOR: 403 }, scope: "a staff member of 攀西钒钛 (仁和区): the learner's colleague and the 东区 regulator are refused" },
      { url: (ids) => `/records/learners/${ids.user.learner}`, allow: ["LEARNER", "ENTERPRISE_ADMIN", "REGULATOR", "ADMIN"], scope: "the learner's own record" },
    ],
  },
  {
    route: "/records/enterprises/[id]",
    access: "account.self",
    allow: ["ENTERPRISE_ADMIN", "REGULATOR", "ADMIN"],
    samples: [
      { url: (ids) => `/records/enterprises/${ids.enterprise.vt}`, expect: { COUNTY_REGULATOR: 403 }, scope: "攀西钒钛 (仁和区): refused to the 东区 regulator" },
      { url: (ids) => `/records/enterprises/${ids.enterprise.chem}`, allow: ["REGULATOR", "ADMIN"], scope: "金沙化工 (西区): refused to 攀西钒钛's admin" },
    ],
  },

  // Learners.
  { route: "/learn", access: "learning.own", allow: ["LEARNER"], samples: [{ url: "/learn" }] },
  { route: "/learn/record", access: "learning.own", allow: ["LEARNER"], samples: [{ url: "/learn/record" }] },
  {
    route: "/learn/courses/[id]",
    access: "learning.own",
    allow: ["LEARNER"],
    samples: [
      { url: "/learn/courses/gongshang-yufang-rumen" },
      { url: "/learn/courses/jigong-bixiu", expect: { LEARNER: 404 }, scope: "a course not assigned to the learner (technical-school students only)" },
    ],
  },
  {
    route: "/learn/courses/[id]/lessons/[lessonId]",
    access: "learning.own",
    allow: ["LEARNER"],
    samples: [
      { url: "/learn/courses/gongshang-yufang-rumen/lessons/rumen-gongshang-baoxian" },
      { url: "/learn/courses/gongshang-yufang-rumen/lessons/no-such-lesson", expect: { LEARNER: 404 } },
    ],
  },
  {
    route: "/learn/courses/[id]/exam",
    access: "learning.own",
    allow: ["LEARNER"],
    samples: [
      { url: "/learn/courses/gongshang-yufang-rumen/exam" },
      { url: "/learn/courses/jigong-bixiu/exam", expect: { LEARNER: 404 }, scope: "the exam of a course not assigned to the learner" },
    ],
  },
  {
    route: "/learn/exams/[attemptId]",
    access: "learning.own",
    allow: ["LEARNER"],
    samples: [
      { url: (ids) => `/learn/exams/${ids.attempt.otherLearner}`, allow: ["OTHER_LEARNER"], scope: "another learner's exam attempt: only its owner" },
      { url: "/learn/exams/no-such-attempt", expect: { LEARNER: 404 } },
    ],
  },
  {
    route: "/learn/surveys/[id]",
    access: "survey.answer",
    allow: ["LEARNER"],
    samples: [
      { url: (ids) => `/learn/surveys/${ids.survey.sessionE2E}` },
      { url: (ids) => `/learn/surveys/${ids.survey.courseE2E}`, allow: [], scope: "a course survey of 盐边县's school: not the learner's" },
    ],
  },

  // Enterprise and school admins.
  { route: "/enterprise", access: "enterprise.manage", allow: ["ENTERPRISE_ADMIN", "ADMIN"], samples: [{ url: "/enterprise" }] },
  { route: "/enterprise/roster", access: "enterprise.manage", allow: ["ENTERPRISE_ADMIN", "ADMIN"], samples: [{ url: "/enterprise/roster" }] },
  { route: "/enterprise/roster/import", access: "enterprise.manage", allow: ["ENTERPRISE_ADMIN", "ADMIN"], samples: [{ url: "/enterprise/roster/import" }] },
  { route: "/school", access: "school.manage", allow: ["SCHOOL_ADMIN", "ADMIN"], samples: [{ url: "/school" }] },
  { route: "/school/import", access: "school.manage", allow: ["SCHOOL_ADMIN", "ADMIN"], samples: [{ url: "/school/import" }] },

  // Providers (and those who manage surveys).
  { route: "/provider", access: "content.author", allow: ["PROVIDER", "ADMIN"], samples: [{ url: "/provider" }] },
  { route: "/provider/surveys", access: "survey.manage", allow: ["PROVIDER", "REGULATOR", "ADMIN"], samples: [{ url: "/provider/surveys" }] },
  { route: "/provider/surveys/templates", access: "survey.manage", allow: ["PROVIDER", "REGULATOR", "ADMIN"], samples: [{ url: "/provider/surveys/templates" }] },
  {
    route: "/provider/surveys/[id]",
    access: "survey.manage",
    allow: ["PROVIDER", "REGULATOR", "ADMIN"],
    samples: [
      { url: (ids) => `/provider/surveys/${ids.survey.courseE2E}`, expect: { COUNTY_REGULATOR: 403 }, scope: "the demo provider's survey in 盐边县: refused to the 东区 regulator" },
      { url: "/provider/surveys/no-such-survey", ok: 404 },
    ],
  },
  {
    route: "/provider/projects/[id]",
    access: "survey.manage",
    allow: ["PROVIDER", "REGULATOR", "ADMIN"],
    samples: [
      { url: (ids) => `/provider/projects/${ids.project.miyi}`, expect: { COUNTY_REGULATOR: 403 }, scope: "米易县's project of the demo provider: refused to the 东区 regulator" },
      {
        url: `/provider/projects/${E2E_SURVEY_ADMIN.otherProject.id}`,
        allow: ["REGULATOR", "ADMIN"],
        expect: { COUNTY_REGULATOR: 403 },
        scope: "西区's project with no provider: refused to the demo provider and the 东区 regulator",
      },
    ],
  },

  // Regulators.
  { route: "/regulator", access: "regulator.view", allow: ["REGULATOR", "ADMIN"], samples: [{ url: "/regulator" }] },
  { route: "/regulator/annex", access: "regulator.view", allow: ["REGULATOR", "ADMIN"], samples: [{ url: "/regulator/annex" }] },
  { route: "/regulator/api-keys", access: "regulator.view", allow: ["REGULATOR", "ADMIN"], samples: [{ url: "/regulator/api-keys" }] },
  { route: "/regulator/import", access: "regulator.view", allow: ["REGULATOR", "ADMIN"], samples: [{ url: "/regulator/import" }] },
  { route: "/regulator/projects", access: "project.manage", allow: ["REGULATOR", "ADMIN"], samples: [{ url: "/regulator/projects" }] },
  { route: "/regulator/satisfaction", access: "regulator.view", allow: ["REGULATOR", "ADMIN"], samples: [{ url: "/regulator/satisfaction" }] },
  ...(["", "/enterprises", "/satisfaction"] as const).map(
    (tail): PageRule => ({
      route: `/regulator/regions/[code]${tail}`,
      access: "regulator.view",
      allow: ["REGULATOR", "ADMIN"],
      samples: [
        { url: `/regulator/regions/510402${tail}`, allow: ["REGULATOR", "COUNTY_REGULATOR", "ADMIN"] },
        { url: `/regulator/regions/510403${tail}`, expect: { COUNTY_REGULATOR: 403 }, scope: "西区: refused to the 东区 regulator" },
        { url: `/regulator/regions/510100${tail}`, allow: ["ADMIN"], scope: "成都市: outside the 攀枝花 regulator's city" },
      ],
    }),
  ),
  // The audit log (操作日志), in the regulator's scope.
  { route: "/regulator/audit", access: "regulator.view", allow: ["REGULATOR", "ADMIN"], samples: [{ url: "/regulator/audit" }] },

  // Administrators.
  { route: "/admin", access: "admin.manage", allow: ["ADMIN"], samples: [{ url: "/admin" }] },
  { route: "/admin/users", access: "admin.manage", allow: ["ADMIN"], samples: [{ url: "/admin/users" }] },
];

// ---- Route handlers ---------------------------------------------------------------------------------

const JSON_BODY = (data: unknown) => ({ contentType: "application/json", data: JSON.stringify(data) });

export const HANDLER_RULES: HandlerRule[] = [
  { route: "/api/health", method: "GET", access: "public", allow: ALL, samples: [{ url: "/api/health" }] },
  // Auth.js's own endpoints: the session read and a sign-in post without its CSRF token (refused by
  // Auth.js with a redirect, before any password is checked: no failed login is counted).
  { route: "/api/auth/[...nextauth]", method: "GET", access: "public", allow: ALL, samples: [{ url: "/api/auth/session" }, { url: "/api/auth/csrf" }] },
  {
    route: "/api/auth/[...nextauth]",
    method: "POST",
    access: "public",
    allow: ALL,
    samples: [{ url: "/api/auth/callback/credentials", ok: "login", body: { contentType: "application/x-www-form-urlencoded", data: "callbackUrl=%2F" } }],
  },
  {
    // The data feed answers API keys only: a browser session is no key.
    route: "/api/feed/v1/coverage",
    method: "GET",
    access: "apiKey",
    allow: [],
    samples: [
      { url: "/api/feed/v1/coverage?table=summary", expect: EVERY_ROLE(401) },
      { url: "/api/feed/v1/coverage?table=summary", headers: { Authorization: "Bearer not-a-key" }, expect: EVERY_ROLE(401) },
    ],
  },
  // The heartbeat benchmark's floor exists only under BENCH_FLOOR=1 (bench/heartbeat.ts); else 404.
  { route: "/api/bench/floor", method: "POST", access: "bench", allow: ALL, samples: [{ url: "/api/bench/floor", ok: 404, body: JSON_BODY({}) }] },

  { route: "/api/learning/heartbeats", method: "POST", access: "learning.own", allow: ["LEARNER"], samples: [{ url: "/api/learning/heartbeats", ok: 400, body: JSON_BODY({ beats: "none" }) }] },
  {
    route: "/api/certificates/[code]/pdf",
    method: "GET",
    access: "account.self",
    allow: SIGNED_IN,
    samples: [{ url: "/api/certificates/ZZZZZZZZZZ/pdf", ok: 404 }],
  },
  {
    route: "/api/records/[userId]/[format]",
    method: "GET",
    access: "account.self",
    allow: ["ENTERPRISE_ADMIN", "REGULATOR", "ADMIN"],
    samples: [
      { url: "/api/records/me/xlsx", allow: SIGNED_IN },
      { url: (ids) => `/api/records/${ids.user.vtStaff}/pdf`, expect: { COUNTY_REGULATOR: 403 }, scope: "a staff member of 攀西钒钛: refused to a colleague and to the 东区 regulator" },
    ],
  },
  {
    route: "/api/enterprise-records/[id]/xlsx",
    method: "GET",
    access: "account.self",
    allow: ["ENTERPRISE_ADMIN", "REGULATOR", "ADMIN"],
    samples: [
      { url: (ids) => `/api/enterprise-records/${ids.enterprise.vt}/xlsx`, expect: { COUNTY_REGULATOR: 403 }, scope: "攀西钒钛 (仁和区): refused to the 东区 regulator" },
      { url: (ids) => `/api/enterprise-records/${ids.enterprise.chem}/xlsx`, allow: ["REGULATOR", "ADMIN"], scope: "金沙化工 (西区): refused to 攀西钒钛's admin" },
    ],
  },
  ...(["/api/coverage/xlsx", "/api/coverage/annex", "/api/satisfaction/xlsx"] as const).map(
    (route): HandlerRule => ({
      route,
      method: "GET",
      access: "regulator.view",
      allow: ["REGULATOR", "ADMIN"],
      samples: [
        { url: `${route}?region=510402`, allow: ["REGULATOR", "COUNTY_REGULATOR", "ADMIN"] },
        { url: `${route}?region=510403`, expect: { COUNTY_REGULATOR: 403 }, scope: "西区: refused to the 东区 regulator" },
      ],
    }),
  ),
  {
    route: "/api/surveys/[id]/responses",
    method: "GET",
    access: "survey.manage",
    allow: ["PROVIDER", "REGULATOR", "ADMIN"],
    samples: [
      { url: (ids) => `/api/surveys/${ids.survey.courseE2E}/responses`, expect: { COUNTY_REGULATOR: 403 }, scope: "the demo provider's survey in 盐边县: refused to the 东区 regulator" },
      { url: "/api/surveys/no-such-survey/responses", ok: 404 },
    ],
  },
  {
    route: "/api/rosters/template",
    method: "GET",
    access: "roster.import",
    allow: ["ENTERPRISE_ADMIN", "SCHOOL_ADMIN", "REGULATOR", "ADMIN"],
    samples: [{ url: "/api/rosters/template?kind=STAFF" }],
  },
  {
    // Not multipart: refused before anything is read.
    route: "/api/rosters/imports",
    method: "POST",
    access: "roster.import",
    allow: ["ENTERPRISE_ADMIN", "SCHOOL_ADMIN", "REGULATOR", "ADMIN"],
    samples: [{ url: "/api/rosters/imports", ok: 400, body: JSON_BODY({}) }],
  },
  {
    route: "/api/rosters/imports/[id]",
    method: "GET",
    access: "roster.import",
    allow: ["ENTERPRISE_ADMIN", "SCHOOL_ADMIN", "REGULATOR", "ADMIN"],
    samples: [
      { url: "/api/rosters/imports/no-such-import", ok: 404 },
      { url: (ids) => `/api/rosters/imports/${ids.rosterImport.enterpriseAdmin}`, allow: ["ENTERPRISE_ADMIN", "ADMIN"], scope: "攀西钒钛's admin's import: refused to other importers" },
    ],
  },
  {
    route: "/api/rosters/imports/[id]",
    method: "DELETE",
    access: "roster.import",
    allow: ["ENTERPRISE_ADMIN", "SCHOOL_ADMIN", "REGULATOR", "ADMIN"],
    samples: [
      { url: "/api/rosters/imports/no-such-import", ok: 404 },
      {
        url: (ids) => `/api/rosters/imports/${ids.rosterImport.enterpriseAdmin}`,
        allow: [],
        only: ["ANON", "LEARNER", "SCHOOL_ADMIN", "PROVIDER", "REGULATOR"],
        scope: "攀西钒钛's admin's import: other importers may not discard it",
      },
    ],
  },
  {
    route: "/api/rosters/imports/[id]/commit",
    method: "POST",
    access: "roster.import",
    allow: ["ENTERPRISE_ADMIN", "SCHOOL_ADMIN", "REGULATOR", "ADMIN"],
    samples: [{ url: "/api/rosters/imports/no-such-import/commit", ok: 400, body: JSON_BODY({ initialPassword: 1 }) }],
  },
];

// ---- Server actions ---------------------------------------------------------------------------------

const LEARNERS: readonly Actor[] = ["LEARNER"];
const REGULATORS: readonly Actor[] = ["REGULATOR", "ADMIN"];
const SURVEY_MANAGERS: readonly Actor[] = ["PROVIDER", "REGULATOR", "ADMIN"];

export const ACTION_RULES: ActionRule[] = [
  // Signing in, out and choosing a language need no session.
  { file: "features/accounts/actions.ts", name: "login", access: "public", allow: ALL },
  // Its schema takes any object: an input that is not one is the invalid input here.
  { file: "features/accounts/actions.ts", name: "logout", access: "public", allow: ALL, input: "not-an-object" },
  { file: "features/accounts/actions.ts", name: "logoutForm", access: "public", allow: ALL, plainForm: true },
  { file: "features/accounts/actions.ts", name: "setLocale", access: "public", allow: ALL },
  { file: "features/accounts/actions.ts", name: "changePassword", access: "account.self", allow: SIGNED_IN },

  { file: "features/certificates/actions.ts", name: "revokeCertificateAction", access: "admin.manage", allow: ["ADMIN"] },
  { file: "features/coverage/actions.ts", name: "saveAnnexAction", access: "regulator.view", allow: REGULATORS },

  { file: "features/exams/actions.ts", name: "startExamAction", access: "learning.own", allow: LEARNERS },
  { file: "features/exams/actions.ts", name: "saveAnswerAction", access: "learning.own", allow: LEARNERS },
  { file: "features/exams/actions.ts", name: "submitExamAction", access: "learning.own", allow: LEARNERS },
  { file: "features/exams/actions.ts", name: "focusEventsAction", access: "learning.own", allow: LEARNERS },

  { file: "features/feed/actions.ts", name: "createApiKeyAction", access: "regulator.view", allow: REGULATORS },
  { file: "features/feed/actions.ts", name: "revokeApiKeyAction", access: "regulator.view", allow: REGULATORS },

  { file: "features/learning/actions.ts", name: "answerCheckpointAction", access: "learning.own", allow: LEARNERS },
  { file: "features/learning/actions.ts", name: "saveQuizAttemptAction", access: "learning.own", allow: LEARNERS },

  { file: "features/regions/actions.ts", name: "designateKeyEnterprise", access: "regulator.designateKeyEnterprise", allow: REGULATORS },
  { file: "features/regions/actions.ts", name: "createEnterpriseAction", access: "regulator.designateKeyEnterprise", allow: REGULATORS },

  { file: "features/rosters/actions.ts", name: "setLeftAction", access: "roster.import", allow: ["ENTERPRISE_ADMIN", "SCHOOL_ADMIN", "REGULATOR", "ADMIN"] },

  { file: "features/surveys/actions.ts", name: "submitSurveyAction", access: "survey.answer", allow: LEARNERS },
  { file: "features/surveys/actions.ts", name: "createTemplateAction", access: "survey.manage", allow: SURVEY_MANAGERS },
  { file: "features/surveys/actions.ts", name: "createSurveyAction", access: "survey.manage", allow: SURVEY_MANAGERS },
  { file: "features/surveys/actions.ts", name: "createSessionAction", access: "survey.manage", allow: SURVEY_MANAGERS },
  { file: "features/surveys/actions.ts", name: "closeSurveyAction", access: "survey.manage", allow: SURVEY_MANAGERS },
  { file: "features/surveys/actions.ts", name: "createProjectAction", access: "project.manage", allow: REGULATORS },

  // 用户管理: changing an account's role, disabling and enabling it.
  { file: "features/admin/actions.ts", name: "changeRoleAction", access: "admin.manage", allow: ["ADMIN"] },
  { file: "features/admin/actions.ts", name: "setAccountDisabledAction", access: "admin.manage", allow: ["ADMIN"] },
];

// ---- Expectations -----------------------------------------------------------------------------------

/** The actors a sample is requested as: every base actor, plus the scope actors it names. */
export function actorsOf(sample: Sample): Actor[] {
  if (sample.only) return [...sample.only];
  const named = SCOPE_ACTORS.filter((a) => sample.allow?.includes(a) || sample.expect?.[a] !== undefined);
  return [...BASE_ACTORS, ...named];
}

/** What `actor` must get on `sample` of a page (kind "page") or route handler (kind "handler"). */
export function expectationOf(kind: "page" | "handler", rule: PageRule, sample: Sample, actor: Actor): Expectation {
  const explicit = sample.expect?.[actor];
  if (explicit !== undefined) return explicit;
  if ((sample.allow ?? rule.allow).includes(actor)) return sample.ok ?? 200;
  if (actor === "ANON") return kind === "page" ? "login" : 401;
  return 403;
}

export function urlOf(sample: Sample, ids: Ids): string {
  return typeof sample.url === "string" ? sample.url : sample.url(ids);
}

// ---- The route list, read from the tree -------------------------------------------------------------

const ROOT = process.cwd();

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

/** "app/(measure)/blank/page.tsx" → "/blank": route groups do not appear in the URL. */
export function routeOf(file: string): string {
  const parts = path.relative(path.join(ROOT, "app"), path.resolve(ROOT, file)).split(path.sep).slice(0, -1);
  return `/${parts.filter((p) => !(p.startsWith("(") && p.endsWith(")"))).join("/")}`;
}

export type RouteFile = { file: string; route: string };

/** Every page of app/ (page.tsx and its siblings in other extensions). */
export function pageFiles(): RouteFile[] {
  return walk(path.join(ROOT, "app"))
    .filter((f) => /^page\.(tsx|ts|jsx|js|mdx)$/.test(path.basename(f)))
    .map((f) => ({ file: path.relative(ROOT, f), route: routeOf(f) }));
}

/** Every route handler of app/ with the HTTP methods it exports (read from its source). */
export function handlerFiles(): (RouteFile & { methods: Method[] })[] {
  return walk(path.join(ROOT, "app"))
    .filter((f) => /^route\.(ts|js)$/.test(path.basename(f)))
    .map((f) => ({ file: path.relative(ROOT, f), route: routeOf(f), methods: exportedNames(readFileSync(f, "utf8")).filter((n): n is Method => (METHODS as readonly string[]).includes(n)) }));
}

/** Every features/<area>/actions.ts. */
export function actionFiles(): string[] {
  const features = path.join(ROOT, "features");
  return readdirSync(features, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(features, e.name, "actions.ts")))
    .map((e) => `features/${e.name}/actions.ts`);
}

/**
 * The names a module exports, read from its text: `export const X`, `export [async] function X`,
 * `export { A, B as X } [from …]` and `export const { A, B } = …`. For route handlers (which cannot be
 * imported outside Next) and for the browser test's view of the actions files.
 */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:const|let|var|function\*?|class)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
  for (const m of source.matchAll(/^export\s+(?:const|let|var)\s*\{([^}]*)\}/gm)) for (const n of m[1]!.split(",")) if (n.trim()) names.add(n.split(":").pop()!.trim());
  for (const m of source.matchAll(/^export\s*(?:type\s+)?\{([^}]*)\}/gm)) {
    if (/^export\s+type/.test(m[0])) continue;
    for (const n of m[1]!.split(",")) if (n.trim() && !n.trim().startsWith("type ")) names.add(n.split(/\s+as\s+/).pop()!.trim());
  }
  return [...names];
}

// ---- Completeness -----------------------------------------------------------------------------------

export type Completeness = { missingRules: string[]; staleRules: string[] };

const pendingNote = (r: { pending?: string }) => (r.pending ? ` [pending: ${r.pending}]` : "");

/**
 * Routes and actions of the tree without a rule, and rules naming a route or action the tree no longer
 * has. `actions`: "features/x/actions.ts#name" of every exported function.
 */
export function completeness(actions: string[]): Completeness {
  const missingRules: string[] = [];
  const staleRules: string[] = [];
  const pages = pageFiles();
  const pageRoutes = new Set(pages.map((p) => p.route));
  for (const p of pages) if (!PAGE_RULES.some((r) => r.route === p.route)) missingRules.push(`page ${p.route} (${p.file}) has no rule in tests/access/matrix.ts PAGE_RULES`);
  for (const r of PAGE_RULES) if (!pageRoutes.has(r.route)) staleRules.push(`PAGE_RULES names page ${r.route}, which app/ does not have${pendingNote(r)}`);

  const handlers = handlerFiles();
  const handlerKeys = new Set(handlers.flatMap((h) => h.methods.map((m) => `${m} ${h.route}`)));
  for (const h of handlers) {
    if (h.methods.length === 0) missingRules.push(`route handler ${h.file} exports no HTTP method this test can read`);
    for (const m of h.methods) if (!HANDLER_RULES.some((r) => r.route === h.route && r.method === m)) missingRules.push(`route handler ${m} ${h.route} (${h.file}) has no rule in HANDLER_RULES`);
  }
  for (const r of HANDLER_RULES) if (!handlerKeys.has(`${r.method} ${r.route}`)) staleRules.push(`HANDLER_RULES names ${r.method} ${r.route}, which app/ does not export${pendingNote(r)}`);

  const actionKeys = new Set(actions);
  for (const a of actions) if (!ACTION_RULES.some((r) => `${r.file}#${r.name}` === a)) missingRules.push(`server action ${a} has no rule in ACTION_RULES`);
  for (const r of ACTION_RULES) if (!actionKeys.has(`${r.file}#${r.name}`)) staleRules.push(`ACTION_RULES names ${r.file}#${r.name}, which is not exported${pendingNote(r)}`);
  return { missingRules, staleRules };
}

/** The rule's route exists in the tree now (a pending rule may not yet). */
export function pageExists(rule: PageRule): boolean {
  return pageFiles().some((p) => p.route === rule.route);
}

export function handlerExists(rule: HandlerRule): boolean {
  return handlerFiles().some((h) => h.route === rule.route && h.methods.includes(rule.method));
}
