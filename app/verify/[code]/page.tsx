// Public: what a certificate says, for anyone holding its number or QR code. The holder's name is
// masked; nothing else about the person is shown.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/AppShell";
import { PublicShell } from "@/components/PublicShell";
import { verifyCertificate } from "@/features/certificates/data";

export const dynamic = "force-dynamic";

export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const [t, format, cert] = await Promise.all([getTranslations("certificate"), getFormatter(), verifyCertificate(decodeURIComponent(code))]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "Asia/Shanghai" });
  return (
    <PublicShell title={t("verifyTitle")}>
      {cert ? (
        <Card testId="verify-result">
          <p
            className={`mb-3 rounded px-3 py-2 text-center text-lg font-semibold ${cert.status === "valid" ? "bg-green-50 text-green-900" : "bg-red-50 text-red-800"}`}
            data-testid="verify-status"
          >
            {t(`status.${cert.status}`)}
          </p>
          <dl className="grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
            <dt className="text-slate-500">{t("holder")}</dt>
            <dd data-testid="verify-holder">{cert.holder}</dd>
            <dt className="text-slate-500">{t("course")}</dt>
            <dd>{cert.courseTitle}</dd>
            <dt className="text-slate-500">{t("hours")}</dt>
            <dd data-testid="verify-hours">{t("hoursValue", { hours: cert.classHours })}</dd>
            <dt className="text-slate-500">{t("issuer")}</dt>
            <dd>{cert.issuer}</dd>
            <dt className="text-slate-500">{t("date")}</dt>
            <dd>{day(cert.issuedAt)}</dd>
            <dt className="text-slate-500">{t("validity")}</dt>
            <dd>{cert.expiresAt ? day(cert.expiresAt) : t("noExpiry")}</dd>
            <dt className="text-slate-500">{t("verifyInput")}</dt>
            <dd className="font-mono">{cert.code}</dd>
          </dl>
          {cert.revokedReason ? <p className="mt-3 text-sm text-red-800">{t("revokedReason", { reason: cert.revokedReason })}</p> : null}
          <p className="mt-3 text-xs text-slate-500">{t("privacy")}</p>
        </Card>
      ) : (
        <Card testId="verify-not-found">
          <p className="text-sm text-red-800">{t("verifyNotFound", { code: decodeURIComponent(code).slice(0, 40) })}</p>
          <Link href="/verify" className="mt-2 inline-block text-sm text-brand-700 underline">
            {t("verifyTitle")}
          </Link>
        </Card>
      )}
    </PublicShell>
  );
}
