import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, EmptyState } from "@/components/AppShell";
import { courseCatalog } from "@/features/content/data";
import { requirePage } from "@/lib/authz";

export default async function ProviderHome() {
  const user = await requirePage("content.author");
  const [t, courses] = await Promise.all([getTranslations(), courseCatalog()]);
  return (
    <AppShell user={user} title={t("provider.title")}>
      <nav className="mb-4 grid gap-2 sm:grid-cols-2" data-testid="provider-nav">
        <Link href="/provider/surveys" className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm hover:border-brand-600">
          <span className="font-medium text-brand-700">{t("provider.surveysLink")}</span>
          <span className="block text-xs text-slate-500">{t("provider.surveysLinkHint")}</span>
        </Link>
        <Link href="/provider/surveys/templates" className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm hover:border-brand-600">
          <span className="font-medium text-brand-700">{t("provider.templatesLink")}</span>
          <span className="block text-xs text-slate-500">{t("provider.templatesLinkHint")}</span>
        </Link>
      </nav>
      <p className="mb-3 text-sm text-slate-600">{t("provider.intro")}</p>
      {courses.length === 0 ? (
        <EmptyState>{t("provider.empty")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="catalog">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                <th className="px-3 py-2">{t("provider.course")}</th>
                <th className="px-3 py-2">{t("provider.hours")}</th>
                <th className="px-3 py-2">{t("provider.lessons")}</th>
                <th className="px-3 py-2">{t("provider.questions")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {courses.map((c) => (
                <tr key={c.id}>
                  <td className="px-3 py-2">
                    <p className="font-medium">{c.title}</p>
                    <p className="font-mono text-xs text-slate-500">{c.sourcePath}</p>
                  </td>
                  <td className="px-3 py-2 tabular-nums">{c.classHours}</td>
                  <td className="px-3 py-2 tabular-nums">{c.lessons}</td>
                  <td className="px-3 py-2 tabular-nums">
                    {t("provider.questionCounts", { practice: c.practiceQuestions, exam: c.examQuestions })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AppShell>
  );
}
