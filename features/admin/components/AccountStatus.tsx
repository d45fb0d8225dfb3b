"use client";
// Disabling an account (asked first: it ends the person's sessions at once), or enabling it again.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Dialog } from "@/components/Dialog";
import { setAccountDisabledAction } from "../actions";

export function AccountStatus({ userId, name, disabled }: { userId: string; name: string; disabled: boolean }) {
  const t = useTranslations("adminUsers");
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(setAccountDisabledAction, null);
  const result = state ? (
    <p role={state.ok ? "status" : "alert"} className={`mt-1 text-sm ${state.ok ? "text-green-700" : "text-red-700"}`}>
      {state.ok ? (state.data.disabled ? t("disabledDone") : t("enabledDone")) : state.message}
    </p>
  ) : null;
  if (disabled) {
    return (
      <form action={action}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="disabled" value="false" />
        <button type="submit" disabled={pending} className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-60">
          {t("enable")}
        </button>
        {result}
      </form>
    );
  }
  return (
    <div>
      <button type="button" onClick={() => setOpen(true)} className="rounded bg-red-600 px-3 py-1.5 text-sm font-medium text-white" data-testid="disable-account">
        {t("disable")}
      </button>
      {open ? (
        <Dialog title={t("disableTitle", { name })}>
          <form action={action} className="mt-3 space-y-3 text-sm" onSubmit={() => setOpen(false)}>
            <p className="text-slate-600">{t("disableHint")}</p>
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="disabled" value="true" />
            <input type="hidden" name="confirm" value="yes" />
            <div className="flex justify-end gap-2">
              <button type="button" onClick={() => setOpen(false)} className="rounded bg-slate-100 px-3 py-1.5">
                {t("cancel")}
              </button>
              <button type="submit" className="rounded bg-red-600 px-3 py-1.5 font-medium text-white">
                {t("confirmDisable")}
              </button>
            </div>
          </form>
        </Dialog>
      ) : null}
      {result}
    </div>
  );
}
