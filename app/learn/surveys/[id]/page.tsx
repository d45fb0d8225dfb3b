import { AppShell } from "@/components/AppShell";
import { SurveyAnswer } from "@/features/surveys/components/SurveyAnswer";
import { surveyForLearner } from "@/features/surveys/data";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

export default async function SurveyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("survey.answer");
  const { id } = await params;
  const survey = await pageData(surveyForLearner(user, id));
  return (
    <AppShell user={user} title={survey.title}>
      <SurveyAnswer survey={survey} userId={user.id} />
    </AppShell>
  );
}
