"use client";

import { useTranslations } from "next-intl";
import { Dialog } from "@/components/Dialog";
import type { LessonTotals } from "./heartbeat-queue";
import { ProgressBar } from "./ProgressBar";

/** What the learner sees of the ledger on a lesson page: credited minutes, the connection, the queue. */
export function LessonStatus({ totals, requiredSeconds, online, pending }: { totals: LessonTotals; requiredSeconds: number; online: boolean; pending: number }) {
  const t = useTranslations("learn.lesson");
  const minutes = (s: number) => (Math.floor((s / 60) * 10) / 10).toFixed(1);
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="lesson-status">
      <p data-testid="lesson-credited" data-seconds={totals.creditedSeconds}>
        {totals.completed ? <span className="mr-2 rounded bg-green-100 px-1.5 py-0.5 text-xs text-green-800">{t("completed")}</span> : null}
        {t("credited", { minutes: minutes(totals.creditedSeconds), required: minutes(requiredSeconds) })}
      </p>
      <ProgressBar value={requiredSeconds ? totals.creditedSeconds / requiredSeconds : 0} label={t("credited", { minutes: minutes(totals.creditedSeconds), required: minutes(requiredSeconds) })} />
      {!online ? (
        <p role="status" className="rounded bg-amber-50 p-2 text-amber-900" data-testid="offline-notice">
          {t("offline")}
        </p>
      ) : null}
      {pending > 0 ? (
        <p className="text-xs text-slate-500" data-testid="pending-beats">
          {t("pending", { count: pending })}
        </p>
      ) : null}
      <p className="text-xs text-slate-500">{t("rules")}</p>
    </div>
  );
}

/** "Are you still there?": crediting stops until the learner answers. */
export function IdlePrompt({ open, onResume }: { open: boolean; onResume: () => void }) {
  const t = useTranslations("learn.lesson");
  if (!open) return null;
  return (
    <Dialog title={t("idleTitle")}>
      <p className="mt-2 text-sm text-slate-600">{t("idleBody")}</p>
      <button type="button" onClick={onResume} className="mt-4 w-full rounded-md bg-brand-600 py-3 font-semibold text-white">
        {t("idleResume")}
      </button>
    </Dialog>
  );
}
