// The two database providers and how each one's Prisma schema is derived from prisma/models.prisma.
import { readFileSync } from "node:fs";
import path from "node:path";

export const PROVIDERS = ["sqlite", "postgresql"];
export const ROOT = path.resolve(import.meta.dirname, "../..");
export const MODELS = path.join(ROOT, "prisma/models.prisma");

export const schemaPath = (provider) => path.join(ROOT, "prisma", provider, "schema.prisma");
/** The schema as of the newest migration of that provider: `db:migration` diffs against it. */
export const migratedSchemaPath = (provider) => path.join(ROOT, "prisma", provider, "schema.migrated.prisma");
export const migrationsPath = (provider) => path.join(ROOT, "prisma", provider, "migrations");

const HEADERS = {
  // The datasource keeps a `url` line: without it `prisma generate` tries to download an engine.
  sqlite: `datasource db {
  provider = "sqlite"
  url      = "file:../../data/app.db"
}`,
  postgresql: `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}`,
};

export function renderSchema(provider) {
  const models = readFileSync(MODELS, "utf8");
  return `// GENERATED from prisma/models.prisma by \`npm run db:schemas\`. Do not edit: edit the source.

generator client {
  provider   = "prisma-client"
  output     = "../../lib/db/generated/${provider}"
  // The JavaScript query engine: no Rust engine is downloaded (see README, "Why Prisma 6.19").
  engineType = "client"
}

${HEADERS[provider]}

${models}`;
}

/** Which provider a DATABASE_URL selects: file: → SQLite, postgres(ql):// → PostgreSQL. */
export function providerOf(url) {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url.slice(0, 20)}…"`);
}

export const DEFAULT_DATABASE_URL = "file:./data/app.db";
