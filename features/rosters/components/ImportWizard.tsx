"use client";
// Roster import in three steps: choose a file (upload progress), check the preview (every bad row with
// its reason — nothing is imported while any row is bad), confirm with the initial password of new
// accounts (commit progress). The server does all checking; this only shows what it says.

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRef, useState } from "react";
import type { Problem, Summary } from "../rules";

type Preview = {
  id: string;
  status: "PREVIEW" | "DISCARDED";
  summary: Summary;
  problems: Problem[];
  sample: { line: number; name: string; mobile: string; action: "create" | "update" | "unchanged"; positionCode: string | null; className: string | null; idMasked: string | null }[];
  leave: { id: string; name: string; mobile: string }[];
};

type Step =
  | { name: "choose" }
  | { name: "uploading"; percent: number }
  | { name: "preview"; preview: Preview }
  | { name: "committing"; preview: Preview; processed: number; total: number }
  | { name: "done"; summary: Summary };

type ApiError = { error?: string; message?: string; params?: Record<string, string | number>; fieldErrors?: Record<string, string[]> };

function Bar({ percent, label }: { percent: number; label: string }) {
  return (
    <div className="my-3" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(percent)} aria-label={label}>
      <div className="h-2 w-full overflow-hidden rounded bg-slate-200">
        <div className="h-2 bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-600">
        {label} {Math.round(percent)}%
      </p>
    </div>
  );
}

