// The two bulk statements of a roster import, in SQL, one per provider (CONVENTIONS.md 9: raw SQL only
// where unavoidable, its dialects in one file). Why raw: Prisma 6.19's query compiler (engineType
// "client") compiles every query with its values, about 0.8 ms per row of a createMany and 40 µs per
// value of an `in` list, so 100,000 new staff took 80 s to insert and 10 s to look up (issue 8,
// bench/import.ts). Here each statement carries its rows as one JSON parameter (json_each in SQLite,
// jsonb_array_elements in PostgreSQL): no bound-value limit, one parse, a fraction of the time.
// Both run on the caller's client, so inside the import's transaction they commit or roll back with it.
import "server-only";
import { randomBytes } from "node:crypto";
import { databaseProvider, type Tx } from "@/lib/db";
import { conflict } from "@/lib/errors";

type Raw = Pick<Tx, "$queryRaw" | "$executeRaw">;

/** The ids of users whose mobile or ID-number hash is among these (the people a file's rows may match). */
export async function userIdsMatching(client: Raw, mobiles: string[], idHashes: string[]): Promise<string[]> {
  const m = JSON.stringify(mobiles);
  const h = JSON.stringify(idHashes);
  const rows =
    databaseProvider === "sqlite"
      ? await client.$queryRaw<{ id: string }[]>`
          SELECT u."id" FROM json_each(${m}) j JOIN "User" u ON u."mobile" = j.value
          UNION
          SELECT u."id" FROM json_each(${h}) j JOIN "User" u ON u."idNumberHash" = j.value`
      : await client.$queryRaw<{ id: string }[]>`
          SELECT u."id" FROM jsonb_array_elements_text(${m}::jsonb) j(v) JOIN "User" u ON u."mobile" = j.v
          UNION
          SELECT u."id" FROM jsonb_array_elements_text(${h}::jsonb) j(v) JOIN "User" u ON u."idNumberHash" = j.v`;
  return rows.map((r) => r.id);
}

/** A learner account an import creates. */
export type NewLearner = {
  mobile: string;
  name: string;
  passwordHash: string;
  enterpriseId: string | null;
  schoolId: string | null;
  positionCode: string | null;
  classId: string | null;
  hiredOn: Date | null;
  leftOn: Date | null;
  idNumberHash: string | null;
  idNumberMasked: string | null;
};

let counter = 0;
/** A collision-resistant id in the shape of Prisma's cuid() (the column's default is applied by the client, not the database). */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${BigInt(`0x${randomBytes(8).toString("hex")}`).toString(36).padStart(12, "0").slice(0, 12)}`;
}

/**
 * A DateTime value as the column holds it. SQLite: the text @prisma/adapter-better-sqlite3 writes by
 * default (timestampFormat "iso8601": toISOString with "+00:00"), so that Prisma's own comparisons and
 * reads treat these rows like any other. PostgreSQL: ISO text, cast to timestamp(3) (UTC, as Prisma stores it).
 */
function stamp(at: Date | null): string | null {
  if (!at) return null;
  return databaseProvider === "sqlite" ? at.toISOString().replace("Z", "+00:00") : at.toISOString();
}

/**
 * A unique violation in a raw statement. Prisma reports a failed raw query as P2010 (not P2002, as it
 * does for its own queries), with the driver adapter's kind of error beside it.
 */
function isUniqueViolation(error: unknown): boolean {
  const meta = (error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } }).meta;
  return (error as { code?: string }).code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}

/**
 * Inserts learner accounts (role LEARNER, password change at first login), `perStatement` rows a
 * statement. Unique mobiles and ID hashes are the database's to enforce: a clash (someone added
 * between the commit's check and its write) fails the statement, and the import, as changed since its check.
 */
export async function insertLearners(client: Raw, rows: NewLearner[], now: Date, perStatement = 2_000): Promise<void> {
  const at = stamp(now)!;
  for (let i = 0; i < rows.length; i += perStatement) {
    const json = JSON.stringify(
      rows
        .slice(i, i + perStatement)
        .map((r) => [newId(), r.mobile, r.name, r.passwordHash, r.enterpriseId, r.schoolId, r.positionCode, r.classId, stamp(r.hiredOn), stamp(r.leftOn), r.idNumberHash, r.idNumberMasked]),
    );
    try {
      await insertStatement(client, json, at);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict("roster.changedSinceCheck");
      throw error;
    }
  }
}

/** One INSERT … SELECT of the rows in `json` (arrays, in NewLearner's order after the id). */
async function insertStatement(client: Raw, json: string, at: string) {
  if (databaseProvider === "sqlite") {
    await client.$executeRaw`
      INSERT INTO "User" ("id", "mobile", "name", "passwordHash", "role", "enterpriseId", "schoolId", "positionCode", "classId",
        "hiredOn", "leftOn", "idNumberHash", "idNumberMasked", "mustChangePassword", "createdAt", "updatedAt")
      SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), 'LEARNER',
        json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]'),
        json_extract(value, '$[8]'), json_extract(value, '$[9]'), json_extract(value, '$[10]'), json_extract(value, '$[11]'), 1, ${at}, ${at}
      FROM json_each(${json})`;
  } else {
    await client.$executeRaw`
      INSERT INTO "User" ("id", "mobile", "name", "passwordHash", "role", "enterpriseId", "schoolId", "positionCode", "classId",
        "hiredOn", "leftOn", "idNumberHash", "idNumberMasked", "mustChangePassword", "createdAt", "updatedAt")
      SELECT r->>0, r->>1, r->>2, r->>3, 'LEARNER'::"Role", r->>4, r->>5, r->>6, r->>7,
        (r->>8)::timestamp(3), (r->>9)::timestamp(3), r->>10, r->>11, true, ${at}::timestamp(3), ${at}::timestamp(3)
      FROM jsonb_array_elements(${json}::jsonb) r`;
  }
}
