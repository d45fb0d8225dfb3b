import "server-only";
import { db } from "@/lib/db";

export async function findSessionUser(id: string) {
  return db.user.findFirst({
    where: { id, disabledAt: null },
    select: {
      id: true,
      name: true,
      mobile: true,
      role: true,
      regionCode: true,
      enterpriseId: true,
      schoolId: true,
      positionCode: true,
      mustChangePassword: true,
      sessionVersion: true,
    },
  });
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
