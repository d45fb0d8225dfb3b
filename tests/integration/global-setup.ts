// One migrated database for the integration run, of the provider TEST_DB names (sqlite by default,
// postgresql for the PostgreSQL run); dropped when the run ends.
import type { TestProject } from "vitest/node";
import { createTestDatabase, testProvider } from "../support/databases";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseProvider: "sqlite" | "postgresql";
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase(testProvider(), "integration");
  project.provide("databaseUrl", database.url);
  project.provide("databaseProvider", database.provider);
  return async () => {
    await database.drop();
  };
}
