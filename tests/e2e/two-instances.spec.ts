// Two app instances on one PostgreSQL database (issue 9, item 8; docs/deploy.md): what a province runs
// behind a load balancer. This spec starts two production servers of the same build on one fresh
// database seeded as the suite's own, and shows that what must be shared is shared:
// - sessions: signed in on A, signed in on B; a password changed on A ends the session B knows;
// - rate limits: roster previews sent alternately to A and B are counted together;
// - crediting: one learner's two tabs beating on A and B at once are credited no more than the time that
//   passed, and a heartbeat re-sent to the other instance is recorded once.
// PostgreSQL only: several instances are a PostgreSQL deployment (a SQLite install is one process); the
// SQLite run of the suite lists these tests as skipped with that reason.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { signIn } from "./support";

const ROOT = process.cwd();
const provider = process.env.TEST_DB === "postgresql" ? "postgresql" : "sqlite";
const PORTS = [Number(process.env.E2E_TWO_PORT ?? 3160), Number(process.env.E2E_TWO_PORT ?? 3160) + 1] as const;
const BASES = PORTS.map((p) => `http://127.0.0.1:${p}`) as [string, string];
const LABEL = `${process.env.E2E_DATABASE_LABEL ?? `e2e_${provider}`}_two`;
const HEARTBEAT_SECONDS = 2;

test.skip(provider !== "postgresql", "several app instances share a PostgreSQL database; a SQLite install runs one instance");
test.describe.configure({ mode: "serial" });

let databaseUrl = "";
const servers: ChildProcess[] = [];

