// npm run seed — loads the demo data (idempotent). Needs migrated tables and synced reference data.
import { seedDemo } from "@/features/demo/seed";
import { db } from "@/lib/db";

seedDemo(db)
  .then(({ created }) => console.log(`demo data: ${created} account(s) created`))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
