"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { saveAnnex } from "./annex";
import { annexSchema } from "./schemas";

/** Saves the annex figures a regulator enters for its region (seed 002). */
export const saveAnnexAction = defineAction({
  schema: annexSchema,
  permission: "regulator.view",
  async run(input, user) {
    const result = await saveAnnex(user!, input);
    revalidatePath("/regulator/annex");
    return result;
  },
});
