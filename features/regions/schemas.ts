import { z } from "zod";
import { creditCodeSchema, regionCodeSchema, storableText } from "@/lib/identifiers";

export const setKeyEnterpriseSchema = storableText(
  z.object({
    enterpriseId: z.string().min(1).max(64),
    isKey: z.enum(["true", "false"]).transform((v) => v === "true"),
  }),
);

/** Hazardous-chemicals enterprise types the three-categories notice names (DOMAIN.md). */
export const HAZCHEM_TYPES = ["PRODUCER", "TRADER_MAJOR_HAZARD", "USER", "FINE_CHEMICAL", "PHARMACEUTICAL"] as const;

export const createEnterpriseSchema = storableText(
  z
    .object({
      name: z.string().trim().min(2, "nameTooShort").max(100, "tooLong"),
      creditCode: creditCodeSchema,
      industryCode: z.string().min(1, "required").max(40),
      regionCode: regionCodeSchema,
      hazchemType: z.union([z.enum(HAZCHEM_TYPES), z.literal("").transform(() => null)]).nullable().default(null),
      isKey: z.union([z.literal("on"), z.literal("true"), z.literal("")]).optional().transform((v) => v === "on" || v === "true"),
    })
    .refine((v) => v.industryCode !== "HAZCHEM" || v.hazchemType !== null, { message: "hazchemTypeRequired", path: ["hazchemType"] }),
);
export type CreateEnterpriseInput = z.infer<typeof createEnterpriseSchema>;
