"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePassword } from "../actions";
import { PASSWORD_MIN } from "../schemas";

const FIELDS = [
  { name: "currentPassword", autoComplete: "current-password" },
  { name: "newPassword", autoComplete: "new-password" },
  { name: "confirmPassword", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const [state, formAction, pending] = useActionState(changePassword, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {FIELDS.map((f) => {
        const error = state && !state.ok ? state.fieldErrors?.[f.name]?.[0] : undefined;
        return (
          <div key={f.name}>
            <label htmlFor={f.name} className="mb-1 block text-sm font-medium">
              {t(f.name)}
            </label>
            <input
              id={f.name}
              name={f.name}
              type="password"
              autoComplete={f.autoComplete}
              required
              aria-invalid={Boolean(error)}
              aria-describedby={`${f.name}-error`}
              className="w-full rounded-md border border-slate-300 px-3 py-2.5 text-base focus:border-brand-600 focus:outline-none"
            />
            <p id={`${f.name}-error`} className="mt-1 text-sm text-red-600">
              {error}
            </p>
          </div>
        );
      })}
      <p className="text-xs text-slate-500">{t("rules", { min: PASSWORD_MIN })}</p>
      {state && !state.ok ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
