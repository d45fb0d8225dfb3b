// npm run content:sync — validates content/ and upserts it into the database DATABASE_URL selects.
// Bad content fails with every problem's file, field and message, and writes nothing.
import { ContentError, loadContent } from "@/features/content/load";
import { syncContent } from "@/features/content/sync";
import { db } from "@/lib/db";

async function main() {
  const content = loadContent();
  const report = await syncContent(db, content);
  const line = Object.entries(report)
    .map(([k, v]) => `${k} ${v.written} written/${v.unchanged} unchanged${v.archived ? `/${v.archived} archived` : ""}`)
    .join("; ");
  console.log(`content synced: ${line}`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof ContentError ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
