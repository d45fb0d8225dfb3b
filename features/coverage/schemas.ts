import { z } from "zod";
import { regionCodeSchema, storableText } from "@/lib/identifiers";

const count = z
  .union([z.literal("").transform(() => null), z.coerce.number().int("wholeNumber").min(0, "notNegative").max(100_000_000, "tooLarge")])
  .nullable();

export const annexRowSchema = z
  .object({ industryCode: z.string().min(1).max(40), insuredEnterprises: count, employees: count, insuredEmployees: count, accidents: count })
  .refine((r) => r.employees === null || r.insuredEmployees === null || r.insuredEmployees <= r.employees, { message: "insuredOverTotal", path: ["insuredEmployees"] });

export const annexSchema = storableText(
  z.object({
    regionCode: regionCodeSchema,
    periodId: z.string().min(1).max(20),
    rows: z.array(annexRowSchema).min(1).max(50),
  }),
);
export type AnnexInput = z.infer<typeof annexSchema>;

/** Query of the dashboard exports and the data feed. */
export const coverageQuerySchema = storableText(
  z.object({
    region: regionCodeSchema.optional(),
    period: z.string().min(1).max(20).optional(),
  }),
);
