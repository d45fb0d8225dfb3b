// postinstall: generates the Prisma client of each provider (no engine download: engineType "client").
import { execFileSync } from "node:child_process";
import { PROVIDERS, schemaPath, ROOT } from "./providers.mjs";

for (const provider of PROVIDERS) {
  execFileSync(process.execPath, [`${ROOT}/node_modules/prisma/build/index.js`, "generate", "--schema", schemaPath(provider)], {
    stdio: "inherit",
    cwd: ROOT,
    // `prisma generate` never connects; the PostgreSQL schema only needs the variable to exist.
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : "postgresql://unused@localhost/unused", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
