"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { revokeCertificate } from "./data";
import { revokeCertificateSchema } from "./schemas";

/** An administrator revokes a certificate, with a reason shown on the public verify page. */
export const revokeCertificateAction = defineAction({
  schema: revokeCertificateSchema,
  permission: "admin.manage",
  async run(input, user) {
    const done = await revokeCertificate(user!, input);
    revalidatePath("/admin");
    return done;
  },
});
