import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppShell, Card } from "@/components/AppShell";
import { CloseSurveyForm } from "@/features/surveys/components/CloseSurveyForm";
import { QrLink } from "@/features/surveys/components/QrLink";
import { StatusBadge } from "@/features/surveys/components/SurveyStatusBadge";
import { managedSurvey, surveyStatus } from "@/features/surveys/data";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

/** One survey for those who manage it: settings, items, responses, its public link and QR code, closing. */
export default async function SurveyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("survey.manage");
  const { id } = await params;
  const survey = await pageData(managedSurvey(user, id));
  const [t, format] = await Promise.all([getTranslations("surveyAdmin"), getFormatter()]);
  const status = surveyStatus(survey);
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit" });
  const when = (d: Date) => format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });

  const settings: [string, React.ReactNode][] = [
    [t("target"), t(`targets.${survey.target}`)],
    ...(survey.target === "COURSE" ? [[t("course"), survey.courseTitle] as [string, React.ReactNode]] : []),
    ...(survey.project
      ? [
          [
            t("project"),
            <Link key="p" href={`/provider/projects/${survey.project.id}`} className="text-brand-700 underline">
              {survey.project.name}
            </Link>,
          ] as [string, React.ReactNode],
        ]
      : []),
    ...(survey.session
      ? [[t("session"), t("sessionMeta", { title: survey.session.title, day: day(survey.session.heldOn), location: survey.session.location })] as [string, React.ReactNode]]
      : []),
    [t("region"), survey.regionName],
    ...(survey.enterpriseName ? [[t("enterprise"), survey.enterpriseName] as [string, React.ReactNode]] : []),
    [t("anonymous"), survey.anonymous ? t("yes") : t("no")],
    ...(survey.target === "COURSE" ? [[t("requiredForCertificate"), survey.requiredForCertificate ? t("yes") : t("no")] as [string, React.ReactNode]] : []),
    [t("opensAt"), when(survey.opensAt)],
    [t("closesAt"), survey.closesAt ? when(survey.closesAt) : t("noCloseDate")],
    [t("createdAt"), when(survey.createdAt)],
  ];

  return (
    <AppShell user={user} title={survey.title}>
      <Link href="/provider/surveys" className="mb-2 inline-block text-sm text-brand-600">
        ← {t("backToSurveys")}
      </Link>
      <p className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge status={status} label={t(`status.${status}`)} />
        <span className="font-mono text-xs text-slate-500">{survey.code}</span>
      </p>

      <Card title={t("responsesTitle")} testId="survey-responses">
        <p className="text-sm">
          <span className="text-2xl font-semibold tabular-nums" data-testid="response-count">
            {survey._count.responses}
          </span>{" "}
          {t("responsesUnit")}
        </p>
        {survey.anonymous ? <p className="mt-1 text-xs text-slate-500">{t("anonymousExportHint")}</p> : null}
        <a href={`/api/surveys/${survey.id}/responses`} className="mt-2 inline-block rounded bg-slate-100 px-3 py-1.5 text-sm text-slate-800" data-testid="survey-export">
          {t("exportResponses")}
        </a>
      </Card>

      <Card title={t("linkTitle")}>
        <QrLink code={survey.code} />
      </Card>

      <Card title={t("settingsTitle")} testId="survey-settings">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {settings.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>

      <Card title={t("items", { count: survey.items.length })}>
        {survey.intro ? <p className="mb-2 text-sm text-slate-600">{survey.intro}</p> : null}
        <ol className="list-decimal space-y-1 pl-5 text-sm">
          {survey.items.map((item) => (
            <li key={item.id}>
              {item.text}
              <span className="ml-1 text-xs text-slate-500">
                {item.type === "rating"
                  ? [t(`dimensions.${item.dimension}`), item.overall ? t("overallItem") : null, item.required ? t("requiredItem") : t("optionalItem")].filter(Boolean).join(" · ")
                  : [t("itemTypes.text"), item.required ? t("requiredItem") : t("optionalItem")].join(" · ")}
              </span>
            </li>
          ))}
        </ol>
      </Card>

      {status !== "closed" ? (
        <Card title={t("closeTitle")}>
          <CloseSurveyForm surveyId={survey.id} />
        </Card>
      ) : null}
    </AppShell>
  );
}
