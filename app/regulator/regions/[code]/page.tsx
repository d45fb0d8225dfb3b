import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/AppShell";
import { regionOverview } from "@/features/regions/data";
import { RegionView } from "@/features/regions/components/RegionView";
import { hasPermission, requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

export default async function RegionPage({ params }: { params: Promise<{ code: string }> }) {
  const user = await requirePage("regulator.view");
  const { code } = await params;
  const overview = await pageData(regionOverview(user, code));
  const t = await getTranslations("regulator");
  return (
    <AppShell user={user} title={overview.region.name}>
      <Link href="/regulator" className="mb-2 inline-block text-sm text-brand-600">
        ← {t("backToScope")}
      </Link>
      <RegionView overview={overview} canDesignate={hasPermission(user, "regulator.designateKeyEnterprise")} />
    </AppShell>
  );
}
