// Web security as the browser meets it, against the production server: the content security policy with
// a fresh nonce per page and no violation on the pages that do the most (the lesson with its video
// player, the regulator's charts), the other security headers on pages, route handlers and static files,
// the session and CSRF cookies' attributes as the server sends them at sign-in, and the same-origin check
// of state-changing route handlers.
//
// The test server runs with SECURE_COOKIES=true (tests/e2e/server.ts; Chromium accepts Secure and
// __Host- cookies from http://127.0.0.1), so these are the production cookies; SECURE_COOKIES=false checks
// the plain-http configuration instead.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

const SECURE = (process.env.SECURE_COOKIES ?? "true") === "true";
const SESSION_COOKIE = SECURE ? "__Host-authjs.session-token" : "authjs.session-token";
const CSRF_COOKIE = SECURE ? "__Host-authjs.csrf-token" : "authjs.csrf-token";
// A learner no other browser test signs in as (钱部长, a key position of the demo enterprise: the
// introduction course with its video lesson is assigned to him). Opening a lesson credits nothing.
const LEARNER = "13800000011";
const CITY_REGULATOR = "13800000001";
const VIDEO_LESSON = "/learn/courses/gongshang-yufang-rumen/lessons/rumen-anquanmao-shipin";

const directives = (policy: string) =>
  new Map(
    policy.split(/;\s*/).map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

/** Records every CSP violation the page reports (the event fires for blocked scripts, styles, eval, frames…). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = list;
    document.addEventListener("securitypolicyviolation", (e) => list.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const console: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) console.push(m.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])), ...console];
}

/** Parses a Set-Cookie header into its name and attributes (lower-cased). */
function parseSetCookie(line: string) {
  const [pair, ...attrs] = line.split(/;\s*/);
  const name = pair!.slice(0, pair!.indexOf("="));
  return { name, attrs: attrs.map((a) => a.toLowerCase()) };
}

test("pages carry a content security policy with a fresh nonce on every script of the page", async ({ page }) => {
  const first = await page.request.get("/login");
  const second = await page.request.get("/login");
  const policy = first.headers()["content-security-policy"]!;
  const csp = directives(policy);
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'self'"]);
  expect(csp.get("form-action")).toEqual(["'self'"]);
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);

  // Every script tag Next wrote carries this response's nonce.
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("injected markup cannot run script, and the browser reports it", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/login");
  // The classic XSS payload, as if some text had reached the page unescaped.
  await page.evaluate(() => {
    const d = document.createElement("div");
    d.innerHTML = `<img src="/nope.png" onerror="window.__injected = true">`;
    document.body.append(d);
  });
  await expect.poll(violations).toContainEqual(expect.stringMatching(/^script-src-attr inline /));
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});

test("security headers on pages, route handlers and static files", async ({ page }) => {
  const pageRes = await page.request.get("/login");
  const api = await page.request.get("/api/health");
  const html = await pageRes.text();
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(asset).toBeTruthy();
  const file = await page.request.get(asset!);
  for (const res of [pageRes, api, file]) {
    const h = res.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
    expect(h["x-frame-options"]).toBe("DENY");
    // The test server is a production build: HSTS for a year with subdomains.
    expect(h["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  }
  // Route handlers answer data, never a page: nothing in them may run.
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("signing in sets the session cookie HttpOnly, SameSite=Lax, Path=/ (and __Host-, Secure over HTTPS)", async ({ page, context }) => {
  await page.goto("/login");
  const csrf = await page.request.get("/api/auth/csrf");
  const csrfCookie = csrf.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => parseSetCookie(h.value)).find((c) => c.name === CSRF_COOKIE);
  expect(csrfCookie, "the CSRF cookie").toBeTruthy();
  expect(csrfCookie!.attrs).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));

  const login = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login");
  await page.getByLabel("手机号").fill(LEARNER);
  await page.getByLabel("密码", { exact: true }).fill("Demo2026!");
  await page.getByRole("button", { name: "登录" }).click();
  const setCookies = (await (await login).headerValues("set-cookie")).flatMap((v) => v.split("\n")).map(parseSetCookie);
  const sessionCookie = setCookies.find((c) => c.name === SESSION_COOKIE);
  expect(sessionCookie, `Set-Cookie ${SESSION_COOKIE} in ${setCookies.map((c) => c.name).join(", ")}`).toBeTruthy();
  expect(sessionCookie!.attrs).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
  expect(sessionCookie!.attrs.some((a) => a.startsWith("domain="))).toBe(false);
  expect(sessionCookie!.attrs.includes("secure")).toBe(SECURE);
  await expect(page).not.toHaveURL(/\/login/);

  // What the browser kept, and that scripts cannot read it.
  const stored = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(stored).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: SECURE });
  expect(await page.evaluate(() => document.cookie)).not.toContain("authjs");
});

test("the lesson page with its video player and the regulator's charts run under the policy without a violation", async ({ browser }) => {
  const learner = await browser.newPage();
  const learnerViolations = await watchViolations(learner);
  await signIn(learner, LEARNER);
  await learner.goto(VIDEO_LESSON);
  // A key press loads the player without playing it (or it has loaded on its own after 5 s): its chunk,
  // its shadow DOM styles and the video file.
  await expect(learner.getByTestId("lesson-credited")).toBeAttached();
  await learner.keyboard.press("Shift");
  await expect(learner.locator("mux-player")).toBeAttached();
  await expect.poll(() => learner.locator("mux-player").evaluate((el: HTMLMediaElement) => el.readyState)).toBeGreaterThanOrEqual(1);
  // Hydrated (React runs): the language switch works.
  await learner.goto("/learn");
  await learner.getByLabel("语言").selectOption("en");
  await expect(learner.locator("html")).toHaveAttribute("lang", "en");
  await learner.getByLabel("Language").selectOption("zh-CN");
  await expect(learner.locator("html")).toHaveAttribute("lang", "zh-CN");
  expect(await learnerViolations()).toEqual([]);
  await learner.close();

  const regulator = await browser.newPage();
  const regulatorViolations = await watchViolations(regulator);
  await signIn(regulator, CITY_REGULATOR);
  await expect(regulator.locator("svg").first()).toBeVisible();
  expect(await regulatorViolations()).toEqual([]);
  await regulator.close();
});

test("a state-changing route handler refuses a request from another origin, or from nowhere", async ({ page, baseURL }) => {
  await signIn(page, LEARNER);
  const beats = { beats: [{ lessonId: "rumen-gongshang-baoxian", tabId: "security-spec-tab", seq: 1, watchedSeconds: 0, visible: true, active: true }] };
  const forged = await page.request.post("/api/learning/heartbeats", { data: beats, headers: { origin: "https://evil.example.com" } });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toEqual({ error: "FORBIDDEN", message: "errors.crossOrigin" });
  // APIRequestContext sends no Origin of its own: nothing says where it comes from.
  expect((await page.request.post("/api/learning/heartbeats", { data: beats })).status()).toBe(403);
  // From our own origin the same request goes through.
  expect((await page.request.post("/api/learning/heartbeats", { data: beats, headers: { origin: baseURL! } })).status()).toBe(200);
});
