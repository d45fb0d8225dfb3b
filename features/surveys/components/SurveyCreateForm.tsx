"use client";
// Puts a survey in front of trainees: a template's items, attached to a course (optionally within an
// annual project) or to a project, for the learners of a region. The form keeps what was typed when the
// server refuses it (submitted in a transition, not reset), and clears itself once the survey is created.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/Form";
import { createSurveyAction } from "../actions";
import { useKeptForm } from "./useKeptForm";

export type RegionOption = { code: string; name: string; level: "PROVINCE" | "CITY" | "COUNTY"; parentCode: string | null };

const input = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-2 text-base sm:text-sm aria-[invalid=true]:border-red-500";

/** The region options, a city and its counties together (optgroups), the province first. */
export function RegionOptions({ regions }: { regions: RegionOption[] }) {
  const t = useTranslations("surveyAdmin");
  const provinces = regions.filter((r) => r.level === "PROVINCE");
  const cities = regions.filter((r) => r.level === "CITY");
  const countiesOf = (city: string) => regions.filter((r) => r.level === "COUNTY" && r.parentCode === city);
  const orphans = regions.filter((r) => r.level === "COUNTY" && !cities.some((c) => c.code === r.parentCode));
  return (
    <>
      {provinces.map((p) => (
        <option key={p.code} value={p.code}>
          {t("wholeRegion", { name: p.name })}
        </option>
      ))}
      {cities.map((c) => (
        <optgroup key={c.code} label={c.name}>
          <option value={c.code}>{t("wholeRegion", { name: c.name })}</option>
          {countiesOf(c.code).map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </optgroup>
      ))}
      {orphans.map((k) => (
        <option key={k.code} value={k.code}>
          {k.name}
        </option>
      ))}
    </>
  );
}

export function FieldError({ errors, name }: { errors: Record<string, string[]>; name: string }) {
  const list = errors[name];
  if (!list?.length) return null;
  return (
    <span id={`${name}-error`} className="mt-1 block text-xs text-red-700">
      {list.join(" ")}
    </span>
  );
}

export function SurveyCreateForm({
  templates,
  courses,
  projects,
  regions,
  today,
}: {
  templates: { id: string; title: string; own: boolean }[];
  courses: { id: string; title: string }[];
  projects: { id: string; name: string; year: number; regionName: string }[];
  regions: RegionOption[];
  /** Today in Beijing, yyyy-mm-dd: the default opening day. */
  today: string;
}) {
  const t = useTranslations("surveyAdmin");
  const [target, setTarget] = useState<"COURSE" | "PROJECT">("COURSE");
  const [projectId, setProjectId] = useState("");
  const { state, dispatch, pending, form, errors, invalid, submit } = useKeptForm(createSurveyAction, () => {
    setTarget("COURSE");
    setProjectId("");
  });

  if (templates.length === 0) return <p className="text-sm text-slate-600">{t("noTemplates")}</p>;

  return (
    <form ref={form} action={dispatch} onSubmit={submit} className="grid gap-3 text-sm sm:grid-cols-2" data-testid="survey-create">
      <label className="block sm:col-span-2">
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
      <label className="block sm:col-span-2">
        <span className="text-xs text-slate-600">{t("surveyTitle")}</span>
        <input name="title" maxLength={100} placeholder={t("surveyTitleHint")} className={input} aria-invalid={invalid("title")} />
        <FieldError errors={errors} name="title" />
      </label>
      <fieldset className="sm:col-span-2">
        <legend className="text-xs text-slate-600">{t("target")}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {(["COURSE", "PROJECT"] as const).map((v) => (
            <label key={v} className="flex items-center gap-2">
              <input type="radio" name="target" value={v} checked={target === v} onChange={() => setTarget(v)} />
              <span>{t(`targets.${v}`)}</span>
            </label>
          ))}
        </div>
        <FieldError errors={errors} name="target" />
      </fieldset>
      {target === "COURSE" ? (
        <label className="block sm:col-span-2">
          <span className="text-xs text-slate-600">{t("course")}</span>
          <select name="courseId" required defaultValue="" className={input} aria-invalid={invalid("courseId")}>
            <option value="" disabled>
              {t("choose")}
            </option>
            {courses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          <FieldError errors={errors} name="courseId" />
        </label>
      ) : null}
      <label className="block sm:col-span-2">
        <span className="text-xs text-slate-600">{target === "PROJECT" ? t("project") : t("projectOptional")}</span>
        <select name="projectId" required={target === "PROJECT"} value={projectId} onChange={(e) => setProjectId(e.target.value)} className={input} aria-invalid={invalid("projectId")}>
          <option value="">{target === "PROJECT" ? t("choose") : t("noProject")}</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {t("projectOption", { name: p.name, year: p.year, region: p.regionName })}
            </option>
          ))}
        </select>
        {target === "PROJECT" && projects.length === 0 ? <span className="mt-1 block text-xs text-slate-500">{t("noProjectsHint")}</span> : null}
        <FieldError errors={errors} name="projectId" />
      </label>
      {projectId === "" && target === "COURSE" ? (
        <label className="block sm:col-span-2">
          <span className="text-xs text-slate-600">{t("region")}</span>
          <select name="regionCode" required defaultValue="" className={input} aria-invalid={invalid("regionCode")}>
            <option value="" disabled>
              {t("choose")}
            </option>
            <RegionOptions regions={regions} />
          </select>
          <span className="mt-1 block text-xs text-slate-500">{t("regionHint")}</span>
          <FieldError errors={errors} name="regionCode" />
        </label>
      ) : projectId !== "" ? (
        <p className="text-xs text-slate-500 sm:col-span-2">{t("projectRegionHint")}</p>
      ) : null}
      <label className="block">
        <span className="text-xs text-slate-600">{t("opensOn")}</span>
        <input type="date" name="opensOn" defaultValue={today} className={input} aria-invalid={invalid("opensOn")} />
        <FieldError errors={errors} name="opensOn" />
      </label>
      <label className="block">
        <span className="text-xs text-slate-600">{t("closesOn")}</span>
        <input type="date" name="closesOn" className={input} aria-invalid={invalid("closesOn")} />
        <span className="mt-1 block text-xs text-slate-500">{t("closesOnHint")}</span>
        <FieldError errors={errors} name="closesOn" />
      </label>
      <label className="flex items-start gap-2 sm:col-span-2">
        <input type="checkbox" name="anonymous" className="mt-1" />
        <span>
          {t("anonymous")}
          <span className="block text-xs text-slate-500">{t("anonymousHint")}</span>
        </span>
      </label>
      {target === "COURSE" ? (
        <label className="flex items-start gap-2 sm:col-span-2">
          <input type="checkbox" name="requiredForCertificate" className="mt-1" />
          <span>
            {t("requiredForCertificate")}
            <span className="block text-xs text-slate-500">{t("requiredForCertificateHint")}</span>
          </span>
        </label>
      ) : null}
      <div className="space-y-2 sm:col-span-2">
        <FormError message={state && !state.ok ? state.message : undefined} />
        {state?.ok ? (
          <p role="status" className="rounded bg-green-50 p-2 text-green-800" data-testid="survey-created">
            {t("surveyCreated")}{" "}
            <Link href={`/provider/surveys/${state.data.id}`} className="underline">
              {t("openSurvey")}
            </Link>
          </p>
        ) : null}
        <button type="submit" disabled={pending} aria-busy={pending} className="w-full rounded bg-brand-600 px-4 py-2.5 font-medium text-white disabled:opacity-60 sm:w-auto">
          {pending ? t("creating") : t("createSurvey")}
        </button>
      </div>
    </form>
  );
}
