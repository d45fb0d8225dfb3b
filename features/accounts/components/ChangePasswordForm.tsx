"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormError, SubmitButton } from "@/components/Form";
import { changePassword } from "../actions";
import { PASSWORD_MIN } from "../schemas";

const FIELDS = [
  { name: "currentPassword", autoComplete: "current-password" },
  { name: "newPassword", autoComplete: "new-password" },
  { name: "confirmPassword", autoComplete: "new-password" },
] as const;

/** `next`: where to return after signing in again with the new password (checked again by the action). */
export function ChangePasswordForm({ next }: { next?: string }) {
  const t = useTranslations("account");
  const [state, formAction, pending] = useActionState(changePassword, null);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {FIELDS.map((f) => (
        <Field key={f.name} name={f.name} label={t(f.name)} type="password" autoComplete={f.autoComplete} required error={failed?.fieldErrors?.[f.name]?.[0]} />
      ))}
      <p className="text-xs text-slate-500">{t("rules", { min: PASSWORD_MIN })}</p>
      <FormError message={failed?.message} />
      <SubmitButton pending={pending} pendingText={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