export function ImportWizard({
  kind,
  schoolId,
  positions,
  doneHref,
}: {
  kind: "STAFF" | "STUDENTS";
  schoolId?: string;
  positions: Record<string, string>;
  doneHref: string;
}) {
  const t = useTranslations("roster");
  const tv = useTranslations("validation");
  const tAll = useTranslations();
  const [step, setStep] = useState<Step>({ name: "choose" });
  const [error, setError] = useState<string | null>(null);
  const [fullRoster, setFullRoster] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const messageOf = (body: ApiError | null) => {
    if (body?.message && tAll.has(body.message)) return tAll(body.message, body.params);
    return tAll("errors.unexpected");
  };

  function upload(file: File) {
    setError(null);
    const form = new FormData();
    form.set("file", file);
    form.set("kind", kind);
    if (schoolId) form.set("schoolId", schoolId);
    form.set("fullRoster", String(fullRoster));
    // XMLHttpRequest, not fetch: it reports upload progress for the bar.
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/rosters/imports");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setStep({ name: "uploading", percent: (e.loaded / e.total) * 100 });
    };
    xhr.onload = () => {
      if (xhr.status === 200) setStep({ name: "preview", preview: xhr.response as Preview });
      else {
        setError(messageOf(xhr.response as ApiError | null));
        setStep({ name: "choose" });
      }
    };
    xhr.onerror = () => {
      setError(t("networkError"));
      setStep({ name: "choose" });
    };
    setStep({ name: "uploading", percent: 0 });
    xhr.send(form);
  }

  async function commit(preview: Preview, initialPassword: string | undefined, confirmPassword: string) {
    setError(null);
    const total = preview.summary.create + preview.summary.update + preview.summary.leave;
    setStep({ name: "committing", preview, processed: 0, total });
    let finished = false;
    const poll = async () => {
      while (!finished) {
        await new Promise((r) => setTimeout(r, 400));
        if (finished) break;
        const res = await fetch(`/api/rosters/imports/${preview.id}`).catch(() => null);
        if (res?.ok) {
          const s = (await res.json()) as { processed: number; total: number };
          if (!finished) setStep({ name: "committing", preview, processed: s.processed, total: s.total || total });
        }
      }
    };
    void poll();
    try {
      const res = await fetch(`/api/rosters/imports/${preview.id}/commit`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ initialPassword, confirmPassword }),
      });
      const body = (await res.json().catch(() => null)) as ({ summary: Summary } & ApiError) | null;
      finished = true;
      if (res.ok && body) setStep({ name: "done", summary: body.summary });
      else {
        const fields = body?.fieldErrors ? Object.values(body.fieldErrors).flat() : [];
        setError(fields.length ? fields.map((m) => (tv.has(m) ? tv(m) : m)).join(" ") : messageOf(body));
        setStep({ name: "preview", preview });
      }
    } catch {
      finished = true;
      setError(t("networkError"));
      setStep({ name: "preview", preview });
    }
  }

  async function discard(preview: Preview) {
    await fetch(`/api/rosters/imports/${preview.id}`, { method: "DELETE" }).catch(() => null);
    setStep({ name: "choose" });
  }

  const problemText = (p: Problem) =>
    t(`problem.${p.problem}` as "problem.required", { line: p.otherLine ?? "", value: p.value ?? "" });
  const columnText = (c?: string) => (c ? t(`column.${c}` as "column.name") : "");

  return (
    <div data-testid="import-wizard">
      {error ? (
        <p role="alert" className="mb-3 rounded bg-red-50 p-2 text-sm text-red-700" data-testid="import-error">
          {error}
        </p>
      ) : null}

      {step.name === "choose" || step.name === "uploading" ? (
        <div className="space-y-3 text-sm">
          <p>
            <a href={`/api/rosters/template?kind=${kind}`} className="font-medium text-brand-700 underline" data-testid="template-link">
              {t("downloadTemplate")}
            </a>
            <span className="ml-2 text-xs text-slate-500">{t("templateHint")}</span>
          </p>
          <label className="flex items-start gap-2">
            <input type="checkbox" checked={fullRoster} onChange={(e) => setFullRoster(e.target.checked)} className="mt-1" data-testid="full-roster" />
            <span>
              {t("fullRoster")}
              <span className="block text-xs text-slate-500">{t("fullRosterHint")}</span>
            </span>
          </label>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            disabled={step.name === "uploading"}
            data-testid="roster-file"
            className="block w-full text-sm"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload(file);
              e.target.value = "";
            }}
          />
          {step.name === "uploading" ? <Bar percent={step.percent} label={t("uploading")} /> : null}
        </div>
      ) : null}

      {step.name === "preview" || step.name === "committing" ? (
        <PreviewView
          preview={step.preview}
          positions={positions}
          committing={step.name === "committing"}
          progress={step.name === "committing" ? (step.total ? (step.processed / step.total) * 100 : 0) : 0}
          problemText={problemText}
          columnText={columnText}
          onCommit={(p, c) => commit(step.preview, p, c)}
          onDiscard={() => discard(step.preview)}
          onAgain={() => setStep({ name: "choose" })}
        />
      ) : null}

      {step.name === "done" ? (
        <div className="space-y-2 text-sm" data-testid="import-done">
          <p className="font-medium text-green-700">{t("done", step.summary)}</p>
          <Link href={doneHref} className="font-medium text-brand-700 underline">
            {t("toRoster")}
          </Link>
        </div>
      ) : null}
    </div>
  );
}

