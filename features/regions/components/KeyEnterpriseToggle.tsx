"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { designateKeyEnterprise } from "../actions";

export function KeyEnterpriseToggle({ enterpriseId, isKey, name }: { enterpriseId: string; isKey: boolean; name: string }) {
  const t = useTranslations("regulator");
  const [state, formAction, pending] = useActionState(designateKeyEnterprise, null);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        // Removing a designation takes the enterprise's staff out of the coverage denominator: confirm.
        if (isKey && !window.confirm(t("confirmUndesignate", { name }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="enterpriseId" value={enterpriseId} />
      <input type="hidden" name="isKey" value={isKey ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        className={`rounded px-2 py-1 text-xs font-medium ${isKey ? "bg-slate-100 text-slate-700" : "bg-brand-600 text-white"} disabled:opacity-60`}
      >
        {isKey ? t("undesignate") : t("designate")}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
