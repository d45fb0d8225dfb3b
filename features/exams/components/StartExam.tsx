"use client";
// The start / resume / retake button: a form posting to the start action, which redirects to the attempt.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormError, SubmitButton } from "@/components/Form";
import { startExamAction } from "../actions";

export function StartExam({ courseId, label }: { courseId: string; label: string }) {
  const t = useTranslations("exam");
  const [state, action, pending] = useActionState(startExamAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="courseId" value={courseId} />
      <FormError message={state && !state.ok ? state.message : undefined} />
      <SubmitButton pending={pending} pendingText={t("starting")}>
        {label}
      </SubmitButton>
    </form>
  );
}
