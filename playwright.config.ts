// Browser tests: Debian's Chromium (apt-get install chromium), a phone viewport, against the
// production build on a fresh database of the provider TEST_DB names (sqlite or postgresql).
import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT } from "./tests/e2e/fixtures";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./tests/support/chromium";

const OWN_SERVERS = /(two-instances|faults)\.spec\.ts$/;
const provider = process.env.TEST_DB === "postgresql" ? "postgresql" : "sqlite";
const port = E2E_PORT[provider];

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/${provider}`,
  // Login throttling is part of what is tested: retries would add failed attempts.
  retries: 0,
  workers: 2,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: `playwright-report/${provider}` }]],
  use: {
    ...devices["Pixel 7"],
    browserName: "chromium",
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  // Specs that start production servers of their own (two instances, the killed server) run after the
  // others: their extra Node processes on a 2-core machine would slow the timing-sensitive specs (video).
  projects: [
    { name: `phone-${provider}`, testIgnore: OWN_SERVERS },
    { name: `phone-${provider}-own-servers`, testMatch: OWN_SERVERS, dependencies: [`phone-${provider}`] },
  ],
  globalTeardown: "./tests/e2e/global-teardown.ts",
  webServer: {
    command: "node --import tsx tests/e2e/server.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { TEST_DB: provider, ...(process.env.E2E_SERVER_PORT ? { E2E_SERVER_PORT: process.env.E2E_SERVER_PORT } : {}) },
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
