"use client";
// One question per screen with an answer sheet, on a phone. Every choice is saved on the server at
// once and, until the server confirms, kept in localStorage: a reload, a dropped connection or a
// second device loses nothing. The timer counts down to the server's deadline (corrected by the
// server's clock at load); at zero the page submits, and the server grades on what it saved in time.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Dialog } from "@/components/Dialog";
import { focusEventsAction, saveAnswerAction, submitExamAction } from "../actions";

export type RunnerQuestion = {
  id: string;
  index: number;
  type: "single" | "multiple" | "true_false";
  points: number;
  stem: string;
  options: { key: string; text: string }[];
  chosen: string[];
};

type Props = { attemptId: string; deadline: string; serverNow: string; questions: RunnerQuestion[] };

type Pending = Record<string, { chosen: string[]; at: number }>;
const storageKey = (attemptId: string) => `exam:${attemptId}:pending`;
const LABELS = "ABCDEFGH";

function readPending(attemptId: string): Pending {
  try {
    return JSON.parse(localStorage.getItem(storageKey(attemptId)) ?? "{}") as Pending;
  } catch {
    return {};
  }
}

function writePending(attemptId: string, pending: Pending) {
  try {
    if (Object.keys(pending).length === 0) localStorage.removeItem(storageKey(attemptId));
    else localStorage.setItem(storageKey(attemptId), JSON.stringify(pending));
  } catch {
    // Storage full or disabled: the server copy is still written when online.
  }
}

