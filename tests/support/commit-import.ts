// Commits a checked roster import (features/rosters/data.ts commitImport) against DATABASE_URL, in a
// process of its own, for tests/integration/faults-import.test.ts, which kills it (kill -9) mid-commit.
// The product has no hook for this: the commit's transaction is watched from its client here. When its
// first bulk insert of new accounts has run (features/rosters/sql.ts, $executeRaw inside the transaction),
// the script prints "WRITING" and keeps the transaction open, so the kill lands inside it rather than at a
// moment left to chance. Without the kill it would never end; it is not a tool for anything else.
//   node --conditions react-server --import tsx tests/support/commit-import.ts <import id> <importer's mobile> <initial password>
async function main() {
  const [importId, mobile, password] = process.argv.slice(2);
  if (!importId || !mobile || !password) throw new Error("usage: commit-import.ts <import id> <importer's mobile> <initial password>");
  const { db } = await import("@/lib/db");
  const { findSessionUser } = await import("@/features/accounts/data");
  const { commitImport } = await import("@/features/rosters/data");
  const row = await db.user.findUniqueOrThrow({ where: { mobile }, select: { id: true } });
  const user = await findSessionUser(row.id);
  if (!user) throw new Error(`no session user for ${mobile}`);

  type Transaction = typeof db.$transaction;
  const transaction = db.$transaction.bind(db) as (fn: (tx: unknown) => Promise<unknown>, options?: unknown) => Promise<unknown>;
  const watched = (fn: (tx: unknown) => Promise<unknown>, options?: unknown) =>
    transaction(async (tx) => {
      const target = tx as { $executeRaw: (...args: unknown[]) => Promise<number> };
      const executeRaw = async (...args: unknown[]) => {
        const written = await target.$executeRaw(...args);
        console.log(`WRITING ${written}`);
        // Keep the process alive (Prisma's transaction timer does not) and the transaction open.
        setInterval(() => {}, 60_000);
        return new Promise<number>(() => {});
      };
      return fn(new Proxy(target, { get: (t, key) => (key === "$executeRaw" ? executeRaw : Reflect.get(t, key)) }));
    }, options);
  (db as { $transaction: Transaction }).$transaction = watched as unknown as Transaction;

  await commitImport(user, importId, password);
  console.log("COMMITTED");
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
