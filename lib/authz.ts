// The one server-side authorization helper. Every page, server action and route handler asks it:
// pages through requirePage(), actions through lib/action.ts, route handlers through requireRequest().
// Scope (a county regulator sees its county, an enterprise admin its enterprise) is built into queries
// with the *Where helpers below, and checked for single objects with canAccess*().
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { forbidden as forbiddenError, unauthenticated } from "@/lib/errors";
import { isWithinRegion, regionPrefix } from "@/lib/identifiers";
import type { Role } from "@/lib/roles";
import { getSession, type SessionUser } from "@/lib/session";

/** Who may do what. Admin may do everything a role may, across all scopes. */
export const PERMISSIONS = {
  "learning.own": ["LEARNER"],
  "enterprise.manage": ["ENTERPRISE_ADMIN", "ADMIN"],
  "school.manage": ["SCHOOL_ADMIN", "ADMIN"],
  "content.author": ["PROVIDER", "ADMIN"],
  "regulator.view": ["REGULATOR", "ADMIN"],
  "regulator.designateKeyEnterprise": ["REGULATOR", "ADMIN"],
  "admin.manage": ["ADMIN"],
  "account.self": ["LEARNER", "ENTERPRISE_ADMIN", "SCHOOL_ADMIN", "PROVIDER", "REGULATOR", "ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(user: Pick<SessionUser, "role">, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

/**
 * For pages: the signed-in user holding `permission`, or a redirect to the login page, to the forced
 * password change, or the 403 page.
 */
export async function requirePage(permission: Permission, opts: { allowPendingPasswordChange?: boolean } = {}): Promise<SessionUser> {
  const user = await getSession();
  if (!user) redirect("/login");
  if (user.mustChangePassword && !opts.allowPendingPasswordChange) redirect("/account/password");
  if (!hasPermission(user, permission)) forbidden();
  return user;
}

/** For server actions and route handlers: the user, or a typed error (401 / 403). */
export async function requireRequest(permission: Permission): Promise<SessionUser> {
  const user = await getSession();
  if (!user) throw unauthenticated();
  if (user.mustChangePassword && permission !== "account.self") throw forbiddenError("errors.passwordChangeRequired");
  if (!hasPermission(user, permission)) throw forbiddenError();
  return user;
}

// ---- Scope ----------------------------------------------------------------------------------------

/** May this user see data of the region `code` (and everything inside it)? */
export function canAccessRegion(user: SessionUser, code: string): boolean {
  if (user.role === "ADMIN") return true;
  if (user.role === "REGULATOR" && user.regionCode) return isWithinRegion(user.regionCode, code);
  return false;
}

/** A where-clause fragment limiting rows with a `regionCode` column to the user's region. */
export function regionWhere(user: SessionUser): { regionCode?: { startsWith: string } } {
  if (user.role === "ADMIN") return {};
  if (user.role === "REGULATOR" && user.regionCode) return { regionCode: { startsWith: regionPrefix(user.regionCode) } };
  // Any other role reaching a regional query sees nothing: an impossible prefix.
  return { regionCode: { startsWith: "#" } };
}

/** May this user see the enterprise (by its id and region)? */
export function canAccessEnterprise(user: SessionUser, enterprise: { id: string; regionCode: string }): boolean {
  if (user.role === "ENTERPRISE_ADMIN") return user.enterpriseId === enterprise.id;
  return canAccessRegion(user, enterprise.regionCode);
}
