import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, Card, EmptyState } from "@/components/AppShell";
import { HazardReportCard } from "@/features/enterprises/components/HazardReportCard";
import { enterpriseOverview, hazardReport } from "@/features/enterprises/data";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

export default async function EnterpriseHome() {
  const user = await requirePage("enterprise.manage");
  const t = await getTranslations();
  if (!user.enterpriseId) {
    return (
      <AppShell user={user} title={t("enterprise.title")}>
        <EmptyState>{t("enterprise.noEnterprise")}</EmptyState>
      </AppShell>
    );
  }
  const e = await pageData(enterpriseOverview(user, user.enterpriseId));
  const hazards = await pageData(hazardReport(user, e));
  return (
    <AppShell user={user} title={e.name}>
      <Card title={t("enterprise.profile")} testId="enterprise-profile">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500">{t("enterprise.creditCode")}</dt>
          <dd className="font-mono">{e.creditCode}</dd>
          <dt className="text-slate-500">{t("enterprise.industry")}</dt>
          <dd>{e.industry.name}</dd>
          <dt className="text-slate-500">{t("enterprise.region")}</dt>
          <dd>
            {e.region.parent?.name} {e.region.name}
          </dd>
          <dt className="text-slate-500">{t("enterprise.keyPeriods")}</dt>
          <dd>{e.keyDesignations.length ? e.keyDesignations.map((k) => k.period.name).join("、") : t("enterprise.notKey")}</dd>
        </dl>
      </Card>
      <Card title={t("enterprise.staff", { count: e.staffTotal })}>
        {e.staffTotal === 0 ? (
          <EmptyState>{t("enterprise.noStaff")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {e.staffByPosition.map((p) => (
              <li key={p.code} className="flex justify-between py-1.5">
                <span>{p.name}</span>
                <span className="tabular-nums">{p.count}</span>
              </li>
            ))}
            {e.staffWithoutPosition ? (
              <li className="flex justify-between py-1.5 text-slate-500">
                <span>{t("enterprise.otherStaff")}</span>
                <span className="tabular-nums">{e.staffWithoutPosition}</span>
              </li>
            ) : null}
          </ul>
        )}
      </Card>
      <Card>
        <Link href="/enterprise/roster" className="mr-4 text-sm font-medium text-brand-700 underline" data-testid="roster-link">
          {t("roster.title")}
        </Link>
        <Link href={`/records/enterprises/${e.id}`} className="text-sm font-medium text-brand-700 underline" data-testid="enterprise-record-link">
          {t("record.enterpriseLink")}
        </Link>
      </Card>
      <HazardReportCard report={hazards} />
    </AppShell>
  );
}
