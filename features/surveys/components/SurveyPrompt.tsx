// The card that asks a learner who completed a course to answer its satisfaction survey (and says when
// the certificate waits for it). Shown on the course and exam pages.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SurveyPrompt({ survey }: { survey: { id: string; title: string; requiredForCertificate: boolean } }) {
  const t = await getTranslations("survey.prompt");
  return (
    <section className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 shadow-sm" data-testid="survey-prompt">
      <h2 className="font-semibold text-amber-950">{t("title")}</h2>
      <p className="mt-1 text-sm text-amber-950">{t("body", { title: survey.title })}</p>
      {survey.requiredForCertificate ? (
        <p className="mt-1 text-sm font-medium text-amber-950" data-testid="survey-prompt-certificate">
          {t("certificate")}
        </p>
      ) : null}
      <Link
        href={`/learn/surveys/${survey.id}`}
        className="mt-3 block min-h-11 rounded-md bg-brand-600 py-3 text-center text-base font-semibold text-white hover:bg-brand-700"
        data-testid="survey-prompt-link"
      >
        {t("action")}
      </Link>
    </section>
  );
}
