"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { setKeyEnterprise } from "./data";
import { setKeyEnterpriseSchema } from "./schemas";

/** 设为重点企业: a regulator designates an enterprise in its region a key enterprise of the current period. */
export const designateKeyEnterprise = defineAction({
  schema: setKeyEnterpriseSchema,
  permission: "regulator.designateKeyEnterprise",
  async run({ enterpriseId, isKey }, user) {
    const result = await setKeyEnterprise(user!, enterpriseId, isKey);
    revalidatePath("/regulator", "layout");
    return result;
  },
});
