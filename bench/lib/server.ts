// What the benchmarks share: a production build of their own (.next-bench, so a benchmark never replaces
// the build npm start or the browser tests serve), a fresh database per run, and `next start` on it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { sessionCookieName } from "../../lib/cookies";
import { buildIfNeeded } from "../../scripts/build";
import { createTestDatabase, type TestDatabase, type TestProvider } from "../../tests/support/databases";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** Overridable (BENCH_DIST) so two benchmark runs being developed at once do not share a build. */
export const BENCH_DIST = process.env.BENCH_DIST || ".next-bench";
export const BENCH_AUTH_SECRET = "bench-secret-bench-secret-bench-secret";
/** The benchmark server's cookie setting, fixed whatever the shell says (SECURE_COOKIES, PUBLIC_URL). */
const BENCH_SECURE_COOKIES = false;
/** The session cookie's name on the benchmark server: minted cookies use it, and it is their JWT salt. */
export const BENCH_SESSION_COOKIE = sessionCookieName(BENCH_SECURE_COOKIES);

/** The benchmarks' production build, rebuilt only when the sources changed. */
export function benchBuild(): void {
  buildIfNeeded(BENCH_DIST, { NEXT_SKIP_TYPECHECK: "1" });
}

/** `--db sqlite|postgresql` (default sqlite). */
export function providerArg(argv = process.argv): TestProvider {
  const i = argv.indexOf("--db");
  const value = i >= 0 ? argv[i + 1] : "sqlite";
  if (value !== "sqlite" && value !== "postgresql") throw new Error(`--db must be sqlite or postgresql, not ${value}`);
  return value;
}

/**
 * A fresh, migrated database named after the benchmark, with the repository's content and the demo
 * accounts. Sets DATABASE_URL for this process: import "@/lib/db" only after this resolves.
 */
export async function benchDatabase(provider: TestProvider, label: string, opts: { demo?: boolean } = {}): Promise<TestDatabase> {
  const database = await createTestDatabase(provider, `bench_${label}_${provider}`, { fixed: true });
  process.env.DATABASE_URL = database.url;
  const { loadContent } = await import("@/features/content/load");
  const { syncContent } = await import("@/features/content/sync");
  const { db } = await import("@/lib/db");
  await syncContent(db, loadContent(path.join(ROOT, "content")));
  if (opts.demo !== false) {
    const { seedDemo } = await import("@/features/demo/seed");
    await seedDemo(db);
  }
  return database;
}

export type App = { url: string; process: ChildProcess; stop: () => Promise<void> };

/** `next start` of the benchmark build on `port` against `databaseUrl`; resolves once /api/health answers. */
export async function startApp(opts: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<App> {
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(opts.port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...opts.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: BENCH_DIST,
      DATABASE_URL: opts.databaseUrl,
      AUTH_SECRET: BENCH_AUTH_SECRET,
      SECURE_COOKIES: String(BENCH_SECURE_COOKIES),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    if (i > 240) {
      await stop();
      throw new Error("the server did not answer /api/health within 60 s");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, process: child, stop };
}

/** Signs in through the login form's endpoint (Auth.js credentials) and returns the session cookie header. */
export async function signIn(url: string, mobile: string, password: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, mobile, password, callbackUrl: `${url}/learn` }),
  });
  const session = cookiesOf(res)
    .split("; ")
    .find((c) => c.startsWith(`${BENCH_SESSION_COOKIE}=`));
  if (!session) throw new Error(`sign-in of ${mobile} failed (HTTP ${res.status})`);
  return session;
}

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
