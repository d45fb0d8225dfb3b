import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/AppShell";
import type { regionOverview } from "../data";
import { KeyEnterpriseToggle } from "./KeyEnterpriseToggle";

type Overview = Awaited<ReturnType<typeof regionOverview>>;

export async function RegionView({ overview, canDesignate }: { overview: Overview; canDesignate: boolean }) {
  const t = await getTranslations("regulator");
  const { region, children, enterprises, period } = overview;
  return (
    <>
      <p className="mb-3 text-sm text-slate-600" data-testid="region-name">
        {t("scope", { region: region.name })} · {period ? t("period", { period: period.name }) : t("noPeriod")}
      </p>
      {children.length > 0 ? (
        <Card title={t("subRegions")}>
          <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2" data-testid="sub-regions">
            {children.map((c) => (
              <li key={c.code}>
                <Link href={`/regulator/regions/${c.code}/enterprises`} className="flex items-center justify-between rounded border border-slate-200 px-3 py-2 text-sm hover:border-brand-600">
                  <span>{c.name}</span>
                  <span className="text-xs text-slate-500">{t("enterpriseCounts", { all: c.enterprises, key: c.keyEnterprises })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title={t("enterprises", { count: enterprises.length })}>
        {enterprises.length === 0 ? (
          <EmptyState>{t("noEnterprises")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="enterprise-list">
            {enterprises.map((e) => (
              <li key={e.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                <div className="min-w-0">
                  <p className="flex items-center gap-1 font-medium">
                    <Link href={`/records/enterprises/${e.id}`} className="truncate text-brand-700 underline" data-testid={`enterprise-record-${e.id}`}>
                      {e.name}
                    </Link>
                    {e.isKey ? <span className="shrink-0 rounded bg-amber-100 px-1 text-xs text-amber-900">{t("keyBadge")}</span> : null}
                  </p>
                  <p className="text-xs text-slate-500">
                    {e.regionName} · {e.industry.name} · {t("staff", { count: e.staff })}
                  </p>
                </div>
                {canDesignate && period ? <KeyEnterpriseToggle enterpriseId={e.id} isKey={e.isKey} name={e.name} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
