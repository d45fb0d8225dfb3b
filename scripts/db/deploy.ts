// Applies the committed migrations of the provider DATABASE_URL selects (default: SQLite ./data/app.db).
import { applyMigrations } from "./migrate";

applyMigrations(process.env.DATABASE_URL).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
