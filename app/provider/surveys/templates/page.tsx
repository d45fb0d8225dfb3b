import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, Card, EmptyState } from "@/components/AppShell";
import { TemplateBuilder } from "@/features/surveys/components/TemplateBuilder";
import { templatesFor } from "@/features/surveys/data";
import { requirePage } from "@/lib/authz";

/** Questionnaire templates: the standard ones from content/ and the provider's own, and the builder. */
export default async function TemplatesPage() {
  const user = await requirePage("survey.manage");
  const [t, templates] = await Promise.all([getTranslations("surveyAdmin"), templatesFor(user)]);
  // Providers (and admins) build templates; regulators start surveys from the existing ones.
  const canBuild = user.role === "PROVIDER" || user.role === "ADMIN";
  const standards = templates.filter((tp) => !tp.own);
  return (
    <AppShell user={user} title={t("templatesTitle")}>
      <Link href="/provider/surveys" className="mb-2 inline-block text-sm text-brand-600">
        ← {t("backToSurveys")}
      </Link>
      <Card title={t("templateList", { count: templates.length })} testId="template-list">
        {templates.length === 0 ? (
          <EmptyState>{t("noTemplates")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {templates.map((tp) => (
              <li key={tp.id} className="py-2" data-testid="template-row">
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-medium">{tp.title}</span>{" "}
                    <span className={`ml-1 inline-block rounded px-1.5 py-0.5 text-xs ${tp.own ? "bg-sky-100 text-sky-800" : "bg-brand-600/10 text-brand-700"}`}>
                      {tp.own ? (tp.ownerId === user.id ? t("ownBadge") : t("providerBadge")) : t("standardBadge")}
                    </span>
                    <span className="block text-xs text-slate-500">{t("itemCount", { count: tp.items.length })}</span>
                  </summary>
                  {tp.intro ? <p className="mt-2 text-xs text-slate-600">{tp.intro}</p> : null}
                  <ol className="mt-2 list-decimal space-y-1 pl-5">
                    {tp.items.map((item) => (
                      <li key={item.id}>
                        {item.text}
                        <span className="ml-1 text-xs text-slate-500">
                          {item.type === "rating"
                            ? [t(`dimensions.${item.dimension}`), item.overall ? t("overallItem") : null, item.required ? t("requiredItem") : t("optionalItem")].filter(Boolean).join(" · ")
                            : [t("itemTypes.text"), t("maxLengthValue", { max: item.maxLength }), item.required ? t("requiredItem") : t("optionalItem")].join(" · ")}
                        </span>
                      </li>
                    ))}
                  </ol>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {canBuild ? (
        <Card title={t("builderTitle")}>
          <p className="mb-3 text-sm text-slate-600">{t("builderIntro")}</p>
          <TemplateBuilder standards={standards.map((s) => ({ id: s.id, title: s.title, intro: s.intro, items: s.items }))} />
        </Card>
      ) : (
        <p className="text-sm text-slate-600">{t("builderProvidersOnly")}</p>
      )}
    </AppShell>
  );
}
