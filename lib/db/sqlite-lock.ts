// One transaction at a time on the process's SQLite connection: Prisma's interactive transactions (which
// hold the connection across awaits) and the driver-level transactions of lib/db/driver.ts take turns.
// A FIFO lock: each caller waits for the one before it.
let tail: Promise<void> = Promise.resolve();

/** Resolves with the release function once every earlier holder has released. */
export function acquireSqliteLock(): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const before = tail;
  tail = before.then(() => held);
  return before.then(() => release);
}
