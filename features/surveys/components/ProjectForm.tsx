"use client";
// A regulator opens an annual work-injury prevention project (年度工伤预防项目) of a region within its
// scope: name, year, region, the provider (服务机构) carrying it out, and the satisfaction target (85).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/Form";
import { createProjectAction } from "../actions";
import { useKeptForm } from "./useKeptForm";
import { FieldError, RegionOptions, type RegionOption } from "./SurveyCreateForm";

const input = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-2 text-base sm:text-sm aria-[invalid=true]:border-red-500";

export function ProjectForm({ regions, providers, year }: { regions: RegionOption[]; providers: { id: string; name: string }[]; year: number }) {
  const t = useTranslations("surveyAdmin");
  const { state, dispatch, pending, form, errors, invalid, submit } = useKeptForm(createProjectAction);

  return (
    <form ref={form} action={dispatch} onSubmit={submit} className="grid gap-3 text-sm sm:grid-cols-2" data-testid="project-create">
      <label className="block sm:col-span-2">
        <span className="text-xs text-slate-600">{t("projectName")}</span>
        <input name="name" required minLength={4} maxLength={100} placeholder={t("projectNameHint")} className={input} aria-invalid={invalid("name")} />
        <FieldError errors={errors} name="name" />
      </label>
      <label className="block">
        <span className="text-xs text-slate-600">{t("year")}</span>
        <input name="year" type="number" required min={2021} max={2035} defaultValue={year} inputMode="numeric" className={input} aria-invalid={invalid("year")} />
        <FieldError errors={errors} name="year" />
      </label>
      <label className="block">
        <span className="text-xs text-slate-600">{t("satisfactionTarget")}</span>
        <input name="satisfactionTarget" type="number" required min={0} max={100} step="0.1" defaultValue={85} inputMode="decimal" className={input} aria-invalid={invalid("satisfactionTarget")} />
        <span className="mt-1 block text-xs text-slate-500">{t("satisfactionTargetHint")}</span>
        <FieldError errors={errors} name="satisfactionTarget" />
      </label>
      <label className="block">
        <span className="text-xs text-slate-600">{t("region")}</span>
        <select name="regionCode" required defaultValue={regions.length === 1 ? regions[0]!.code : ""} className={input} aria-invalid={invalid("regionCode")}>
          <option value="" disabled>
            {t("choose")}
          </option>
          <RegionOptions regions={regions} />
        </select>
        <FieldError errors={errors} name="regionCode" />
      </label>
      <label className="block">
        <span className="text-xs text-slate-600">{t("provider")}</span>
        <select name="providerId" defaultValue="" className={input} aria-invalid={invalid("providerId")}>
          <option value="">{t("noProvider")}</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <FieldError errors={errors} name="providerId" />
      </label>
      <div className="space-y-2 sm:col-span-2">
        <FormError message={state && !state.ok ? state.message : undefined} />
        {state?.ok ? (
          <p role="status" className="rounded bg-green-50 p-2 text-green-800" data-testid="project-created">
            {t("projectCreated")}{" "}
            <Link href={`/provider/projects/${state.data.id}`} className="underline">
              {t("openProject")}
            </Link>
          </p>
        ) : null}
        <button type="submit" disabled={pending} aria-busy={pending} className="w-full rounded bg-brand-600 px-4 py-2.5 font-medium text-white disabled:opacity-60 sm:w-auto">
          {pending ? t("creating") : t("createProject")}
        </button>
      </div>
    </form>
  );
}
