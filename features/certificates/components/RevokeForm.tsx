"use client";
// The administrator's form to revoke a certificate: its number, a reason, and an explicit confirmation.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormError, SubmitButton } from "@/components/Form";
import { revokeCertificateAction } from "../actions";

export function RevokeForm() {
  const t = useTranslations("certificate");
  const [state, action, pending] = useActionState(revokeCertificateAction, null);
  return (
    <form action={action} className="space-y-3" data-testid="revoke-form">
      <Field name="code" label={t("verifyInput")} autoComplete="off" required error={state && !state.ok ? state.fieldErrors?.code?.[0] : undefined} />
      <Field name="reason" label={t("revokeReason")} required error={state && !state.ok ? state.fieldErrors?.reason?.[0] : undefined} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="confirm" value="yes" className="mt-1" />
        <span>{t("revokeConfirm")}</span>
      </label>
      {state && !state.ok && state.fieldErrors?.confirm ? <p className="text-sm text-red-600">{state.fieldErrors.confirm[0]}</p> : null}
      <FormError message={state && !state.ok ? state.message : undefined} />
      {state?.ok ? (
        <p role="status" className="rounded bg-green-50 p-2 text-sm text-green-800">
          {t("revoked", { code: state.data.code })}
        </p>
      ) : null}
      <SubmitButton pending={pending} pendingText={t("revoking")}>
        {t("revoke")}
      </SubmitButton>
    </form>
  );
}
