"use client";
// An account's role and the scope it needs: a region for a regulator, an enterprise (by its credit code)
// for an enterprise admin, a school for a school admin, an enterprise or a school for a learner.
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { ROLES, type Role } from "@/lib/roles";
import { changeRoleAction } from "../actions";

type Region = { code: string; name: string; level: "PROVINCE" | "CITY" | "COUNTY" };

export function RoleForm({
  account,
  regions,
  schools,
}: {
  account: { id: string; role: Role; regionCode: string | null; creditCode: string | null; schoolId: string | null };
  regions: Region[];
  schools: { id: string; name: string }[];
}) {
  const t = useTranslations("adminUsers");
  const tRoles = useTranslations("roles");
  const [state, action, pending] = useActionState(changeRoleAction, null);
  const [role, setRole] = useState<Role>(account.role);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const err = (k: string) => (errors[k] ? <span className="block text-xs text-red-700">{errors[k]!.join(" ")}</span> : null);
  const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5";
  const needsEnterprise = role === "ENTERPRISE_ADMIN" || role === "LEARNER";
  const needsSchool = role === "SCHOOL_ADMIN" || role === "LEARNER";
  // Dispatched from onSubmit, not through the form's `action`: React resets a form whose action ran,
  // which would put the (controlled) role back to the account's and lose what was chosen.
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <form onSubmit={submit} className="grid gap-2 text-sm" data-testid="role-form">
      <input type="hidden" name="userId" value={account.id} />
      <label className="block">
        <span className="text-xs text-slate-600">{t("role")}</span>
        <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} className={input}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tRoles(r)}
            </option>
          ))}
        </select>
        {err("role")}
      </label>
      {role === "REGULATOR" ? (
        <label className="block">
          <span className="text-xs text-slate-600">{t("region")}</span>
          <select name="regionCode" defaultValue={account.regionCode ?? ""} className={input}>
            <option value="">{t("choose")}</option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.level === "COUNTY" ? "\u3000\u3000" : r.level === "CITY" ? "\u3000" : ""}
                {r.name}
              </option>
            ))}
          </select>
          {err("regionCode")}
        </label>
      ) : null}
      {role === "LEARNER" ? <p className="text-xs text-slate-500">{t("learnerHint")}</p> : null}
      {needsEnterprise ? (
        <label className="block">
          <span className="text-xs text-slate-600">{t("creditCode")}</span>
          <input name="creditCode" defaultValue={account.creditCode ?? ""} maxLength={18} autoComplete="off" className={`${input} font-mono uppercase`} />
          {err("creditCode")}
        </label>
      ) : null}
      {needsSchool ? (
        <label className="block">
          <span className="text-xs text-slate-600">{t("school")}</span>
          <select name="schoolId" defaultValue={account.schoolId ?? ""} className={input}>
            <option value="">{t("choose")}</option>
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {err("schoolId")}
        </label>
      ) : null}
      <p className="text-xs text-slate-500">{t("roleChangeHint")}</p>
      <div>
        <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {t("changeRole")}
        </button>
        {state ? (
          <p role={state.ok ? "status" : "alert"} className={`mt-1 ${state.ok ? "text-green-700" : "text-red-700"}`} data-testid="role-result">
            {state.ok ? t("roleChanged", { role: tRoles(state.data.role) }) : state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
