// A learner's certificate: its number, dates and status, the PDF and the public verify page. While a
// required course survey is unanswered, the download is replaced by the way to the survey (the PDF route
// refuses the holder until then: features/certificates/data.ts certificateForPdf).
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

export type CertificateSummary = { code: string; issuedAt: Date; expiresAt: Date | null; revokedAt: Date | null };

export async function CertificateCard({ certificate, heldBySurvey }: { certificate: CertificateSummary; heldBySurvey?: { surveyId: string } | null }) {
  const [t, format] = await Promise.all([getTranslations("certificate"), getFormatter()]);
  const status = certificate.revokedAt ? "revoked" : certificate.expiresAt && certificate.expiresAt.getTime() <= Date.now() ? "expired" : "valid";
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "Asia/Shanghai" });
  return (
    <div className="space-y-1 rounded border border-green-200 bg-green-50 p-3 text-sm" data-testid="certificate-card">
      <p className="font-medium text-green-900">
        {t("issued")} · {t(`status.${status}`)}
      </p>
      <p data-testid="certificate-code">{t("code", { code: certificate.code })}</p>
      <p>{t("issuedAt", { date: day(certificate.issuedAt) })}</p>
      <p>{certificate.expiresAt ? t("expiresAt", { date: day(certificate.expiresAt) }) : t("noExpiry")}</p>
      {heldBySurvey ? (
        <div className="mt-2 rounded border border-amber-300 bg-amber-50 p-2" data-testid="certificate-survey-first">
          <p className="text-amber-950">{t("surveyFirst")}</p>
          <Link href={`/learn/surveys/${heldBySurvey.surveyId}`} className="mt-1 inline-block font-medium text-brand-700 underline" data-testid="certificate-survey-link">
            {t("surveyFirstAction")}
          </Link>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3 pt-1">
        {heldBySurvey ? null : (
          <a href={`/api/certificates/${certificate.code}/pdf`} className="font-medium text-brand-700 underline" data-testid="certificate-pdf" download>
            {t("download")}
          </a>
        )}
        <Link href={`/verify/${certificate.code}`} className="text-brand-700 underline">
          {t("verify")}
        </Link>
      </div>
    </div>
  );
}
