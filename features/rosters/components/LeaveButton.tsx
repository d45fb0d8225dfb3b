"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Dialog } from "@/components/Dialog";
import { setLeftAction } from "../actions";

/** Marks a person as having left on a date (confirmed in a dialog), or puts a leaver back on the roster. */
export function LeaveButton({ personId, name, left, today }: { personId: string; name: string; left: boolean; today: string }) {
  const t = useTranslations("roster");
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(setLeftAction, null);
  if (left) {
    return (
      <form action={formAction}>
        <input type="hidden" name="personId" value={personId} />
        <input type="hidden" name="leftOn" value="" />
        <button type="submit" disabled={pending} className="rounded bg-slate-100 px-2 py-1 text-xs text-slate-700 disabled:opacity-60">
          {t("rejoin")}
        </button>
      </form>
    );
  }
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="rounded bg-slate-100 px-2 py-1 text-xs text-slate-700" data-testid={`leave-${personId}`}>
        {t("markLeft")}
      </button>
      {open ? (
        <Dialog title={t("markLeftTitle", { name })}>
          <form action={formAction} className="mt-3 space-y-3 text-sm" onSubmit={() => setOpen(false)}>
            <p className="text-slate-600">{t("markLeftHint")}</p>
            <input type="hidden" name="personId" value={personId} />
            <label className="block">
              <span className="text-xs text-slate-600">{t("column.leftOn")}</span>
              <input type="date" name="leftOn" defaultValue={today} max={today} required className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
            </label>
            <div className="flex justify-end gap-2">
              <button type="button" onClick={() => setOpen(false)} className="rounded bg-slate-100 px-3 py-1.5">
                {t("cancel")}
              </button>
              <button type="submit" className="rounded bg-red-600 px-3 py-1.5 font-medium text-white">
                {t("confirmLeft")}
              </button>
            </div>
          </form>
        </Dialog>
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="text-xs text-red-600">
          {state.message}
        </p>
      ) : null}
    </>
  );
}
