"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { saveAnnexAction } from "../actions";
import type { AnnexRow } from "../export";

const FIELDS = ["insuredEnterprises", "employees", "insuredEmployees", "accidents"] as const;

/** The annex figures per key industry; saved all at once. */
export function AnnexForm({ regionCode, periodId, baseYear, rows }: { regionCode: string; periodId: string; baseYear: number; rows: AnnexRow[] }) {
  const t = useTranslations("annex");
  const [values, setValues] = useState(() => rows.map((r) => Object.fromEntries(FIELDS.map((f) => [f, r[f] === null ? "" : String(r[f])])) as Record<(typeof FIELDS)[number], string>));
  const [state, action, pending] = useActionState(saveAnnexAction, null);
  return (
    <form
      action={() =>
        action({
          regionCode,
          periodId,
          rows: rows.map((r, i) => ({ industryCode: r.industryCode, ...values[i]! })) as never,
        })
      }
    >
      <div className="overflow-x-auto">
        <table className="w-full min-w-max text-left text-sm">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1 pr-2">{t("industry")}</th>
              <th className="py-1 pr-2 text-right">{t("enterprises")}</th>
              {FIELDS.map((f) => (
                <th key={f} className="py-1 pr-2">
                  {t(f, { year: baseYear })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.industryCode} className="border-t border-slate-100">
                <td className="py-1 pr-2">{r.industryName}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{r.enterprises}</td>
                {FIELDS.map((f) => (
                  <td key={f} className="py-1 pr-2">
                    <input
                      inputMode="numeric"
                      aria-label={`${r.industryName} ${t(f, { year: baseYear })}`}
                      value={values[i]![f]}
                      onChange={(e) => setValues((v) => v.map((row, j) => (j === i ? { ...row, [f]: e.target.value } : row)))}
                      className="w-24 rounded border border-slate-300 px-1.5 py-1 text-right"
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {state ? (
        <p role={state.ok ? "status" : "alert"} className={`mt-2 text-sm ${state.ok ? "text-green-700" : "text-red-700"}`}>
          {state.ok ? t("saved") : [state.message, ...Object.values(state.fieldErrors ?? {}).flat()].join(" ")}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="mt-3 rounded bg-brand-600 px-3 py-2 text-sm font-medium text-white disabled:opacity-60">
        {t("save")}
      </button>
    </form>
  );
}
