"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { CredentialsSignin } from "next-auth";
import { getFormatter } from "next-intl/server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { signIn, signOut } from "@/lib/auth";
import { AppError, validation } from "@/lib/errors";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { ROLE_HOME } from "@/lib/roles";
import { findLandingOf, findPasswordHash, updatePassword } from "./data";
import { safeNextPath } from "./next-path";
import { hashPassword, verifyPassword } from "./password";
import { changePasswordSchema, localeSchema, loginSchema } from "./schemas";

export const login = defineAction({
  // `next`: where the visitor was going (a survey's QR link); followed only when it is a path of this site.
  schema: loginSchema.extend({ next: z.string().max(2000).optional() }),
  permission: "public",
  async run({ mobile, password, next }) {
    try {
      await signIn("credentials", { mobile, password, redirect: false });
    } catch (error) {
      if (!(error instanceof CredentialsSignin)) throw error;
      const [reason, retryAt] = (error.code ?? "invalid").split(/:(.+)/);
      if ((reason === "lockedAccount" || reason === "lockedIp" || reason === "tooManyAttempts") && retryAt) {
        const format = await getFormatter();
        throw new AppError("RATE_LIMITED", `login.${reason}`, undefined, { time: format.dateTime(new Date(retryAt), "long") });
      }
      throw new AppError("VALIDATION", reason === "disabled" ? "login.disabled" : "login.invalid");
    }
    const landing = await findLandingOf(mobile);
    const safe = safeNextPath(next);
    // A first login (imported account) changes its password first and keeps where it was going.
    redirect(!landing || landing.mustChangePassword ? passwordPage(safe) : (safe ?? ROLE_HOME[landing.role]));
  },
});

/** The forced password change, carrying the page the visitor was going to. */
function passwordPage(next: string | null): string {
  return next ? `/account/password?next=${encodeURIComponent(next)}` : "/account/password";
}

export const logout = defineAction({
  schema: z.object({}),
  permission: "public",
  async run() {
    await signOut({ redirectTo: "/login" });
  },
});

export const changePassword = defineAction({
  schema: changePasswordSchema,
  permission: "account.self",
  async run({ currentPassword, newPassword, next }, user) {
    const stored = await findPasswordHash(user!.id);
    if (!stored || !(await verifyPassword(stored, currentPassword))) {
      throw validation({ currentPassword: ["currentPasswordWrong"] });
    }
    await updatePassword(user!.id, await hashPassword(newPassword));
    // Every session, this one included, ended with the version bump: sign in again with the new password.
    const safe = safeNextPath(next);
    await signOut({ redirectTo: `/login?changed=1${safe ? `&next=${encodeURIComponent(safe)}` : ""}` });
  },
});

export const setLocale = defineAction({
  schema: localeSchema,
  permission: "public",
  async run({ locale }) {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  },
});

/** The header's sign-out button posts a plain form. */
export async function logoutForm(): Promise<void> {
  await logout(null, {});
}
