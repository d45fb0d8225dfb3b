"use client";
// A trainee answers a satisfaction questionnaire on a phone: one card per item, the five levels as large
// tap targets, free text with a counter. The answers are kept in localStorage as a draft until the server
// confirms, so a reload or a lost connection loses nothing; a double click sends one submission (the
// server refuses a second one anyway, by its unique key).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { FormError } from "@/components/Form";
import { submitSurveyAction } from "../actions";
import type { SurveyItem } from "../definition";
import { LEVELS } from "../rules";

type Answers = Record<string, string>;

/** One draft per survey and account (a shared phone does not show one trainee's answers to the next). */
const draftKey = (surveyId: string, userId: string) => `survey-draft:${surveyId}:${userId}`;

function readDraft(key: string, items: readonly SurveyItem[]): Answers {
  try {
    const raw = JSON.parse(localStorage.getItem(key) ?? "{}") as unknown;
    if (!raw || typeof raw !== "object") return {};
    // Only answers that still fit the survey's items come back.
    const out: Answers = {};
    for (const item of items) {
      const v = (raw as Record<string, unknown>)[item.id];
      if (typeof v !== "string" || v === "") continue;
      if (item.type === "rating" ? (LEVELS as readonly string[]).includes(v) : v.length <= item.maxLength) out[item.id] = v;
    }
    return out;
  } catch {
    return {};
  }
}

function writeDraft(key: string, answers: Answers) {
  try {
    if (Object.values(answers).every((v) => v === "")) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(answers));
  } catch {
    // Storage full or disabled: the answers are still on screen.
  }
}

