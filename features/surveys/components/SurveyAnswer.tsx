// The answer page of a survey, for /learn/surveys/<id> and the QR entry /s/<code>: what it is about, the
// anonymity and certificate notes, the offline session, then the form — or the state that replaces it
// (already answered, closed, not yet open).
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/AppShell";
import type { surveyForLearner } from "../data";
import { SurveyForm } from "./SurveyForm";

export type LearnerSurvey = Awaited<ReturnType<typeof surveyForLearner>>;

export async function SurveyAnswer({ survey, userId }: { survey: LearnerSurvey; userId: string }) {
  const [t, format] = await Promise.all([getTranslations("survey"), getFormatter()]);
  return (
    <div data-testid="survey-page" data-survey-id={survey.id}>
      <Card>
        {survey.intro ? <p className="text-sm leading-relaxed text-slate-700">{survey.intro}</p> : null}
        {survey.session ? (
          <div className="mt-2 rounded bg-slate-50 p-2 text-sm text-slate-700" data-testid="survey-session">
            <p className="font-medium">{t("session", { title: survey.session.title })}</p>
            <p className="text-slate-500">
              {t("sessionWhen", { date: format.dateTime(survey.session.heldOn, { dateStyle: "long", timeZone: "Asia/Shanghai" }), location: survey.session.location })}
            </p>
          </div>
        ) : null}
        {survey.anonymous ? (
          <p className="mt-2 rounded bg-brand-50 p-2 text-sm text-brand-700" data-testid="survey-anonymous">
            {t("anonymous")}
          </p>
        ) : null}
        {survey.requiredForCertificate && !survey.answered ? (
          <p className="mt-2 text-sm text-amber-900" data-testid="survey-certificate-note">
            {t("certificateNote")}
          </p>
        ) : null}
      </Card>
      {!survey.answered && survey.status === "closed" ? (
        <Card testId="survey-closed">
          <p className="text-sm text-slate-700">{t("closed")}</p>
        </Card>
      ) : !survey.answered && survey.status === "notYetOpen" ? (
        <Card testId="survey-not-open">
          <p className="text-sm text-slate-700">{t("notYetOpen")}</p>
        </Card>
      ) : (
        // Also when answered: the form shows that state itself, so its thanks survive the re-render that
        // follows a submission.
        <SurveyForm
          surveyId={survey.id}
          userId={userId}
          items={survey.items}
          courseId={survey.courseId}
          requiredForCertificate={survey.requiredForCertificate}
          answered={survey.answered}
        />
      )}
    </div>
  );
}
