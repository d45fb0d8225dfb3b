import "server-only";
import { recordAudit } from "@/features/audit/data";
import { db, type Role } from "@/lib/db";
import { conflict, forbidden, notFound, validation } from "@/lib/errors";
import { maskMobile } from "@/lib/identifiers";
import type { SessionUser } from "@/lib/session";
import type { ChangeRoleInput } from "./schemas";

export async function pingDatabase() {
  await db.region.findFirst({ select: { code: true } });
}

export async function platformCounts() {
  const [byRole, enterprises, schools, courses, questions, regions] = await Promise.all([
    db.user.groupBy({ by: ["role"], _count: { _all: true } }),
    db.enterprise.count(),
    db.school.count(),
    db.course.count({ where: { archivedAt: null } }),
    db.question.count({ where: { archivedAt: null } }),
    db.region.count(),
  ]);
  return {
    usersByRole: Object.fromEntries(byRole.map((r) => [r.role, r._count._all])) as Record<string, number>,
    enterprises,
    schools,
    courses,
    questions,
    regions,
  };
}

// ---- Account administration (issue 9): find an account, change its role and scope, disable it -------
// Every write ends the account's sessions (sessionVersion bump; lib/session compares it on every request)
// and is audited in its transaction. An administrator cannot change or disable their own account, so the
// platform always keeps the administrator who is acting.

const SEARCH_LIMIT = 20;

function requireAdmin(user: SessionUser) {
  if (user.role !== "ADMIN") throw forbidden();
}

const accountSelect = {
  id: true,
  name: true,
  mobile: true,
  role: true,
  regionCode: true,
  disabledAt: true,
  region: { select: { name: true } },
  enterprise: { select: { name: true, creditCode: true } },
  school: { select: { id: true, name: true } },
} as const;

type AccountRow = { id: string; name: string; mobile: string; role: Role; regionCode: string | null; disabledAt: Date | null; region: { name: string } | null; enterprise: { name: string; creditCode: string } | null; school: { id: string; name: string } | null };

function toAccount(u: AccountRow) {
  return {
    id: u.id,
    name: u.name,
    mobile: maskMobile(u.mobile),
    role: u.role,
    regionCode: u.regionCode,
    /** What the role is scoped to: a region, an enterprise or a school, by name. */
    scope: u.region?.name ?? u.enterprise?.name ?? u.school?.name ?? null,
    creditCode: u.enterprise?.creditCode ?? null,
    schoolId: u.school?.id ?? null,
    disabled: u.disabledAt !== null,
  };
}

export type AdminAccount = ReturnType<typeof toAccount>;

/** Accounts whose mobile number (digits) or name contains `q`, at most a screenful. */
export async function findAccounts(user: SessionUser, q: string) {
  requireAdmin(user);
  const where = /^\d+$/.test(q) ? { mobile: { contains: q } } : { name: { contains: q } };
  const rows = await db.user.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], take: SEARCH_LIMIT + 1, select: accountSelect });
  return { accounts: rows.slice(0, SEARCH_LIMIT).map(toAccount), more: rows.length > SEARCH_LIMIT };
}

export async function accountForAdmin(user: SessionUser, id: string) {
  requireAdmin(user);
  const row = await db.user.findUnique({ where: { id }, select: accountSelect });
  if (!row) throw notFound();
  return toAccount(row);
}

/** What the role form offers: every region (province, city, county) and every school. */
export async function roleFormOptions(user: SessionUser) {
  requireAdmin(user);
  const [regions, schools] = await Promise.all([
    db.region.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true, level: true } }),
    db.school.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { regions, schools };
}

/**
 * Gives an account a role with the scope the role needs (checked to exist), ends its sessions and audits
 * the change (old → new role and scope) in one transaction.
 */
