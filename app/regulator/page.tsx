import { getTranslations } from "next-intl/server";
import { AppShell, EmptyState } from "@/components/AppShell";
import { regionOverview } from "@/features/regions/data";
import { RegionView } from "@/features/regions/components/RegionView";
import { hasPermission, requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

export default async function RegulatorHome() {
  const user = await requirePage("regulator.view");
  const t = await getTranslations("regulator");
  // An admin has no region of its own: start from the demo province.
  const code = user.regionCode ?? (user.role === "ADMIN" ? "510000" : null);
  if (!code) {
    return (
      <AppShell user={user} title={t("title")}>
        <EmptyState>{t("noRegion")}</EmptyState>
      </AppShell>
    );
  }
  const overview = await pageData(regionOverview(user, code));
  return (
    <AppShell user={user} title={t("title")}>
      <RegionView overview={overview} canDesignate={hasPermission(user, "regulator.designateKeyEnterprise")} />
    </AppShell>
  );
}
