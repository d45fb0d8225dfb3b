// Prisma CLI configuration. The JavaScript engine with a driver adapter: nothing is downloaded at
// install, generate or migrate time (see README, "Why Prisma 6.19"). DATABASE_URL picks the provider:
// file: → SQLite (the default, ./data/app.db), postgresql:// → PostgreSQL.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL, providerOf } from "./scripts/db/providers.mjs";

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const provider = providerOf(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", provider, "schema.prisma"),
  migrations: { path: path.join("prisma", provider, "migrations") },
  async adapter() {
    if (provider === "postgresql") {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url });
  },
});
