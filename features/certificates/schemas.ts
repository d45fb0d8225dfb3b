import { z } from "zod";
import { storableText } from "@/lib/identifiers";

export const revokeCertificateSchema = storableText(
  z.object({
    code: z.string().trim().min(16, "certificateCode").max(40),
    reason: z.string().trim().min(4, "revokeReasonShort").max(200),
    /** The form's explicit confirmation: revoking is permanent. */
    confirm: z.literal("yes", { message: "revokeConfirmRequired" }),
  }),
);