function PreviewView({
  preview,
  positions,
  committing,
  progress,
  problemText,
  columnText,
  onCommit,
  onDiscard,
  onAgain,
}: {
  preview: Preview;
  positions: Record<string, string>;
  committing: boolean;
  progress: number;
  problemText: (p: Problem) => string;
  columnText: (c?: string) => string;
  onCommit: (password: string | undefined, confirm: string) => void;
  onDiscard: () => void;
  onAgain: () => void;
}) {
  const t = useTranslations("roster");
  const { summary, problems } = preview;
  const creates = summary.create > 0;
  return (
    <div className="space-y-3 text-sm">
      <dl className="grid grid-cols-3 gap-2 sm:grid-cols-6" data-testid="import-summary">
        {(["rows", "create", "update", "unchanged", "leave", "bad"] as const).map((k) => (
          <div key={k} className={`rounded border p-2 ${k === "bad" && summary.bad ? "border-red-300 bg-red-50" : "border-slate-200"}`}>
            <dt className="text-xs text-slate-500">{t(`summary.${k}`)}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={`summary-${k}`}>
              {summary[k]}
            </dd>
          </div>
        ))}
      </dl>

      {problems.length ? (
        <>
          <p role="alert" className="rounded bg-amber-50 p-2 text-amber-900" data-testid="import-refused">
            {t("refused", { bad: summary.bad })}
          </p>
          <div className="max-h-96 overflow-auto rounded border border-slate-200">
            <table className="w-full text-left text-xs" data-testid="problems">
              <thead className="sticky top-0 bg-slate-50">
                <tr>
                  <th className="px-2 py-1">{t("line")}</th>
                  <th className="px-2 py-1">{t("columnHeader")}</th>
                  <th className="px-2 py-1">{t("reason")}</th>
                </tr>
              </thead>
              <tbody>
                {problems.slice(0, 500).map((p, i) => (
                  <tr key={i} className="border-t border-slate-100" data-testid="problem-row">
                    <td className="px-2 py-1 tabular-nums">{p.line}</td>
                    <td className="px-2 py-1">{columnText(p.column)}</td>
                    <td className="px-2 py-1">{problemText(p)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {problems.length > 500 ? <p className="text-xs text-slate-500">{t("moreProblems", { count: problems.length - 500 })}</p> : null}
          <button type="button" onClick={onAgain} className="rounded bg-brand-600 px-3 py-2 font-medium text-white">
            {t("uploadAgain")}
          </button>
        </>
      ) : (
        <>
          {preview.sample.length ? (
            <div className="max-h-72 overflow-auto rounded border border-slate-200">
              <table className="w-full text-left text-xs" data-testid="sample">
                <thead className="sticky top-0 bg-slate-50">
                  <tr>
                    <th className="px-2 py-1">{t("line")}</th>
                    <th className="px-2 py-1">{t("column.name")}</th>
                    <th className="px-2 py-1">{t("column.mobile")}</th>
                    <th className="px-2 py-1">{preview.sample[0]?.className !== null ? t("column.className") : t("column.position")}</th>
                    <th className="px-2 py-1">{t("action")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((r) => (
                    <tr key={r.line} className="border-t border-slate-100">
                      <td className="px-2 py-1 tabular-nums">{r.line}</td>
                      <td className="px-2 py-1">{r.name}</td>
                      <td className="px-2 py-1 tabular-nums">{r.mobile}</td>
                      <td className="px-2 py-1">{r.className ?? (r.positionCode ? positions[r.positionCode] : "")}</td>
                      <td className="px-2 py-1">{t(`actions.${r.action}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {preview.leave.length ? (
            <p className="text-amber-800" data-testid="leavers">
              {t("leavers", { count: summary.leave, names: preview.leave.slice(0, 10).map((l) => l.name).join("、") })}
            </p>
          ) : null}
          {summary.create + summary.update + summary.leave === 0 ? (
            <p className="rounded bg-slate-50 p-2" data-testid="nothing-to-do">
              {t("nothingToDo")}
            </p>
          ) : null}
          <form
            className="space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              const form = new FormData(e.currentTarget);
              const password = form.get("initialPassword");
              onCommit(password === null ? undefined : String(password), String(form.get("confirmPassword") ?? ""));
            }}
          >
            {creates ? (
              <>
                <p className="text-xs text-slate-600">{t("initialPasswordHint")}</p>
                <label className="block">
                  <span className="text-xs text-slate-600">{t("initialPassword")}</span>
                  <input name="initialPassword" type="password" autoComplete="new-password" required minLength={8} className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
                </label>
                <label className="block">
                  <span className="text-xs text-slate-600">{t("confirmPassword")}</span>
                  <input name="confirmPassword" type="password" autoComplete="new-password" required className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
                </label>
              </>
            ) : null}
            {committing ? <Bar percent={progress} label={t("committing")} /> : null}
            <div className="flex gap-2">
              <button
                type="submit"
                disabled={committing || summary.create + summary.update + summary.leave === 0}
                className="rounded bg-brand-600 px-3 py-2 font-medium text-white disabled:opacity-50"
                data-testid="commit-import"
              >
                {t("commit", { count: summary.create + summary.update + summary.leave })}
              </button>
              <button type="button" disabled={committing} onClick={onDiscard} className="rounded bg-slate-100 px-3 py-2 text-slate-700">
                {t("discard")}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
