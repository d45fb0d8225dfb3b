"use client";
// Closes a survey now. Destructive for the trainees who have not answered yet, so the form asks for an
// explicit confirmation (the server requires confirm=yes too); answers already given stay.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormError } from "@/components/Form";
import { closeSurveyAction } from "../actions";

export function CloseSurveyForm({ surveyId }: { surveyId: string }) {
  const t = useTranslations("surveyAdmin");
  const [state, action, pending] = useActionState(closeSurveyAction, null);
  const confirmError = state && !state.ok ? state.fieldErrors?.confirm?.[0] : undefined;
  return (
    <form action={action} className="space-y-2 text-sm" data-testid="close-survey">
      <input type="hidden" name="surveyId" value={surveyId} />
      <p className="text-slate-600">{t("closeExplain")}</p>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="confirm" value="yes" className="mt-1" aria-invalid={Boolean(confirmError) || undefined} />
        <span>{t("closeConfirm")}</span>
      </label>
      {confirmError ? <p className="text-xs text-red-700">{confirmError}</p> : null}
      <FormError message={state && !state.ok && !confirmError ? state.message : undefined} />
      {state?.ok ? (
        <p role="status" className="rounded bg-green-50 p-2 text-green-800">
          {state.data.closed ? t("closedNow") : t("alreadyClosed")}
        </p>
      ) : null}
      <button type="submit" disabled={pending} aria-busy={pending} className="w-full rounded bg-red-700 px-4 py-2.5 font-medium text-white disabled:opacity-60 sm:w-auto">
        {pending ? t("closing") : t("closeNow")}
      </button>
    </form>
  );
}
