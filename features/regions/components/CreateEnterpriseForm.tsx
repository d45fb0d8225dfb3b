"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createEnterpriseAction } from "../actions";
import { HAZCHEM_TYPES } from "../schemas";

/** Registers an enterprise: name, credit code (checked on the server), industry, county, key flag. */
export function CreateEnterpriseForm({ counties, industries }: { counties: { code: string; name: string }[]; industries: { code: string; name: string }[] }) {
  const t = useTranslations("enterpriseForm");
  const [state, action, pending] = useActionState(createEnterpriseAction, null);
  const [industry, setIndustry] = useState("");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const err = (k: string) => (errors[k] ? <span className="block text-xs text-red-700">{errors[k]!.join(" ")}</span> : null);
  const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5";
  return (
    <form action={action} className="grid gap-2 text-sm sm:grid-cols-2" data-testid="create-enterprise">
      <label className="block sm:col-span-2">
        <span className="text-xs text-slate-600">{t("name")}</span>
        <input name="name" required maxLength={100} className={input} />
        {err("name")}
      </label>
      <label className="block">
        <span className="text-xs text-slate-600">{t("creditCode")}</span>
        <input name="creditCode" required maxLength={18} className={`${input} font-mono uppercase`} />
        {err("creditCode")}
      </label>
      <label className="block">
        <span className="text-xs text-slate-600">{t("county")}</span>
        <select name="regionCode" required className={input}>
          {counties.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {err("regionCode")}
      </label>
      <label className="block">
        <span className="text-xs text-slate-600">{t("industry")}</span>
        <select name="industryCode" required value={industry} onChange={(e) => setIndustry(e.target.value)} className={input}>
          <option value="">{t("choose")}</option>
          {industries.map((i) => (
            <option key={i.code} value={i.code}>
              {i.name}
            </option>
          ))}
        </select>
        {err("industryCode")}
      </label>
      {industry === "HAZCHEM" ? (
        <label className="block">
          <span className="text-xs text-slate-600">{t("hazchemType")}</span>
          <select name="hazchemType" required className={input}>
            <option value="">{t("choose")}</option>
            {HAZCHEM_TYPES.map((h) => (
              <option key={h} value={h}>
                {t(`hazchem.${h}`)}
              </option>
            ))}
          </select>
          {err("hazchemType")}
        </label>
      ) : null}
      <label className="flex items-center gap-2 sm:col-span-2">
        <input type="checkbox" name="isKey" />
        <span>{t("isKey")}</span>
      </label>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {t("submit")}
        </button>
        {state ? (
          <p role={state.ok ? "status" : "alert"} className={`mt-1 ${state.ok ? "text-green-700" : "text-red-700"}`}>
            {state.ok ? t("created", { name: state.data.name }) : state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
