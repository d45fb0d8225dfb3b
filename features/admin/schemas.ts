// Account administration: the role of an account and the scope that role needs, and disabling an
// account. Messages are keys under "validation".
import { z } from "zod";
import { creditCodeSchema, isStorableText, regionCodeSchema, storableText } from "@/lib/identifiers";
import { ROLES } from "@/lib/roles";

/** An empty form field is no value. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** The user list's GET parameters: a mobile number or name to find, the account opened. */
export const userSearchSchema = z.object({
  // Text the database cannot hold (NUL, half a surrogate pair) searches for nothing rather than failing.
  q: z.string().trim().min(1).max(40).refine(isStorableText).optional().catch(undefined),
  user: z.string().min(1).max(40).refine(isStorableText).optional().catch(undefined),
});

/**
 * A new role and its scope: a regulator a region, an enterprise admin an enterprise (by its credit code),
 * a school admin a school, a learner an enterprise or a school; a provider and an administrator none.
 */
export const changeRoleSchema = storableText(
  z
    .object({
      userId: z.string().min(1).max(40),
      role: z.enum(ROLES),
      regionCode: optional(regionCodeSchema),
      creditCode: optional(creditCodeSchema),
      schoolId: optional(z.string().max(40)),
    })
    .superRefine((v, ctx) => {
      if (v.role === "REGULATOR" && !v.regionCode) ctx.addIssue({ code: "custom", message: "regionRequired", path: ["regionCode"] });
      if (v.role === "ENTERPRISE_ADMIN" && !v.creditCode) ctx.addIssue({ code: "custom", message: "enterpriseRequired", path: ["creditCode"] });
      if (v.role === "SCHOOL_ADMIN" && !v.schoolId) ctx.addIssue({ code: "custom", message: "schoolRequired", path: ["schoolId"] });
      if (v.role === "LEARNER" && Boolean(v.creditCode) === Boolean(v.schoolId)) ctx.addIssue({ code: "custom", message: "learnerOrganisation", path: ["creditCode"] });
    }),
);
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const setDisabledSchema = storableText(
  z
    .object({
      userId: z.string().min(1).max(40),
      disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
      /** Disabling ends the person's sessions at once: the form asks first. */
      confirm: z.string().optional(),
    })
    .refine((v) => !v.disabled || v.confirm === "yes", { message: "confirmRequired", path: ["confirm"] }),
);
