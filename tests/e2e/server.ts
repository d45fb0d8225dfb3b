// The server the browser tests talk to: the production build (`next build` first), on a fresh database
// of the provider TEST_DB names, with the repository's content, the demo data and one test account
// that must change its password. Started and stopped by Playwright (playwright.config.ts).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createTestDatabase, testProvider } from "../support/databases";
import { seedBrowserTests } from "../support/e2e-seed";
import { E2E_PORT } from "./fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");

async function main() {
  if (!existsSync(path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npx next build` first (npm test does).");
  }
  const provider = testProvider();
  const label = process.env.E2E_DATABASE_LABEL ?? `e2e_${provider}`;
  const database = await createTestDatabase(provider, label, { fixed: true });
  process.env.DATABASE_URL = database.url;
  await seedBrowserTests();

  const port = Number(process.env.E2E_SERVER_PORT ?? E2E_PORT[provider]);
  const server = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: "e2e-tests-secret-e2e-tests-secret-e2e",
      NEXT_TELEMETRY_DISABLED: "1",
      // Heartbeats every 2 s so the learning test sees credit move within seconds.
      LEARNING_HEARTBEAT_SECONDS: "2",
      // The production cookies (__Host- names, Secure): Chromium accepts them from http://127.0.0.1.
      SECURE_COOKIES: process.env.SECURE_COOKIES ?? "true",
    },
  });
  // The database is dropped by tests/e2e/global-teardown.ts once Playwright has stopped this process.
  const stop = () => server.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", (code) => process.exit(code ?? 1));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
