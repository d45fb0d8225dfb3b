"use client";
// An offline training session (线下培训) of an annual project: when and where, the enterprise trained on
// site where there is one, and the questionnaire its trainees answer on their phones (link and QR code).
// The session and its survey are written together or not at all (createSession).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/Form";
import { createSessionAction } from "../actions";
import { useKeptForm } from "./useKeptForm";
import { FieldError } from "./SurveyCreateForm";

const input = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-2 text-base sm:text-sm aria-[invalid=true]:border-red-500";

export function SessionForm({
  projectId,
  templates,
  enterprises,
  today,
}: {
  projectId: string;
  templates: { id: string; title: string; own: boolean }[];
  enterprises: { id: string; name: string }[];
  today: string;
}) {
  const t = useTranslations("surveyAdmin");
  const { state, dispatch, pending, form, errors, invalid, submit } = useKeptForm(createSessionAction);

  return (
    <form ref={form} action={dispatch} onSubmit={submit} className="grid gap-3 text-sm sm:grid-cols-2" data-testid="session-create">
      <input type="hidden" name="projectId" value={projectId} />
      <label className="block sm:col-span-2">
        <span className="text-xs text-slate-600">{t("sessionTitle")}</span>
        <input name="title" required minLength={4} maxLength={100} placeholder={t("sessionTitleHint")} className={input} aria-invalid={invalid("title")} />
        <FieldError errors={errors} name="title" />
      </label>
      <label className="block">
        <span className="text-xs text-slate-600">{t("heldOn")}</span>
        <input name="heldOn" type="date" required defaultValue={today} className={input} aria-invalid={invalid("heldOn")} />
        <span className="mt-1 block text-xs text-slate-500">{t("heldOnHint")}</span>
        <FieldError errors={errors} name="heldOn" />
      </label>
      <label className="block">
        <span className="text-xs text-slate-600">{t("location")}</span>
        <input name="location" required minLength={2} maxLength={100} placeholder={t("locationHint")} className={input} aria-invalid={invalid("location")} />
        <FieldError errors={errors} name="location" />
      </label>
      <label className="block">
        <span className="text-xs text-slate-600">{t("enterprise")}</span>
        <select name="enterpriseId" defaultValue="" className={input} aria-invalid={invalid("enterpriseId")}>
          <option value="">{t("noEnterprise")}</option>
          {enterprises.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
        <FieldError errors={errors} name="enterpriseId" />
      </label>
      <label className="block">
        <span className="text-xs text-slate-600">{t("template")}</span>
        <select name="templateId" required className={input} aria-invalid={invalid("templateId")}>
          {templates.map((tp) => (
            <option key={tp.id} value={tp.id}>
              {tp.own ? tp.title : `${tp.title}（${t("standardBadge")}）`}
            </option>
          ))}
        </select>
        <FieldError errors={errors} name="templateId" />
      </label>
      <label className="flex items-start gap-2 sm:col-span-2">
        <input type="checkbox" name="anonymous" className="mt-1" />
        <span>
          {t("anonymous")}
          <span className="block text-xs text-slate-500">{t("anonymousHint")}</span>
        </span>
      </label>
      <div className="space-y-2 sm:col-span-2">
        <FormError message={state && !state.ok ? state.message : undefined} />
        {state?.ok ? (
          <p role="status" className="rounded bg-green-50 p-2 text-green-800" data-testid="session-created">
            {t("sessionCreated", { code: state.data.code })}{" "}
            <Link href={`/provider/surveys/${state.data.surveyId}`} className="underline">
              {t("openQr")}
            </Link>
          </p>
        ) : null}
        <button type="submit" disabled={pending} aria-busy={pending} className="w-full rounded bg-brand-600 px-4 py-2.5 font-medium text-white disabled:opacity-60 sm:w-auto">
          {pending ? t("creating") : t("createSession")}
        </button>
      </div>
    </form>
  );
}
