"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormError, SubmitButton } from "@/components/Form";
import { login } from "../actions";

/** `next`: the page to return to after signing in (already checked by the login page; checked again by the action). */
export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("login");
  const [state, formAction, pending] = useActionState(login, null);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field
        name="mobile"
        label={t("mobile")}
        type="tel"
        inputMode="numeric"
        autoComplete="username"
        maxLength={11}
        required
        placeholder={t("mobilePlaceholder")}
        error={failed?.fieldErrors?.mobile?.[0]}
      />
      <Field name="password" label={t("password")} type="password" autoComplete="current-password" required error={failed?.fieldErrors?.password?.[0]} />
      <FormError message={failed && !failed.fieldErrors ? failed.message : undefined} />
      <SubmitButton pending={pending} pendingText={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
