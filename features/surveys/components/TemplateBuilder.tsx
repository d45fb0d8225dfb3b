"use client";
// A provider builds a questionnaire of their own: a title, an introduction, and items added, removed and
// reordered: five-level rating items on a dimension (one may be the overall item, 总体满意度) and free-text
// items. "Start from the standard questionnaire" copies a content template's items to adapt. The server
// checks it all again (createTemplate): its field errors are shown at the item they concern.
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import { FormError } from "@/components/Form";
import { createTemplateAction } from "../actions";
import { DIMENSIONS, type SurveyItem } from "../definition";

type Dimension = (typeof DIMENSIONS)[number];
type Draft = { key: string; id: string; type: "rating" | "text"; text: string; dimension: Dimension; required: boolean; overall: boolean; maxLength: number };
export type StandardTemplate = { id: string; title: string; intro: string; items: SurveyItem[] };

const input = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-2 text-base sm:text-sm aria-[invalid=true]:border-red-500";
let serial = 0;
const newKey = () => `d${++serial}`;

/** The first free item id q1, q2, … (ids are lower-case, unique in the questionnaire). */
function freeId(items: readonly Draft[]): string {
  const used = new Set(items.map((i) => i.id));
  let n = items.length + 1;
  while (used.has(`q${n}`)) n++;
  return `q${n}`;
}

function draftOf(item: SurveyItem): Draft {
  return item.type === "rating"
    ? { key: newKey(), id: item.id, type: "rating", text: item.text, dimension: item.dimension, required: item.required, overall: item.overall, maxLength: 500 }
    : { key: newKey(), id: item.id, type: "text", text: item.text, dimension: "other", required: item.required, overall: false, maxLength: item.maxLength };
}

function itemOf(d: Draft): SurveyItem {
  return d.type === "rating"
    ? { id: d.id, type: "rating", text: d.text.trim(), dimension: d.dimension, required: d.required, overall: d.overall }
    : { id: d.id, type: "text", text: d.text.trim(), required: d.required, maxLength: d.maxLength };
}

