// Writes each provider's schema.prisma from prisma/models.prisma. With --check, writes nothing and
// fails when a generated schema is stale (run by `npm test`).
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PROVIDERS, renderSchema, schemaPath } from "./providers.mjs";

const check = process.argv.includes("--check");
let stale = 0;
for (const provider of PROVIDERS) {
  const file = schemaPath(provider);
  const want = renderSchema(provider);
  const have = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (have === want) continue;
  if (check) {
    console.error(`✗ ${path.relative(process.cwd(), file)} is stale: run \`npm run db:schemas\`.`);
    stale++;
  } else {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, want);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
if (stale) process.exit(1);
if (check) console.log("✓ provider schemas match prisma/models.prisma");
