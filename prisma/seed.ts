// npm run seed — loads the demo data (idempotent). Needs migrated tables and synced reference data.
import { seedDemo } from "@/features/demo/seed";
import { seedDemoSurveys } from "@/features/demo/surveys";
import { db } from "@/lib/db";

seedDemo(db)
  .then(async ({ created }) => {
    console.log(`demo data: ${created} account(s) created`);
    if ((await seedDemoSurveys(db)).created) console.log("demo annual project and satisfaction surveys created");
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
