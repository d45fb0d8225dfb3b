// The one insert the heartbeat benchmark's baselines make (issue 8): a heartbeat row written straight
// through the database driver, no session, no validation, no crediting. Used by the bare Node `http`
// server (bench/lib/bare-http.ts) and by the bare Next.js route (app/api/bench/floor), so both baselines
// do exactly the same database work.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";

export type FloorRow = { userId: string; lessonId: string; tabId: string; seq: number; watchedSeconds: number };

const SQL_SQLITE =
  'INSERT INTO "Heartbeat" ("id","userId","lessonId","tabId","seq","position","claimedSeconds","creditedSeconds","notes","receivedAt") VALUES (?,?,?,?,?,?,?,?,?,?)';
const SQL_PG =
  'INSERT INTO "Heartbeat" ("id","userId","lessonId","tabId","seq","position","claimedSeconds","creditedSeconds","notes","receivedAt") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)';

/** An insert function for DATABASE_URL's database: better-sqlite3 (WAL, 5 s busy timeout) or a pg pool of 10. */
export function floorInserter(url: string): (row: FloorRow) => Promise<void> {
  if (url.startsWith("file:")) {
    const sqlite = new Database(url.slice("file:".length), { timeout: 5_000 });
    sqlite.pragma("journal_mode = WAL");
    const insert = sqlite.prepare(SQL_SQLITE);
    return async (r) => {
      insert.run(randomUUID(), r.userId, r.lessonId, r.tabId, r.seq, 0, r.watchedSeconds, 0, "", Date.now());
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return async (r) => {
    await pool.query(SQL_PG, [randomUUID(), r.userId, r.lessonId, r.tabId, r.seq, 0, r.watchedSeconds, 0, "", new Date()]);
  };
}

/** The body both baselines accept: the real endpoint's shape, one beat, plus the user id (no session). */
export function floorRowOf(body: unknown): FloorRow | null {
  const b = body as { userId?: unknown; beats?: { lessonId?: unknown; tabId?: unknown; seq?: unknown; watchedSeconds?: unknown }[] };
  const beat = b?.beats?.[0];
  if (typeof b?.userId !== "string" || !beat || typeof beat.lessonId !== "string" || typeof beat.tabId !== "string" || typeof beat.seq !== "number") return null;
  return { userId: b.userId, lessonId: beat.lessonId, tabId: beat.tabId, seq: beat.seq, watchedSeconds: Number(beat.watchedSeconds) || 0 };
}