export function SurveyForm({
  surveyId,
  userId,
  items,
  courseId,
  requiredForCertificate,
  answered,
}: {
  surveyId: string;
  userId: string;
  items: SurveyItem[];
  courseId: string | null;
  requiredForCertificate: boolean;
  /** Answered already (in another tab, or a while ago): no form. */
  answered: boolean;
}) {
  const t = useTranslations("survey");
  const [state, formAction, pending] = useActionState(submitSurveyAction, null);
  const [answers, setAnswers] = useState<Answers>({});
  const [restored, setRestored] = useState(false);
  // Items changed since the last failed submission: their error is no longer shown.
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const loaded = useRef(false);
  // Set on the first submit event, before React re-renders with `pending`: a double click sends once.
  const sending = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const key = draftKey(surveyId, userId);

  useEffect(() => {
    if (answered) {
      // Submitted elsewhere (another tab or device): a draft left here has nothing more to do.
      writeDraft(key, {});
      return;
    }
    if (loaded.current) return;
    const draft = readDraft(key, items);
    if (Object.keys(draft).length > 0) {
      setAnswers(draft);
      setRestored(true);
    }
    loaded.current = true;
  }, [key, items, answered]);

  useEffect(() => {
    sending.current = false;
    setChanged(new Set());
    if (!state) return;
    if (state.ok) {
      try {
        localStorage.removeItem(key);
      } catch {
        // nothing to clear
      }
      return;
    }
    // Bring the first unanswered or wrong item into view.
    const first = items.find((i) => state.fieldErrors?.[`a.${i.id}`]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[data-testid="survey-item-${first.id}"]`)?.scrollIntoView({ block: "center" });
  }, [state, key, items]);

  function set(itemId: string, value: string) {
    setAnswers((prev) => {
      const next = { ...prev, [itemId]: value };
      if (loaded.current) writeDraft(key, next);
      return next;
    });
    setChanged((prev) => (prev.has(itemId) ? prev : new Set(prev).add(itemId)));
  }

  const back = courseId ? `/learn/courses/${courseId}/exam` : "/learn";
  const backLabel = courseId ? t("backToExam") : t("backToLearn");
  // Checked before `answered`: the action revalidates, so the page re-renders as answered right after a
  // submission, and this component (kept mounted) still thanks for it.
  if (state?.ok) {
    return (
      <div role="status" className="space-y-3 rounded-lg border border-green-200 bg-green-50 p-4" data-testid="survey-thanks">
        <p className="text-lg font-semibold text-green-900">{t("thanksTitle")}</p>
        <p className="text-sm text-green-900">{t("thanksBody")}</p>
        {courseId && requiredForCertificate ? <p className="text-sm text-green-900">{t("thanksCertificate")}</p> : null}
        <Link href={back} className="block rounded-md bg-brand-600 py-3 text-center text-base font-semibold text-white" data-testid="survey-back">
          {backLabel}
        </Link>
      </div>
    );
  }

  if (answered) {
    return (
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="survey-answered">
        <p className="font-semibold text-green-800">{t("answered")}</p>
        <p className="mt-1 text-sm text-slate-600">{t("answeredBody")}</p>
        <Link href={back} className="mt-3 inline-block text-sm text-brand-700 underline">
          {backLabel}
        </Link>
      </section>
    );
  }

  const failed = state && !state.ok ? state : null;
  const errorOf = (itemId: string) => (failed && !changed.has(itemId) ? failed.fieldErrors?.[`a.${itemId}`]?.[0] : undefined);

  return (
    <form
      ref={formRef}
      // Dispatched by hand, not through `action`: React resets a form after its action returns, and a
      // refused submission must keep every answer on screen.
      onSubmit={(e) => {
        e.preventDefault();
        if (sending.current) return;
        sending.current = true;
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="space-y-4"
      noValidate
      data-testid="survey-form"
    >
      <input type="hidden" name="surveyId" value={surveyId} />
      <p className="text-xs text-slate-500">
        {t("requiredHint")} {t("draftNote")}
      </p>
      {restored ? (
        <p role="status" className="rounded-md bg-amber-50 p-2 text-sm text-amber-900" data-testid="survey-draft-restored">
          {t("draftRestored")}
        </p>
      ) : null}
      {items.map((item, index) => {
        const error = errorOf(item.id);
        const errorId = `survey-${item.id}-error`;
        const name = `a.${item.id}`;
        return (
          <fieldset
            key={item.id}
            className={`rounded-lg border bg-white p-4 shadow-sm ${error ? "border-red-400" : "border-slate-200"}`}
            aria-invalid={Boolean(error)}
            aria-describedby={errorId}
            data-testid={`survey-item-${item.id}`}
          >
            <legend className="float-left mb-3 w-full text-base font-medium leading-snug">
              {index + 1}. {item.text}
              {item.required ? (
                <span className="ml-1 text-red-600">
                  <span aria-hidden="true">*</span>
                  <span className="sr-only">（{t("required")}）</span>
                </span>
              ) : null}
            </legend>
            {item.type === "rating" ? (
              <div className="clear-both grid grid-cols-1 gap-2 sm:grid-cols-5">
                {LEVELS.map((level) => (
                  <label
                    key={level}
                    className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-slate-300 px-3 py-2 text-base has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:font-semibold has-focus-visible:ring-2 has-focus-visible:ring-brand-600 sm:justify-center sm:px-2 sm:text-sm"
                  >
                    <input
                      type="radio"
                      name={name}
                      value={level}
                      checked={answers[item.id] === level}
                      onChange={() => set(item.id, level)}
                      className="h-5 w-5 shrink-0 accent-brand-600"
                    />
                    <span>{t(`levels.${level}`)}</span>
                  </label>
                ))}
              </div>
            ) : (
              <div className="clear-both">
                <textarea
                  name={name}
                  aria-label={item.text}
                  rows={3}
                  maxLength={item.maxLength}
                  value={answers[item.id] ?? ""}
                  onChange={(e) => set(item.id, e.target.value)}
                  placeholder={item.required ? undefined : t("textPlaceholder")}
                  className="w-full rounded-md border border-slate-300 px-3 py-2.5 text-base focus:border-brand-600 focus:outline-none"
                />
                <p className="text-right text-xs text-slate-500" data-testid={`survey-counter-${item.id}`}>
                  {t("counter", { count: (answers[item.id] ?? "").length, max: item.maxLength })}
                </p>
              </div>
            )}
            <p id={errorId} className="mt-1 text-sm text-red-600" data-testid={`survey-error-${item.id}`}>
              {error}
            </p>
          </fieldset>
        );
      })}
      <FormError message={failed?.message} />
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className="min-h-12 w-full rounded-md bg-brand-600 py-3 text-base font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        data-testid="survey-submit"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
