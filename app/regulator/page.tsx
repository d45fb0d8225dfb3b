import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AppShell, EmptyState } from "@/components/AppShell";
import { Dashboard } from "@/features/coverage/components/Dashboard";
import { coverageReport, UNTRAINED_PAGE_SIZE } from "@/features/coverage/data";
import { ADMIN_START_REGION } from "@/features/coverage/query";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

const querySchema = z.object({
  period: z.string().max(20).optional().catch(undefined),
  /** The page of the untrained list (from 1). */
  untrained: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});

/** The regulator's dashboard of its own region (a county, a city, or for an admin the demo province). */
export default async function RegulatorHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("regulator.view");
  const t = await getTranslations("regulator");
  const code = user.regionCode ?? (user.role === "ADMIN" ? ADMIN_START_REGION : null);
  if (!code) {
    return (
      <AppShell user={user} title={t("title")}>
        <EmptyState>{t("noRegion")}</EmptyState>
      </AppShell>
    );
  }
  const { period, untrained } = querySchema.parse(await searchParams);
  const report = await pageData(coverageReport(user, { regionCode: code, periodId: period }, new Date(), { untrained: { page: untrained ?? 1, pageSize: UNTRAINED_PAGE_SIZE } }));
  return (
    <AppShell user={user} title={t("title")}>
      <nav className="mb-3 flex flex-wrap gap-2 text-sm" data-testid="regulator-nav">
        <Link href="/regulator/projects" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-brand-700 hover:border-brand-600">
          {t("projectsLink")}
        </Link>
        <Link href="/provider/surveys" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-brand-700 hover:border-brand-600">
          {t("surveysLink")}
        </Link>
        <Link href="/regulator/audit" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-brand-700 hover:border-brand-600">
          {t("auditLink")}
        </Link>
      </nav>
      <Dashboard report={report} basePath="/regulator" />
    </AppShell>
  );
}
