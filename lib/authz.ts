// The one server-side authorization helper. Every page, server action and route handler asks it:
// pages through requirePage(), actions through lib/action.ts, route handlers through requireRequest().
// Scope (a county regulator sees its county, an enterprise admin its enterprise) is built into queries
// with the *Where helpers below, and checked for single objects with canAccess*().
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { forbidden as forbiddenError, unauthenticated } from "@/lib/errors";
import type { Role } from "@/lib/roles";
import { getRequestSession, getSession, type SessionUser } from "@/lib/session";

/** Who may do what. Admin may do everything a role may, across all scopes. */
export const PERMISSIONS = {
  "learning.own": ["LEARNER"],
  "enterprise.manage": ["ENTERPRISE_ADMIN", "ADMIN"],
  "school.manage": ["SCHOOL_ADMIN", "ADMIN"],
  "content.author": ["PROVIDER", "ADMIN"],
  "regulator.view": ["REGULATOR", "ADMIN"],
  "regulator.designateKeyEnterprise": ["REGULATOR", "ADMIN"],
  "roster.import": ["ENTERPRISE_ADMIN", "SCHOOL_ADMIN", "REGULATOR", "ADMIN"],
  "admin.manage": ["ADMIN"],
  /** Answering satisfaction surveys (trainees only: one response per learner per survey). */
  "survey.answer": ["LEARNER"],
  /** Building templates, putting surveys in front of trainees, offline sessions; scope in features/surveys/data.ts. */
  "survey.manage": ["PROVIDER", "REGULATOR", "ADMIN"],
  /** Annual projects (年度工伤预防项目) of a region. */
  "project.manage": ["REGULATOR", "ADMIN"],
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
  const user = await getRequestSession();
  if (!user) throw unauthenticated();
  if (user.mustChangePassword && permission !== "account.self") throw forbiddenError("errors.passwordChangeRequired");
  if (!hasPermission(user, permission)) throw forbiddenError();
  return user;
}

// ---- Scope: lib/scope.ts (pure, so data modules can use it without the request session) -----------
export { canAccessEnterprise, canAccessRegion, regionWhere } from "@/lib/scope";
