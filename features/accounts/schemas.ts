import { z } from "zod";
import { mobileSchema } from "@/lib/identifiers";

export const loginSchema = z.object({
  mobile: mobileSchema,
  password: z.string().min(1, "passwordRequired").max(128),
});
export type LoginInput = z.infer<typeof loginSchema>;

/** Trivial passwords refused outright, beside the length rule (NIST SP 800-63B 5.1.1.2). */
const COMMON_PASSWORDS = new Set([
  "12345678", "123456789", "1234567890", "87654321", "11111111", "88888888", "00000000", "66666666",
  "password", "password1", "qwertyui", "qwerty123", "a1234567", "abc12345", "abcd1234", "iloveyou",
  "aa123456", "a12345678", "1qaz2wsx", "woaini1314", "admin123", "admin888", "12341234",
]);

export const PASSWORD_MIN = 8;

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, "passwordTooShort")
  .max(128, "passwordTooLong")
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "passwordTooCommon")
  .refine((p) => new Set(p).size > 2, "passwordTooCommon");

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "currentPasswordRequired").max(128),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
    /** Where to go once signed in again (a survey's QR link), checked by safeNextPath before use. */
    next: z.string().max(2000).optional(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "passwordMismatch", path: ["confirmPassword"] })
  .refine((v) => v.newPassword !== v.currentPassword, { message: "passwordUnchanged", path: ["newPassword"] });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const localeSchema = z.object({ locale: z.enum(["zh-CN", "en"]) });
