"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { changeRole, setAccountDisabled } from "./data";
import { changeRoleSchema, setDisabledSchema } from "./schemas";

/** 变更角色: an administrator gives an account a role and the scope it needs; its sessions end. */
export const changeRoleAction = defineAction({
  schema: changeRoleSchema,
  permission: "admin.manage",
  async run(input, user) {
    const done = await changeRole(user!, input);
    revalidatePath("/admin/users");
    return done;
  },
});

/** 停用 / 启用账号: a disabled account cannot sign in and its sessions end at once. */
export const setAccountDisabledAction = defineAction({
  schema: setDisabledSchema,
  permission: "admin.manage",
  async run({ userId, disabled }, user) {
    const done = await setAccountDisabled(user!, { userId, disabled });
    revalidatePath("/admin/users");
    return done;
  },
});
