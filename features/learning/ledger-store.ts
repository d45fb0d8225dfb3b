// The heartbeat ledger's storage, at the database driver (issue 8: a heartbeat arrives from every learner
// every 15 s, and Prisma's per-query cost made the endpoint a twentieth of the framework's floor). One
// heartbeat is one transaction: take the learner's learning-clock row, read whether this heartbeat was
// seen and the lesson's progress, let the caller decide with the pure crediting rules, then write the
// heartbeat, the clock and the progress. The same rows, columns and formats as Prisma writes them
// (DateTime as ISO text on SQLite, TIMESTAMP(3) in UTC on PostgreSQL); the ledger's tests run through it.
import "server-only";
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { db, databaseProvider } from "@/lib/db";
import { pgTransaction, sqliteTransaction } from "@/lib/db/driver";

/** What the transaction reads before deciding. */
export type StoredBeatState = {
  /** The learning clock (epoch ms); 0 for a learner's first heartbeat. */
  clock: number;
  /** This (tab, sequence number) was recorded before. */
  seen: boolean;
  progress: { creditedSeconds: number; furthestSeconds: number; positionSeconds: number; checkpointsPassed: string[]; completed: boolean } | null;
};

/** What the transaction writes once the rules decided. */
export type BeatWrite = {
  at: Date;
  position: number;
  claimedSeconds: number;
  creditedSeconds: number;
  notes: string;
  clock: number;
  progress: { creditedSeconds: number; furthestSeconds: number; positionSeconds: number };
};

export type BeatKey = { userId: string; lessonId: string; courseId: string; tabId: string; seq: number };

/**
 * Runs one heartbeat's transaction. `decide` sees the stored state and returns what to write (or null to
 * write nothing, e.g. a duplicate) with its result; it may throw to roll everything back.
 */
export async function heartbeatTransaction<T>(key: BeatKey, decide: (state: StoredBeatState) => { write: BeatWrite | null; result: T }): Promise<T> {
  return databaseProvider === "sqlite" ? sqliteBeat(key, decide) : pgBeat(key, decide);
}

// ---- SQLite -------------------------------------------------------------------------------------------

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

const SQLITE = {
  ensureClock: `INSERT INTO "LearningClock" ("userId","creditedUntil") VALUES (?, ?) ON CONFLICT ("userId") DO NOTHING`,
  clock: `SELECT "creditedUntil" AS clock FROM "LearningClock" WHERE "userId" = ?`,
  seen: `SELECT 1 AS seen FROM "Heartbeat" WHERE "userId" = ? AND "tabId" = ? AND "seq" = ?`,
  progress: `SELECT "creditedSeconds","furthestSeconds","positionSeconds","checkpointsPassed","completedAt" FROM "LessonProgress" WHERE "userId" = ? AND "lessonId" = ?`,
  insertBeat: `INSERT INTO "Heartbeat" ("id","userId","lessonId","tabId","seq","position","claimedSeconds","creditedSeconds","notes","receivedAt") VALUES (?,?,?,?,?,?,?,?,?,?)`,
  moveClock: `UPDATE "LearningClock" SET "creditedUntil" = ? WHERE "userId" = ?`,
  upsertProgress: `INSERT INTO "LessonProgress" ("id","userId","lessonId","courseId","creditedSeconds","furthestSeconds","positionSeconds","checkpointsPassed","createdAt","updatedAt")
    VALUES (?,?,?,?,?,?,?,'[]',?,?)
    ON CONFLICT ("userId","lessonId") DO UPDATE SET "creditedSeconds" = excluded."creditedSeconds", "furthestSeconds" = excluded."furthestSeconds",
      "positionSeconds" = excluded."positionSeconds", "updatedAt" = excluded."updatedAt"`,
} as const;

type Statements = { [K in keyof typeof SQLITE]: Database.Statement };
const prepared = new WeakMap<Database.Database, Statements>();

function statementsOf(sqlite: Database.Database): Statements {
  let s = prepared.get(sqlite);
  if (!s) {
    // Prisma's connection returns integers as BigInt; these statements read plain numbers.
    s = Object.fromEntries(Object.entries(SQLITE).map(([k, sql]) => [k, sqlite.prepare(sql).safeIntegers(false)])) as Statements;
    prepared.set(sqlite, s);
  }
  return s;
}

