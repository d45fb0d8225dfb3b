import { z } from "zod";
import { newPasswordSchema } from "@/features/accounts/schemas";
import { storableText } from "@/lib/identifiers";
import { parseDay } from "./rules";

export const previewFieldsSchema = storableText(
  z.object({
    kind: z.enum(["STAFF", "STUDENTS"]),
    schoolId: z.string().min(1).max(40).optional(),
    /** The file is the whole roster: people not in it are marked as having left today. */
    fullRoster: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  }),
);

export const commitSchema = z
  .object({
    /** The password of accounts this import creates (changed at first login). */
    initialPassword: newPasswordSchema.optional(),
    confirmPassword: z.string().max(128).optional(),
  })
  .refine((v) => v.initialPassword === v.confirmPassword, { message: "passwordMismatch", path: ["confirmPassword"] });

export const setLeftSchema = storableText(
  z.object({
    personId: z.string().min(1).max(40),
    leftOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date", abort: true })
      // A day that exists, by the roster file's rule ("2026-02-30" would be stored as 2 March).
      .refine((v) => parseDay(v) === v, "date")
      .nullable()
      .or(z.literal("").transform(() => null)),
  }),
);

export const templateQuerySchema = z.object({ kind: z.enum(["STAFF", "STUDENTS"]).default("STAFF") });
