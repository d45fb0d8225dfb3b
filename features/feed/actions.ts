"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { storableText } from "@/lib/identifiers";
import { createApiKey, revokeApiKey } from "./data";

export const createApiKeyAction = defineAction({
  schema: storableText(z.object({ name: z.string().trim().min(1, "required").max(60, "tooLong") })),
  permission: "regulator.view",
  async run({ name }, user) {
    const key = await createApiKey(user!, name);
    revalidatePath("/regulator/api-keys");
    return key;
  },
});

export const revokeApiKeyAction = defineAction({
  schema: storableText(z.object({ id: z.string().min(1).max(40) })),
  permission: "regulator.view",
  async run({ id }, user) {
    await revokeApiKey(user!, id);
    revalidatePath("/regulator/api-keys");
    return { id };
  },
});
