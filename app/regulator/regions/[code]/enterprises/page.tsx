import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, Card } from "@/components/AppShell";
import { CreateEnterpriseForm } from "@/features/regions/components/CreateEnterpriseForm";
import { enterpriseFormOptions, regionOverview } from "@/features/regions/data";
import { RegionView } from "@/features/regions/components/RegionView";
import { hasPermission, requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

/** 企业名录: the region's enterprises, key-enterprise designation, and the staff import. */
export default async function EnterpriseDirectory({ params }: { params: Promise<{ code: string }> }) {
  const user = await requirePage("regulator.view");
  const { code } = await params;
  const overview = await pageData(regionOverview(user, code));
  const options = await pageData(enterpriseFormOptions(user, code));
  const t = await getTranslations();
  return (
    <AppShell user={user} title={t("regulator.directory", { region: overview.region.name })}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <Link href={code === user.regionCode ? "/regulator" : `/regulator/regions/${code}`} className="text-sm text-brand-600">
          ← {t("coverage.title")}
        </Link>
        <Link href="/regulator/import" className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white">
          {t("roster.regulatorImport")}
        </Link>
      </div>
      <RegionView overview={overview} canDesignate={hasPermission(user, "regulator.designateKeyEnterprise")} />
      {hasPermission(user, "regulator.designateKeyEnterprise") && options.counties.length ? (
        <Card title={t("enterpriseForm.title")}>
          <CreateEnterpriseForm counties={options.counties} industries={options.industries} />
        </Card>
      ) : null}
    </AppShell>
  );
}
