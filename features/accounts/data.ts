import "server-only";
import { db, type Role } from "@/lib/db";
import { driverRead } from "@/lib/db/driver";

const SESSION_USER = {
  name: "session_user",
  sqlite: `SELECT "id","name","mobile","role","regionCode","enterpriseId","schoolId","positionCode","mustChangePassword","sessionVersion" FROM "User" WHERE "id" = ? AND "disabledAt" IS NULL`,
  postgres: `SELECT "id","name","mobile","role","regionCode","enterpriseId","schoolId","positionCode","mustChangePassword","sessionVersion" FROM "User" WHERE "id" = $1 AND "disabledAt" IS NULL`,
};

export type SessionUserRow = {
  id: string;
  name: string;
  mobile: string;
  role: Role;
  regionCode: string | null;
  enterpriseId: string | null;
  schoolId: string | null;
  positionCode: string | null;
  mustChangePassword: boolean;
  sessionVersion: number;
};

/**
 * The signed-in user's account, or null when it does not exist or is disabled. Asked on every request,
 * so it is read at the driver (lib/db/driver.ts) rather than through Prisma.
 */
export async function findSessionUser(id: string): Promise<SessionUserRow | null> {
  const [row] = await driverRead<SessionUserRow & { mustChangePassword: boolean | number }>(() => db.$connect(), SESSION_USER, [id]);
  if (!row) return null;
  // SQLite keeps booleans as 0/1.
  return { ...row, mustChangePassword: Boolean(row.mustChangePassword), sessionVersion: Number(row.sessionVersion) };
}

export async function findLoginUser(mobile: string) {
  return db.user.findUnique({
    where: { mobile },
    select: { id: true, name: true, passwordHash: true, sessionVersion: true, disabledAt: true },
  });
}

/**
 * Failure times since `since`. For an account, only failures after its last success count (the owner
 * proved the password). For an address they all count: one success from an address must not reset the
 * count of guesses it made at other accounts.
 */
export async function recentFailures(by: { userId: string } | { ip: string }, since: Date): Promise<Date[]> {
  const lastSuccess =
    "userId" in by
      ? await db.loginAttempt.findFirst({
          where: { ...by, success: true, createdAt: { gt: since } },
          orderBy: { createdAt: "desc" },
          select: { createdAt: true },
        })
      : null;
  const rows = await db.loginAttempt.findMany({
    where: { ...by, success: false, createdAt: { gt: lastSuccess?.createdAt ?? since } },
    select: { createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.createdAt);
}

export async function recordLoginAttempt(attempt: { userId: string | null; mobile: string; ip: string; success: boolean }) {
  await db.loginAttempt.create({ data: attempt });
}

export async function findPasswordHash(userId: string) {
  const row = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return row?.passwordHash;
}

/** Sets a new password, clears the first-login flag and ends every other session (version bump). */
export async function updatePassword(userId: string, passwordHash: string) {
  await db.user.update({
    where: { id: userId },
    data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
  });
}

export async function findLandingOf(mobile: string) {
  return db.user.findUnique({ where: { mobile }, select: { role: true, mustChangePassword: true } });
}
