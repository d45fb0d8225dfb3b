// The server killed mid-import (issue 9, item 3), on both databases: a checked import of 5,000 new staff is
// committed by another process (tests/support/commit-import.ts), which is killed with SIGKILL inside the
// commit's transaction, after its first bulk insert of new accounts. Then none of the import's people
// exist and the import is still waiting for its commit (not marked committed); committing it again, here,
// writes every row exactly once, and a further commit is refused.
import Database from "better-sqlite3";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { demoCreditCode } from "@/features/demo/seed";
import { commitImport, previewImport } from "@/features/rosters/data";
import { db } from "@/lib/db";
import { isSqliteBusy } from "@/lib/db/errors";
import { runScript } from "../support/processes";
import { rosterMobile, staffRoster } from "../support/roster-file";
import { enterpriseWithAdmin, loadDemo, sessionOf } from "./support";

const provider = inject("databaseProvider");
const ADMIN_MOBILE = "16603000002"; // (1660000xxxx are coverage.test.ts learners)
const PREFIX = "16602";
const ROWS = 5_000;
const PASSWORD = "Initial-2026";

let enterpriseId = "";

beforeAll(async () => {
  await loadDemo();
  enterpriseId = await enterpriseWithAdmin({ creditCode: demoCreditCode("510402", "FT0000002"), name: "东区断电测试建材有限公司", adminMobile: ADMIN_MOBILE, adminName: "断电测试管理员" });
});

/** Seen from another connection: a transaction that has written is open on the database. */
async function writeTransactionOpen(): Promise<boolean> {
  const url = process.env.DATABASE_URL!;
  if (provider === "sqlite") {
    // Its write lock is held: a connection that will not wait is refused.
    const probe = new Database(url.replace(/^file:/, ""), { timeout: 0 });
    try {
      probe.exec("BEGIN IMMEDIATE");
      probe.exec("ROLLBACK");
      return false;
    } catch (error) {
      if (isSqliteBusy(error)) return true;
      throw error;
    } finally {
      probe.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // A transaction gets an id (backend_xid) at its first write.
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'idle in transaction' and backend_xid is not null",
    );
    return rows[0]!.n > 0;
  } finally {
    await client.end();
  }
}

// Every mobile of the file, and only those, starts with PREFIX.
const imported = () => db.user.count({ where: { mobile: { startsWith: PREFIX } } });

describe(`an import killed mid-commit (${provider})`, () => {
  it("leaves no one of the import and the import pending; committed again, every row is written once", async () => {
    const admin = await sessionOf(ADMIN_MOBILE);
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "断电.xlsx", bytes: await staffRoster(PREFIX, ROWS), fullRoster: false });
    expect(preview.summary).toMatchObject({ rows: ROWS, create: ROWS, bad: 0 });

    const committer = runScript("tests/support/commit-import.ts", [preview.id, ADMIN_MOBILE, PASSWORD], { reactServer: true });
    const marker = await committer.waitFor("WRITING");
    expect(Number(marker.split(" ")[1])).toBeGreaterThan(0); // new accounts written, not yet committed
    expect(await writeTransactionOpen()).toBe(true);
    committer.child.kill("SIGKILL");
    expect(await committer.exited).toEqual({ code: null, signal: "SIGKILL" });

    // Nothing of the import is there, and it is not marked committed.
    expect(await imported()).toBe(0);
    expect(await db.user.count({ where: { enterpriseId, role: "LEARNER" } })).toBe(0);
    const pending = await db.rosterImport.findUniqueOrThrow({ where: { id: preview.id }, select: { status: true, committedAt: true } });
    expect(pending).toEqual({ status: "PREVIEW", committedAt: null });

    // The importer commits again: every row exactly once.
    const done = await commitImport(admin, preview.id, PASSWORD);
    expect(done.summary).toMatchObject({ create: ROWS, update: 0 });
    const people = await db.user.findMany({ where: { mobile: { startsWith: PREFIX } }, select: { mobile: true, enterpriseId: true, mustChangePassword: true } });
    expect(people.map((p) => p.mobile).sort()).toEqual(Array.from({ length: ROWS }, (_, n) => rosterMobile(PREFIX, n)));
    expect(people.every((p) => p.enterpriseId === enterpriseId && p.mustChangePassword)).toBe(true);
    expect(await db.user.count({ where: { enterpriseId, role: "LEARNER" } })).toBe(ROWS);
    expect((await db.rosterImport.findUniqueOrThrow({ where: { id: preview.id } })).status).toBe("COMMITTED");
    await expect(commitImport(admin, preview.id, PASSWORD)).rejects.toMatchObject({ message: "roster.notPending" });
    expect(await imported()).toBe(ROWS);
  }, 180_000);
});
