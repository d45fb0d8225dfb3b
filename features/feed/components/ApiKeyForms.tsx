"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createApiKeyAction, revokeApiKeyAction } from "../actions";

export function CreateApiKey() {
  const t = useTranslations("feed");
  const [state, action, pending] = useActionState(createApiKeyAction, null);
  return (
    <form action={action} className="space-y-2 text-sm">
      <label className="block">
        <span className="text-xs text-slate-600">{t("name")}</span>
        <input name="name" required maxLength={60} placeholder={t("namePlaceholder")} className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white disabled:opacity-60">
        {t("create")}
      </button>
      {state?.ok ? (
        <div role="status" className="rounded bg-green-50 p-2" data-testid="new-key">
          <p className="text-xs text-green-900">{t("shownOnce")}</p>
          <code className="block break-all font-mono text-sm">{state.data.key}</code>
        </div>
      ) : state ? (
        <p role="alert" className="text-red-700">
          {[state.message, ...Object.values(state.fieldErrors ?? {}).flat()].join(" ")}
        </p>
      ) : null}
    </form>
  );
}

export function RevokeApiKey({ id, name }: { id: string; name: string }) {
  const t = useTranslations("feed");
  const [state, action, pending] = useActionState(revokeApiKeyAction, null);
  return (
    <form action={action} onSubmit={(e) => !window.confirm(t("confirmRevoke", { name })) && e.preventDefault()}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded bg-slate-100 px-2 py-1 text-xs text-red-700 disabled:opacity-60">
        {t("revoke")}
      </button>
      {state && !state.ok ? <span className="text-xs text-red-700">{state.message}</span> : null}
    </form>
  );
}
