import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AppShell } from "@/components/AppShell";
import { SatisfactionDashboard } from "@/features/surveys/components/SatisfactionDashboard";
import { satisfactionReport } from "@/features/surveys/report";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

const querySchema = z.object({ year: z.coerce.number().int().min(2021).max(2100).optional().catch(undefined) });

/** The satisfaction dashboard of a region inside the regulator's scope (drill-down); outside it, 403. */
export default async function RegionSatisfaction({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("regulator.view");
  const { code } = await params;
  const { year } = querySchema.parse(await searchParams);
  const report = await pageData(satisfactionReport(user, { regionCode: code, year }));
  const t = await getTranslations("satisfaction");
  // Up one level within the user's scope; the user's own region has no level above it to go to.
  const up =
    report.region.code === user.regionCode
      ? null
      : report.region.parentCode && report.region.parentCode !== user.regionCode
        ? `/regulator/regions/${report.region.parentCode}/satisfaction?year=${report.year}`
        : `/regulator/satisfaction?year=${report.year}`;
  return (
    <AppShell user={user} title={`${t("title")} · ${report.region.name}`}>
      {up ? (
        <Link href={up} className="mb-2 inline-block text-sm text-brand-600" data-testid="up-link">
          ← {t("backToScope")}
        </Link>
      ) : null}
      <SatisfactionDashboard report={report} coveragePath={`/regulator/regions/${report.region.code}`} />
    </AppShell>
  );
}