async function sqliteBeat<T>(key: BeatKey, decide: (state: StoredBeatState) => { write: BeatWrite | null; result: T }): Promise<T> {
  return sqliteTransaction(
    () => db.$connect(),
    (sqlite) => {
      const s = statementsOf(sqlite);
      s.ensureClock.run(key.userId, iso(0));
      const clock = Date.parse((s.clock.get(key.userId) as { clock: string }).clock);
      const seen = s.seen.get(key.userId, key.tabId, key.seq) !== undefined;
      const row = s.progress.get(key.userId, key.lessonId) as
        | { creditedSeconds: number; furthestSeconds: number; positionSeconds: number; checkpointsPassed: string; completedAt: string | null }
        | undefined;
      const progress = row
        ? {
            creditedSeconds: row.creditedSeconds,
            furthestSeconds: row.furthestSeconds,
            positionSeconds: row.positionSeconds,
            checkpointsPassed: JSON.parse(row.checkpointsPassed) as string[],
            completed: row.completedAt !== null,
          }
        : null;
      const { write, result } = decide({ clock, seen, progress });
      if (write) {
        const at = iso(write.at.getTime());
        s.insertBeat.run(randomUUID(), key.userId, key.lessonId, key.tabId, key.seq, write.position, write.claimedSeconds, write.creditedSeconds, write.notes, at);
        s.moveClock.run(iso(write.clock), key.userId);
        const p = write.progress;
        s.upsertProgress.run(randomUUID(), key.userId, key.lessonId, key.courseId, p.creditedSeconds, p.furthestSeconds, p.positionSeconds, at, at);
      }
      return result;
    },
  );
}

// ---- PostgreSQL ---------------------------------------------------------------------------------------

// Times cross as epoch milliseconds, so neither side's time zone matters (the columns hold UTC).
const PG = {
  // An upsert that changes nothing still takes the row lock: two tabs of one learner queue here.
  lockClock: `INSERT INTO "LearningClock" ("userId","creditedUntil") VALUES ($1, TIMESTAMP '1970-01-01 00:00:00')
    ON CONFLICT ("userId") DO UPDATE SET "userId" = EXCLUDED."userId"
    RETURNING (EXTRACT(EPOCH FROM "creditedUntil") * 1000)::float8 AS clock`,
  // A new statement after the lock: under READ COMMITTED it sees what the previous holder committed.
  read: `SELECT EXISTS (SELECT 1 FROM "Heartbeat" WHERE "userId" = $1 AND "tabId" = $2 AND "seq" = $3) AS seen,
      p."creditedSeconds", p."furthestSeconds", p."positionSeconds", p."checkpointsPassed", p."completedAt" IS NOT NULL AS completed, p."userId" IS NOT NULL AS found
    FROM (SELECT 1) AS one LEFT JOIN "LessonProgress" p ON p."userId" = $1 AND p."lessonId" = $4`,
  write: `WITH beat AS (
      INSERT INTO "Heartbeat" ("id","userId","lessonId","tabId","seq","position","claimedSeconds","creditedSeconds","notes","receivedAt")
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, to_timestamp($10 / 1000.0) AT TIME ZONE 'UTC')
    ), clock AS (
      UPDATE "LearningClock" SET "creditedUntil" = to_timestamp($11 / 1000.0) AT TIME ZONE 'UTC' WHERE "userId" = $2
    )
    INSERT INTO "LessonProgress" ("id","userId","lessonId","courseId","creditedSeconds","furthestSeconds","positionSeconds","checkpointsPassed","createdAt","updatedAt")
    VALUES ($12, $2, $3, $13, $14, $15, $16, '[]', to_timestamp($10 / 1000.0) AT TIME ZONE 'UTC', to_timestamp($10 / 1000.0) AT TIME ZONE 'UTC')
    ON CONFLICT ("userId","lessonId") DO UPDATE SET "creditedSeconds" = EXCLUDED."creditedSeconds", "furthestSeconds" = EXCLUDED."furthestSeconds",
      "positionSeconds" = EXCLUDED."positionSeconds", "updatedAt" = EXCLUDED."updatedAt"`,
} as const;

async function pgBeat<T>(key: BeatKey, decide: (state: StoredBeatState) => { write: BeatWrite | null; result: T }): Promise<T> {
  return pgTransaction(async (client) => {
    const clock = (await client.query<{ clock: number }>({ name: "hb_lock_clock", text: PG.lockClock, values: [key.userId] })).rows[0]!.clock;
    const row = (
      await client.query<{ seen: boolean; creditedSeconds: number; furthestSeconds: number; positionSeconds: number; checkpointsPassed: string[]; completed: boolean; found: boolean }>({
        name: "hb_read",
        text: PG.read,
        values: [key.userId, key.tabId, key.seq, key.lessonId],
      })
    ).rows[0]!;
    const progress = row.found
      ? { creditedSeconds: row.creditedSeconds, furthestSeconds: row.furthestSeconds, positionSeconds: row.positionSeconds, checkpointsPassed: row.checkpointsPassed, completed: row.completed }
      : null;
    const { write, result } = decide({ clock, seen: row.seen, progress });
    if (write) {
      const p = write.progress;
      await client.query({
        name: "hb_write",
        text: PG.write,
        values: [
          randomUUID(),
          key.userId,
          key.lessonId,
          key.tabId,
          key.seq,
          write.position,
          write.claimedSeconds,
          write.creditedSeconds,
          write.notes,
          write.at.getTime(),
          write.clock,
          randomUUID(),
          key.courseId,
          p.creditedSeconds,
          p.furthestSeconds,
          p.positionSeconds,
        ],
      });
    }
    return result;
  });
}
