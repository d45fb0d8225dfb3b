"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { createEnterprise, setKeyEnterprise } from "./data";
import { createEnterpriseSchema, setKeyEnterpriseSchema } from "./schemas";

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

/** 企业登记: a regulator registers an enterprise in a county of its region. */
export const createEnterpriseAction = defineAction({
  schema: createEnterpriseSchema,
  permission: "regulator.designateKeyEnterprise",
  async run(input, user) {
    const e = await createEnterprise(user!, input);
    revalidatePath("/regulator", "layout");
    return e;
  },
});
