import { dropFixedTestDatabase, testProvider } from "../support/databases";

const provider = testProvider();
dropFixedTestDatabase(provider, process.env.E2E_DATABASE_LABEL ?? `e2e_${provider}`).catch((error: unknown) => {
  console.error("could not drop the browser tests' database:", error);
  process.exit(1);
});