function database(args: string[]): string {
  return execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "tests/support/faults-database.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TEST_DB: provider },
  });
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      // The same secret on every instance (docs/deploy.md): each decrypts the others' cookies.
      AUTH_SECRET: "e2e-tests-secret-e2e-tests-secret-e2e",
      NEXT_TELEMETRY_DISABLED: "1",
      LEARNING_HEARTBEAT_SECONDS: String(HEARTBEAT_SECONDS),
    },
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start on ${port} exited with ${child.exitCode}`);
    if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(240_000);
  databaseUrl = /^URL (.+)$/m.exec(database(["create", LABEL]))![1]!;
  servers.push(...(await Promise.all(PORTS.map(startServer))));
});

test.afterAll(async () => {
  await Promise.all(
    servers.splice(0).map((child) => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      return exited;
    }),
  );
  database(["drop", LABEL]);
});

/** A browser context signed in on instance `base` as `mobile`. Cookies are per host, not per port: the
 *  context sends the same session cookie to both instances, as a browser behind one load balancer does. */
async function signedIn(browser: Browser, base: string, mobile: string, password?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, mobile, password);
  return page;
}

/** A same-origin POST to an instance (route handlers check Origin against the host they serve). */
const post = (request: APIRequestContext, base: string, url: string, data: unknown, headers: Record<string, string> = {}) =>
  request.post(`${base}${url}`, { headers: { origin: base, ...headers }, data: data as never, maxRedirects: 0 });

test("a session made on one instance is honoured on the other, and a password changed on one ends it on the other", async ({ browser }) => {
  const [a, b] = BASES;
  const mobile = "13800000011"; // 钱部长, a learner of the demo enterprise
  const onA = await signedIn(browser, a, mobile);
  // The same cookie, sent to B.
  const viaB = await onA.goto(`${b}/learn`);
  expect(viaB?.status()).toBe(200);
  await expect(onA).toHaveURL(`${b}/learn`);

  // A second device of the same person, signed in on B.
  const other = await signedIn(browser, b, mobile);
  expect((await other.goto(`${b}/learn`))?.status()).toBe(200);

  // The password is changed on A.
  await onA.goto(`${a}/account/password`);
  const fresh = "Two-instances-2026";
  await onA.getByLabel("当前密码").fill("Demo2026!");
  await onA.getByLabel("新密码", { exact: true }).fill(fresh);
  await onA.getByLabel("确认新密码").fill(fresh);
  await onA.getByRole("button", { name: "确认修改" }).click();
  await expect(onA).toHaveURL(/\/login\?changed=1$/);

  // B knew the other device's session; it ends there at once (the account row is read per request).
  await other.goto(`${b}/learn`);
  await expect(other).toHaveURL(/\/login/);
  const api = await other.request.post(`${b}/api/learning/heartbeats`, { headers: { origin: b }, data: { beats: [] } });
  expect(api.status()).toBe(401);
  await onA.context().close();
  await other.context().close();
});

test("rate limits count across instances: roster previews sent to A and B alternately share one limit", async ({ browser }) => {
  const admin = await signedIn(browser, BASES[0], "13800000003"); // the demo enterprise's admin
  const statuses: number[] = [];
  // RATE_LIMITS.rosterImport allows 20 previews per user per 10 minutes (lib/rate-limit.ts). An empty
  // form is refused as invalid (400) after being counted; the 21st request is refused as too many.
  for (let i = 0; i < 22; i++) {
    const base = BASES[i % 2]!;
    const res = await admin.request.post(`${base}/api/rosters/imports`, { headers: { origin: base }, multipart: { kind: "ENTERPRISE" }, maxRedirects: 0 });
    statuses.push(res.status());
    if (res.status() === 429) {
      expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
      expect((await res.json()).error).toBe("RATE_LIMITED");
    }
  }
  expect(statuses.slice(0, 20).every((s) => s === 400), statuses.join(",")).toBe(true);
  expect(statuses.slice(20)).toEqual([429, 429]);
  const windows = await query<{ count: number }>(`SELECT "count" FROM "RateLimitWindow" WHERE "key" LIKE 'roster-import:%'`, []);
  expect(windows.map((w) => w.count)).toEqual([22]);
  await admin.context().close();
});

test("crediting holds across instances: two tabs on A and B at once earn no more than the time that passed, duplicates once", async ({ browser }) => {
  const [a, b] = BASES;
  const learner = await signedIn(browser, a, "13800000006"); // 张班长; the demo course's video lesson
  const lesson = { lessonId: "rumen-anquanmao-shipin" };
  const userId = (await query<{ id: string }>(`SELECT id FROM "User" WHERE mobile = $1`, ["13800000006"]))[0]!.id;
  const beat = (tabId: string, seq: number) => ({ beats: [{ ...lesson, tabId, seq, watchedSeconds: HEARTBEAT_SECONDS, ageSeconds: 0, position: seq * HEARTBEAT_SECONDS, visible: true, active: true }] });

  const rounds = 8;
  const started = Date.now();
  for (let seq = 1; seq <= rounds; seq++) {
    // Tab X beats on A, tab Y on B, and X's beat is re-sent to B (a retry the balancer sent elsewhere).
    const replies = await Promise.all([
      post(learner.request, a, "/api/learning/heartbeats", beat("two-instances-tab-x", seq)),
      post(learner.request, b, "/api/learning/heartbeats", beat("two-instances-tab-y", seq)),
      post(learner.request, b, "/api/learning/heartbeats", beat("two-instances-tab-x", seq)),
    ]);
    for (const r of replies) expect(r.status()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_SECONDS * 1000));
  }
  const elapsed = (Date.now() - started) / 1000;

  const rows = await query<{ tabId: string; n: string }>(`SELECT "tabId", count(*) AS n FROM "Heartbeat" WHERE "userId" = $1 GROUP BY "tabId" ORDER BY "tabId"`, [userId]);
  // Each (tab, sequence number) once, whichever instance saw it first.
  expect(rows.map((r) => [r.tabId, Number(r.n)])).toEqual([
    ["two-instances-tab-x", rounds],
    ["two-instances-tab-y", rounds],
  ]);
  const [progress] = await query<{ creditedSeconds: number }>(`SELECT "creditedSeconds" FROM "LessonProgress" WHERE "userId" = $1 AND "lessonId" = $2`, [userId, lesson.lessonId]);
  // Credit happened, and no more than the wall-clock time the learner spent (two tabs are not double time).
  expect(progress!.creditedSeconds).toBeGreaterThan(0);
  expect(progress!.creditedSeconds).toBeLessThanOrEqual(elapsed + HEARTBEAT_SECONDS);
  await learner.context().close();
});
