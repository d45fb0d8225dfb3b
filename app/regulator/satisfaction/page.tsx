import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AppShell, EmptyState } from "@/components/AppShell";
import { ADMIN_START_REGION } from "@/features/coverage/query";
import { SatisfactionDashboard } from "@/features/surveys/components/SatisfactionDashboard";
import { satisfactionReport } from "@/features/surveys/report";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

const querySchema = z.object({ year: z.coerce.number().int().min(2021).max(2100).optional().catch(undefined) });

/** The satisfaction dashboard of the regulator's own region (an admin starts from the demo province). */
export default async function RegulatorSatisfaction({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("regulator.view");
  const t = await getTranslations("satisfaction");
  const code = user.regionCode ?? (user.role === "ADMIN" ? ADMIN_START_REGION : null);
  if (!code) {
    const tr = await getTranslations("regulator");
    return (
      <AppShell user={user} title={t("title")}>
        <EmptyState>{tr("noRegion")}</EmptyState>
      </AppShell>
    );
  }
  const { year } = querySchema.parse(await searchParams);
  const report = await pageData(satisfactionReport(user, { regionCode: code, year }));
  return (
    <AppShell user={user} title={t("title")}>
      <SatisfactionDashboard report={report} coveragePath="/regulator" />
    </AppShell>
  );
}