export function TemplateBuilder({ standards }: { standards: StandardTemplate[] }) {
  const t = useTranslations("surveyAdmin");
  const [state, dispatch, pending] = useActionState(createTemplateAction, null);
  const [title, setTitle] = useState("");
  const [intro, setIntro] = useState("");
  const [basedOn, setBasedOn] = useState<string | undefined>();
  const [items, setItems] = useState<Draft[]>([]);
  const [standardId, setStandardId] = useState(standards[0]?.id ?? "");
  // The item keys in the order they were submitted: server errors name items by position then.
  const [submitted, setSubmitted] = useState<string[]>([]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (!state?.ok) return;
    setTitle("");
    setIntro("");
    setBasedOn(undefined);
    setItems([]);
    setSubmitted([]);
  }, [state]);

  const itemErrors = (key: string): string[] => {
    const i = submitted.indexOf(key);
    if (i < 0) return [];
    return Object.entries(errors).flatMap(([k, v]) => (k === `items.${i}` || k.startsWith(`items.${i}.`) ? v : []));
  };

  const update = (key: string, patch: Partial<Draft>) =>
    setItems((list) =>
      list.map((d) => {
        if (d.key === key) return { ...d, ...patch };
        // One overall item at most: choosing one clears the others.
        return patch.overall ? { ...d, overall: false } : d;
      }),
    );
  const add = (type: Draft["type"]) =>
    setItems((list) => [...list, { key: newKey(), id: freeId(list), type, text: "", dimension: "other", required: type === "rating", overall: false, maxLength: 500 }]);
  const remove = (key: string) => setItems((list) => list.filter((d) => d.key !== key));
  const move = (key: string, by: -1 | 1) =>
    setItems((list) => {
      const i = list.findIndex((d) => d.key === key);
      const j = i + by;
      if (i < 0 || j < 0 || j >= list.length) return list;
      const next = [...list];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });

  const startFromStandard = () => {
    const std = standards.find((s) => s.id === standardId);
    if (!std) return;
    if (items.length > 0 && !window.confirm(t("replaceItemsConfirm"))) return;
    setItems(std.items.map(draftOf));
    setBasedOn(std.id);
    if (!title.trim()) setTitle(std.title);
    if (!intro.trim()) setIntro(std.intro);
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSubmitted(items.map((d) => d.key));
    const payload = { title, intro, basedOn, items: items.map(itemOf) };
    startTransition(() => dispatch(payload));
  };

  const general = [...(errors.items ?? []), ...(errors._ ?? [])];

  return (
    <form onSubmit={submit} className="space-y-4 text-sm" data-testid="template-builder">
      {standards.length > 0 ? (
        <div className="flex flex-col gap-2 rounded border border-dashed border-slate-300 p-3 sm:flex-row sm:items-end">
          {standards.length > 1 ? (
            <label className="block flex-1">
              <span className="text-xs text-slate-600">{t("standardTemplate")}</span>
              <select value={standardId} onChange={(e) => setStandardId(e.target.value)} className={input}>
                {standards.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p className="flex-1 text-xs text-slate-600">{t("startFromHint", { title: standards[0]!.title })}</p>
          )}
          <button type="button" onClick={startFromStandard} className="rounded bg-slate-100 px-3 py-2 font-medium text-slate-800" data-testid="start-from-standard">
            {t("startFromStandard")}
          </button>
        </div>
      ) : null}

      <label className="block">
        <span className="text-xs text-slate-600">{t("templateTitle")}</span>
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} required minLength={4} maxLength={100} className={input} aria-invalid={Boolean(errors.title) || undefined} />
        {errors.title ? <span className="mt-1 block text-xs text-red-700">{errors.title.join(" ")}</span> : null}
      </label>
      <label className="block">
        <span className="text-xs text-slate-600">{t("templateIntro")}</span>
        <textarea name="intro" value={intro} onChange={(e) => setIntro(e.target.value)} maxLength={500} rows={3} className={input} aria-invalid={Boolean(errors.intro) || undefined} />
        {errors.intro ? <span className="mt-1 block text-xs text-red-700">{errors.intro.join(" ")}</span> : null}
      </label>

      <div>
        <h3 className="mb-1 font-medium">{t("items", { count: items.length })}</h3>
        {items.length === 0 ? <p className="rounded border border-dashed border-slate-300 p-3 text-center text-slate-500">{t("noItems")}</p> : null}
        <ol className="space-y-3" data-testid="builder-items">
          {items.map((d, i) => {
            const errs = itemErrors(d.key);
            return (
              <li key={d.key} className={`rounded border p-3 ${errs.length ? "border-red-400" : "border-slate-200"}`} data-testid="builder-item">
                <div className="mb-2 flex items-center justify-between gap-2">
                  <span className="text-xs font-medium text-slate-600">
                    {i + 1}. {t(`itemTypes.${d.type}`)} <code className="text-slate-400">{d.id}</code>
                  </span>
                  <span className="flex shrink-0 gap-1">
                    <button type="button" onClick={() => move(d.key, -1)} disabled={i === 0} aria-label={t("moveUp")} className="rounded bg-slate-100 px-2 py-1 disabled:opacity-40">
                      ↑
                    </button>
                    <button type="button" onClick={() => move(d.key, 1)} disabled={i === items.length - 1} aria-label={t("moveDown")} className="rounded bg-slate-100 px-2 py-1 disabled:opacity-40">
                      ↓
                    </button>
                    <button type="button" onClick={() => remove(d.key)} aria-label={t("removeItem")} className="rounded bg-slate-100 px-2 py-1 text-red-700">
                      ✕
                    </button>
                  </span>
                </div>
                <label className="block">
                  <span className="sr-only">{t("itemText")}</span>
                  <textarea
                    value={d.text}
                    onChange={(e) => update(d.key, { text: e.target.value })}
                    required
                    minLength={4}
                    maxLength={200}
                    rows={2}
                    placeholder={d.type === "rating" ? t("ratingPlaceholder") : t("textPlaceholder")}
                    className={input}
                    aria-label={t("itemText")}
                  />
                </label>
                <div className="mt-2 flex flex-wrap items-end gap-x-4 gap-y-2">
                  {d.type === "rating" ? (
                    <>
                      <label className="block">
                        <span className="text-xs text-slate-600">{t("dimension")}</span>
                        <select value={d.dimension} onChange={(e) => update(d.key, { dimension: e.target.value as Dimension })} className={input}>
                          {DIMENSIONS.map((dim) => (
                            <option key={dim} value={dim}>
                              {t(`dimensions.${dim}`)}
                            </option>
                          ))}
                        </select>
                      </label>
                      <label className="flex items-center gap-2">
                        <input type="checkbox" checked={d.overall} onChange={(e) => update(d.key, { overall: e.target.checked })} />
                        <span>{t("overallItem")}</span>
                      </label>
                    </>
                  ) : (
                    <label className="block w-32">
                      <span className="text-xs text-slate-600">{t("maxLength")}</span>
                      <input
                        type="number"
                        inputMode="numeric"
                        min={10}
                        max={2000}
                        required
                        value={d.maxLength}
                        onChange={(e) => update(d.key, { maxLength: Number(e.target.value) })}
                        className={input}
                      />
                    </label>
                  )}
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={d.required} onChange={(e) => update(d.key, { required: e.target.checked })} />
                    <span>{t("requiredItem")}</span>
                  </label>
                </div>
                {d.type === "rating" ? <p className="mt-1 text-xs text-slate-500">{t("levelsHint")}</p> : null}
                {errs.length ? (
                  <p className="mt-1 text-xs text-red-700" role="alert">
                    {errs.join(" ")}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
        <div className="mt-2 flex flex-wrap gap-2">
          <button type="button" onClick={() => add("rating")} className="rounded border border-brand-600 px-3 py-1.5 text-brand-700" data-testid="add-rating">
            + {t("addRating")}
          </button>
          <button type="button" onClick={() => add("text")} className="rounded border border-brand-600 px-3 py-1.5 text-brand-700" data-testid="add-text">
            + {t("addText")}
          </button>
        </div>
      </div>

      {general.length ? (
        <p role="alert" className="text-sm text-red-700">
          {general.join(" ")}
        </p>
      ) : null}
      <FormError message={state && !state.ok ? state.message : undefined} />
      {state?.ok ? (
        <p role="status" className="rounded bg-green-50 p-2 text-green-800" data-testid="template-created">
          {t("templateCreated")}
        </p>
      ) : null}
      <button type="submit" disabled={pending || items.length === 0} aria-busy={pending} className="w-full rounded bg-brand-600 px-4 py-2.5 font-medium text-white disabled:opacity-60 sm:w-auto">
        {pending ? t("saving") : t("saveTemplate")}
      </button>
    </form>
  );
}
