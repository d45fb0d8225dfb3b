// The database of the server that tests/e2e/faults.spec.ts starts, kills and starts again itself: a fresh
// database of the provider TEST_DB names, seeded as the browser tests' own (tests/support/e2e-seed.ts).
// Run apart from the spec because Playwright loads specs as CommonJS, which these ES modules are not.
//   node --import tsx tests/support/faults-database.ts create <label>   prints "URL <database url>"
//   node --import tsx tests/support/faults-database.ts drop <label>
import { createTestDatabase, dropFixedTestDatabase, testProvider } from "./databases";
import { seedBrowserTests } from "./e2e-seed";

async function main() {
  const [command, label] = process.argv.slice(2);
  if (!label || (command !== "create" && command !== "drop")) throw new Error("usage: faults-database.ts create|drop <label>");
  const provider = testProvider();
  if (command === "drop") return dropFixedTestDatabase(provider, label);
  const database = await createTestDatabase(provider, label, { fixed: true });
  process.env.DATABASE_URL = database.url;
  await seedBrowserTests();
  console.log(`URL ${database.url}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
