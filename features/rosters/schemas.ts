import { z } from "zod";
import { newPasswordSchema } from "@/features/accounts/schemas";

export const previewFieldsSchema = z.object({
  kind: z.enum(["STAFF", "STUDENTS"]),
  schoolId: z.string().min(1).max(40).optional(),
  /** The file is the whole roster: people not in it are marked as having left today. */
  fullRoster: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
});

export const commitSchema = z
  .object({
    /** The password of accounts this import creates (changed at first login). */
    initialPassword: newPasswordSchema.optional(),
    confirmPassword: z.string().max(128).optional(),
  })
  .refine((v) => v.initialPassword === v.confirmPassword, { message: "passwordMismatch", path: ["confirmPassword"] });

export const setLeftSchema = z.object({
  personId: z.string().min(1).max(40),
  leftOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
    .nullable()
    .or(z.literal("").transform(() => null)),
});

export const templateQuerySchema = z.object({ kind: z.enum(["STAFF", "STUDENTS"]).default("STAFF") });
