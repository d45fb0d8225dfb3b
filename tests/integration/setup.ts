// Runs in each test worker before the test files load: point lib/env at the run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
process.env.IDENTIFIER_SECRET ??= "integration-tests-identifier-secret-0123456789";
