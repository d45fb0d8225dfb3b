// Scope checks: a county regulator sees its county, an enterprise admin its enterprise. Pure functions of
// the user, re-exported by lib/authz; data modules import them from here so that they do not pull in
// the request session.
import { isWithinRegion, regionPrefix } from "@/lib/identifiers";
import type { SessionUser } from "@/lib/session";


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