export async function changeRole(user: SessionUser, input: ChangeRoleInput) {
  requireAdmin(user);
  if (input.userId === user.id) throw forbidden("adminUsers.selfChange");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: input.userId },
      select: { role: true, regionCode: true, enterpriseId: true, schoolId: true, region: { select: { name: true } }, enterprise: { select: { name: true } }, school: { select: { name: true } } },
    });
    if (!before) throw notFound();
    // Only the scope the new role uses is taken from the form; the rest is cleared.
    const scope = { regionCode: null as string | null, enterpriseId: null as string | null, schoolId: null as string | null };
    let scopeName: string | null = null;
    if (input.role === "REGULATOR") {
      const region = await tx.region.findUnique({ where: { code: input.regionCode! }, select: { code: true, name: true } });
      if (!region) throw validation({ regionCode: ["regionUnknown"] });
      [scope.regionCode, scopeName] = [region.code, region.name];
    }
    if ((input.role === "ENTERPRISE_ADMIN" || input.role === "LEARNER") && input.creditCode) {
      const enterprise = await tx.enterprise.findUnique({ where: { creditCode: input.creditCode }, select: { id: true, name: true } });
      if (!enterprise) throw validation({ creditCode: ["enterpriseUnknown"] });
      [scope.enterpriseId, scopeName] = [enterprise.id, enterprise.name];
    }
    if ((input.role === "SCHOOL_ADMIN" || input.role === "LEARNER") && input.schoolId && !scope.enterpriseId) {
      const school = await tx.school.findUnique({ where: { id: input.schoolId }, select: { id: true, name: true } });
      if (!school) throw validation({ schoolId: ["schoolUnknown"] });
      [scope.schoolId, scopeName] = [school.id, school.name];
    }
    if (before.role === input.role && before.regionCode === scope.regionCode && before.enterpriseId === scope.enterpriseId && before.schoolId === scope.schoolId) {
      throw validation({ role: ["roleUnchanged"] });
    }
    // A key position belongs to an enterprise's roster and a class to a school: any change clears them
    // (the new organisation's roster import sets them again).
    await tx.user.update({
      where: { id: input.userId },
      data: { role: input.role, ...scope, positionCode: null, classId: null, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, {
      actor: user,
      action: "account.role.change",
      target: { type: "User", id: input.userId },
      // The new scope's region sees the change; for a role without one (provider, administrator), the old one.
      scope: scope.enterpriseId
        ? { enterpriseId: scope.enterpriseId }
        : scope.schoolId
          ? { schoolId: scope.schoolId }
          : scope.regionCode
            ? { regionCode: scope.regionCode }
            : before.enterpriseId
              ? { enterpriseId: before.enterpriseId }
              : before.schoolId
                ? { schoolId: before.schoolId }
                : { regionCode: before.regionCode },
      detail: {
        from: before.role,
        to: input.role,
        fromScope: before.region?.name ?? before.enterprise?.name ?? before.school?.name ?? null,
        toScope: scopeName,
      },
    });
    return { userId: input.userId, role: input.role };
  });
}

/** Disables an account (its sessions end at once) or enables it again, audited in the same transaction. */
export async function setAccountDisabled(user: SessionUser, input: { userId: string; disabled: boolean }, now = new Date()) {
  requireAdmin(user);
  if (input.userId === user.id) throw forbidden("adminUsers.selfChange");
  return db.$transaction(async (tx) => {
    const account = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true } });
    if (!account) throw notFound();
    const { count } = input.disabled
      ? await tx.user.updateMany({ where: { id: input.userId, disabledAt: null }, data: { disabledAt: now, sessionVersion: { increment: 1 } } })
      : await tx.user.updateMany({ where: { id: input.userId, disabledAt: { not: null } }, data: { disabledAt: null } });
    if (count === 0) throw conflict(input.disabled ? "adminUsers.alreadyDisabled" : "adminUsers.notDisabled");
    await recordAudit(tx, {
      actor: user,
      action: input.disabled ? "account.disable" : "account.enable",
      target: { type: "User", id: input.userId },
      scope: { userId: input.userId },
      detail: { role: account.role },
    });
    return { userId: input.userId, disabled: input.disabled };
  });
}
