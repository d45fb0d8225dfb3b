// After the browser tests (and after Playwright has stopped the server): drop the run's database.
// Run through tsx like the server, because the database helpers are ES modules.
import { execFileSync } from "node:child_process";

export default function globalTeardown() {
  execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/drop-database.ts"], { stdio: "inherit" });
}
