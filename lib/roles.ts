// Roles and where each lands after login. Client-safe (no server imports).

export const ROLES = ["LEARNER", "ENTERPRISE_ADMIN", "SCHOOL_ADMIN", "PROVIDER", "REGULATOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_HOME: Record<Role, string> = {
  LEARNER: "/learn",
  ENTERPRISE_ADMIN: "/enterprise",
  SCHOOL_ADMIN: "/school",
  PROVIDER: "/provider",
  REGULATOR: "/regulator",
  ADMIN: "/admin",
};
