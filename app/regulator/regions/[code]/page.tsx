import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AppShell } from "@/components/AppShell";
import { Dashboard } from "@/features/coverage/components/Dashboard";
import { coverageReport, UNTRAINED_PAGE_SIZE } from "@/features/coverage/data";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

const querySchema = z.object({
  period: z.string().max(20).optional().catch(undefined),
  /** The page of the untrained list (from 1). */
  untrained: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});

/** The dashboard of a region inside the regulator's scope (drill-down); outside it, 403. */
export default async function RegionPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("regulator.view");
  const { code } = await params;
  const { period, untrained } = querySchema.parse(await searchParams);
  const report = await pageData(coverageReport(user, { regionCode: code, periodId: period }, new Date(), { untrained: { page: untrained ?? 1, pageSize: UNTRAINED_PAGE_SIZE } }));
  const t = await getTranslations("regulator");
  const up = report.region.parentCode && report.region.code !== user.regionCode ? `/regulator/regions/${report.region.parentCode}` : "/regulator";
  return (
    <AppShell user={user} title={report.region.name}>
      <Link href={up} className="mb-2 inline-block text-sm text-brand-600" data-testid="up-link">
        ← {t("backToScope")}
      </Link>
      <Dashboard report={report} basePath={`/regulator/regions/${code}`} />
    </AppShell>
  );
}
