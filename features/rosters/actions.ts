"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { setLeft } from "./data";
import { setLeftSchema } from "./schemas";

/** 标记离职 / 恢复在册: a leaver leaves the coverage denominator from the day they left. */
export const setLeftAction = defineAction({
  schema: setLeftSchema,
  permission: "roster.import",
  async run({ personId, leftOn }, user) {
    await setLeft(user!, personId, leftOn);
    revalidatePath("/enterprise/roster");
    revalidatePath("/school");
    return { personId, leftOn };
  },
});
