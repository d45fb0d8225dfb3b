// Read-only look into the browser tests' database (the one tests/e2e/server.ts made), for what a test
// must know but the browser must never be told: the answer keys and explanations of exam questions.
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

// Playwright runs from the project root (the same facts as tests/support/databases.ts, which this file
// cannot import: Playwright loads specs as CommonJS and that module uses import.meta).
const ROOT = process.cwd();
const testProvider = () => (process.env.TEST_DB === "postgresql" ? "postgresql" : "sqlite");
const pgAdminUrl = () => process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type KeyRow = { id: string; stem: string; answer: string[]; explanation: string };

export async function answerKeys(ids: string[]): Promise<Map<string, KeyRow>> {
  const provider = testProvider();
  const label = process.env.E2E_DATABASE_LABEL ?? `e2e_${provider}`;
  let rows: { id: string; stem: string; answer: unknown; explanation: string }[];
  if (provider === "sqlite") {
    const db = new Database(path.join(ROOT, "tests/.tmp", `${label}.db`), { readonly: true });
    try {
      rows = db.prepare(`SELECT id, stem, answer, explanation FROM "Question" WHERE id IN (${ids.map(() => "?").join(",")})`).all(...ids) as typeof rows;
    } finally {
      db.close();
    }
  } else {
    const u = new URL(pgAdminUrl());
    u.pathname = `/test_${label}`;
    const client = new pg.Client({ connectionString: u.toString() });
    await client.connect();
    try {
      rows = (await client.query(`SELECT id, stem, answer, explanation FROM "Question" WHERE id = ANY($1)`, [ids])).rows;
    } finally {
      await client.end();
    }
  }
  return new Map(rows.map((r) => [r.id, { id: r.id, stem: r.stem, answer: (typeof r.answer === "string" ? JSON.parse(r.answer) : r.answer) as string[], explanation: r.explanation }]));
}
