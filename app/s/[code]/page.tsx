// The public entry of a survey's link and QR code (offline trainees scan it on their phones): signed-in
// learners answer here; anyone else signs in first and comes back.
import { redirect } from "next/navigation";
import { AppShell } from "@/components/AppShell";
import { SurveyAnswer } from "@/features/surveys/components/SurveyAnswer";
import { surveyForLearner } from "@/features/surveys/data";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";
import { getSession } from "@/lib/session";

export default async function SurveyLinkPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const back = `/s/${encodeURIComponent(code)}`;
  const session = await getSession();
  if (!session) redirect(`/login?next=${back}`);
  // An imported account's first login: the password change, then back here.
  if (session.mustChangePassword) redirect(`/account/password?next=${encodeURIComponent(back)}`);
  const user = await requirePage("survey.answer");
  const survey = await pageData(surveyForLearner(user, code));
  return (
    <AppShell user={user} title={survey.title}>
      <SurveyAnswer survey={survey} userId={user.id} />
    </AppShell>
  );
}
