"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { login } from "../actions";

export function LoginForm() {
  const t = useTranslations("login");
  const [state, formAction, pending] = useActionState(login, null);
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div>
        <label htmlFor="mobile" className="mb-1 block text-sm font-medium">
          {t("mobile")}
        </label>
        <input
          id="mobile"
          name="mobile"
          type="tel"
          inputMode="numeric"
          autoComplete="username"
          maxLength={11}
          required
          placeholder={t("mobilePlaceholder")}
          aria-invalid={Boolean(fieldError("mobile"))}
          aria-describedby="mobile-error"
          className="w-full rounded-md border border-slate-300 px-3 py-2.5 text-base focus:border-brand-600 focus:outline-none"
        />
        <p id="mobile-error" className="mt-1 text-sm text-red-600">
          {fieldError("mobile")}
        </p>
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(fieldError("password"))}
          aria-describedby="password-error"
          className="w-full rounded-md border border-slate-300 px-3 py-2.5 text-base focus:border-brand-600 focus:outline-none"
        />
        <p id="password-error" className="mt-1 text-sm text-red-600">
          {fieldError("password")}
        </p>
      </div>
      {state && !state.ok && !state.fieldErrors ? (
        <p role="alert" data-testid="form-error" className="rounded-md bg-red-50 p-3 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 py-3 text-base font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
