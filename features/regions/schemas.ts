import { z } from "zod";

export const setKeyEnterpriseSchema = z.object({
  enterpriseId: z.string().min(1).max(64),
  isKey: z.enum(["true", "false"]).transform((v) => v === "true"),
});