const mmss = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h > 0 ? `${h}:` : ""}${String(m).padStart(h > 0 ? 2 : 1, "0")}:${String(sec).padStart(2, "0")}`;
};

export function ExamRunner({ attemptId, deadline, serverNow, questions }: Props) {
  const t = useTranslations("exam");
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, string[]>>(() => Object.fromEntries(questions.map((q) => [q.id, q.chosen])));
  const [current, setCurrent] = useState(0);
  const [pendingCount, setPendingCount] = useState(0);
  const [saving, setSaving] = useState(false);
  const [online, setOnline] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showSheet, setShowSheet] = useState(false);
  // Server time minus this device's time, measured at load: the countdown follows the server.
  const offset = useMemo(() => new Date(serverNow).getTime() - Date.now(), [serverNow]);
  const deadlineMs = useMemo(() => new Date(deadline).getTime(), [deadline]);
  const [remaining, setRemaining] = useState(() => deadlineMs - (Date.now() + offset));
  const flushing = useRef(false);
  const submitted = useRef(false);

  /** Sends every pending answer; what the server confirms leaves the local queue. */
  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    setSaving(true);
    try {
      for (;;) {
        const pending = readPending(attemptId);
        const entries = Object.entries(pending);
        setPendingCount(entries.length);
        if (entries.length === 0) break;
        const [questionId, { chosen, at }] = entries[0]!;
        let result;
        try {
          result = await saveAnswerAction(null, { attemptId, questionId, chosen });
        } catch {
          setOnline(false); // network: keep the queue, retry on reconnect or the next tick
          break;
        }
        setOnline(true);
        if (!result.ok && result.code === "UNAVAILABLE") {
          // The database is busy or reconnecting: the answer stays queued and goes with the next tick.
          setError(result.message);
          break;
        }
        const now = readPending(attemptId);
        // Remove it unless a newer choice for the same question arrived meanwhile.
        if (now[questionId]?.at === at) delete now[questionId];
        writePending(attemptId, now);
        if (result.ok) setError(null);
        if (!result.ok) {
          // Time up or already submitted: nothing more can be saved; show the result.
          writePending(attemptId, {});
          setError(result.message);
          router.refresh();
          break;
        }
      }
    } finally {
      flushing.current = false;
      setSaving(false);
      setPendingCount(Object.keys(readPending(attemptId)).length);
    }
  }, [attemptId, router]);

  // On load: answers kept on this device but not yet on the server win (they are newer), then send them.
  useEffect(() => {
    const pending = readPending(attemptId);
    if (Object.keys(pending).length > 0) {
      setAnswers((a) => ({ ...a, ...Object.fromEntries(Object.entries(pending).map(([k, v]) => [k, v.chosen])) }));
      void flush();
    }
    const onOnline = () => {
      setOnline(true);
      void flush();
    };
    const onOffline = () => setOnline(false);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    const retry = window.setInterval(() => void flush(), 5000);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      window.clearInterval(retry);
    };
  }, [attemptId, flush]);

  // Focus loss: page hidden or window blurred, sent in small batches.
  useEffect(() => {
    let batch: { kind: "hidden" | "blur"; at: string }[] = [];
    const send = () => {
      if (batch.length === 0) return;
      const events = batch;
      batch = [];
      focusEventsAction(null, { attemptId, events: events.map((e) => ({ kind: e.kind, at: new Date(e.at) })) }).catch(() => {
        batch = [...events, ...batch].slice(0, 50);
      });
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") batch.push({ kind: "hidden", at: new Date().toISOString() });
      else send();
    };
    const onBlur = () => batch.push({ kind: "blur", at: new Date().toISOString() });
    const onFocus = () => send();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("blur", onBlur);
    window.addEventListener("focus", onFocus);
    const timer = window.setInterval(send, 10_000);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("blur", onBlur);
      window.removeEventListener("focus", onFocus);
      window.clearInterval(timer);
    };
  }, [attemptId]);

  const submit = useCallback(async () => {
    if (submitted.current) return;
    submitted.current = true;
    setSubmitting(true);
    setError(null);
    await flush();
    try {
      const result = await submitExamAction(null, { attemptId });
      if (!result.ok) throw new Error(result.message);
      writePending(attemptId, {});
      router.refresh();
    } catch {
      submitted.current = false;
      setSubmitting(false);
      setError(t("submitFailed"));
    }
  }, [attemptId, flush, router, t]);

  // The countdown; at zero the page submits (the server would grade it anyway at the next request).
  useEffect(() => {
    const timer = window.setInterval(() => {
      const left = deadlineMs - (Date.now() + offset);
      setRemaining(left);
      if (left <= 0) {
        window.clearInterval(timer);
        void submit();
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [deadlineMs, offset, submit]);

  function choose(q: RunnerQuestion, key: string) {
    if (submitting) return;
    const before = answers[q.id] ?? [];
    const chosen = q.type === "multiple" ? (before.includes(key) ? before.filter((k) => k !== key) : [...before, key].sort()) : [key];
    setAnswers((a) => ({ ...a, [q.id]: chosen }));
    const pending = readPending(attemptId);
    pending[q.id] = { chosen, at: Date.now() };
    writePending(attemptId, pending);
    setPendingCount(Object.keys(pending).length);
    void flush();
  }

  const q = questions[current]!;
  const answered = questions.filter((x) => (answers[x.id] ?? []).length > 0).length;
  const unanswered = questions.length - answered;
  const options = q.type === "true_false" ? [{ key: "T", text: t("true") }, { key: "F", text: t("false") }] : q.options;
  const lowTime = remaining < 5 * 60_000;

  return (
    <div className="space-y-3" data-testid="exam-runner">
      <div className="sticky top-12 z-10 flex items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm">
        <span className={`font-mono text-lg font-semibold ${lowTime ? "text-red-700" : "text-slate-900"}`} aria-label={t("remaining")} data-testid="exam-timer">
          {mmss(remaining)}
        </span>
        <span className="text-xs text-slate-600" data-testid="save-state">
          {!online ? t("pendingSaves", { count: pendingCount }) : saving || pendingCount > 0 ? t("saving") : t("saved")}
        </span>
        <button type="button" onClick={() => setShowSheet((s) => !s)} className="rounded border border-slate-300 px-2 py-1 text-xs" aria-expanded={showSheet}>
          {t("answeredCount", { answered, total: questions.length })}
        </button>
      </div>
      {!online ? (
        <p role="status" className="rounded bg-amber-50 p-2 text-sm text-amber-900" data-testid="exam-offline">
          {t("offline")}
        </p>
      ) : null}
      {showSheet ? (
        <nav aria-label={t("navigator")} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="answer-sheet">
          <ol className="grid grid-cols-8 gap-1.5">
            {questions.map((x, i) => {
              const done = (answers[x.id] ?? []).length > 0;
              return (
                <li key={x.id}>
                  <button
                    type="button"
                    onClick={() => {
                      setCurrent(i);
                      setShowSheet(false);
                    }}
                    aria-current={i === current ? "step" : undefined}
                    aria-label={`${i + 1}${done ? ` ${t("saved")}` : ""}`}
                    className={`h-9 w-full rounded text-sm ${i === current ? "ring-2 ring-brand-600" : ""} ${done ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700"}`}
                  >
                    {i + 1}
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
      ) : null}
      <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="exam-question" data-question-id={q.id}>
        <p className="text-xs text-slate-500">
          {t("question", { n: current + 1, total: questions.length })} · {t(`type.${q.type}`)} · {t("points", { points: q.points })}
        </p>
        <p className="mt-2 whitespace-pre-line text-base leading-relaxed">{q.stem}</p>
        {q.type === "multiple" ? <p className="mt-1 text-xs text-amber-800">{t("multipleHint")}</p> : null}
        <fieldset className="mt-3 space-y-2">
          <legend className="sr-only">{q.stem}</legend>
          {options.map((o, i) => {
            const selected = (answers[q.id] ?? []).includes(o.key);
            return (
              <label
                key={o.key}
                className={`flex min-h-11 cursor-pointer items-start gap-2 rounded border px-3 py-2 text-sm ${selected ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}
              >
                <input
                  type={q.type === "multiple" ? "checkbox" : "radio"}
                  name={`q-${q.id}`}
                  value={o.key}
                  checked={selected}
                  onChange={() => choose(q, o.key)}
                  className="mt-1"
                  disabled={submitting}
                />
                <span>
                  {q.type === "true_false" ? "" : `${LABELS[i]}. `}
                  {o.text}
                </span>
              </label>
            );
          })}
        </fieldset>
      </section>
      <div className="flex items-center justify-between gap-2">
        <button type="button" onClick={() => setCurrent((c) => Math.max(0, c - 1))} disabled={current === 0} className="rounded border border-slate-300 px-4 py-2 text-sm disabled:opacity-40">
          {t("prev")}
        </button>
        {current < questions.length - 1 ? (
          <button type="button" onClick={() => setCurrent((c) => Math.min(questions.length - 1, c + 1))} className="rounded bg-brand-600 px-4 py-2 text-sm text-white">
            {t("next")}
          </button>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} disabled={submitting} className="rounded bg-brand-600 px-4 py-2 text-sm text-white disabled:opacity-50">
            {submitting ? t("submitting") : t("submit")}
          </button>
        )}
      </div>
      {current < questions.length - 1 ? (
        <button type="button" onClick={() => setConfirming(true)} disabled={submitting} className="w-full rounded border border-brand-600 px-4 py-2 text-sm text-brand-700 disabled:opacity-50">
          {submitting ? t("submitting") : t("submit")}
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {confirming ? (
        <Dialog title={t("submitConfirm")}>
          {unanswered > 0 ? <p className="mt-2 text-sm text-amber-800">{t("submitUnanswered", { count: unanswered })}</p> : null}
          <div className="mt-4 flex justify-end gap-2">
            <button type="button" onClick={() => setConfirming(false)} className="rounded border border-slate-300 px-3 py-2 text-sm">
              {t("submitNo")}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                void submit();
              }}
              className="rounded bg-brand-600 px-3 py-2 text-sm text-white"
              data-testid="confirm-submit"
            >
              {t("submitYes")}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
