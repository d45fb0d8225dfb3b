import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/AppShell";
import { DataTable, type Column } from "@/components/DataTable";
import { scoreText } from "@/features/surveys/components/SatisfactionDashboard";
import type { CoverageReport } from "../data";
import { ShareBars, TrendChart } from "./Charts";

const pct = (v: number | null) => (v === null ? "—" : `${(Math.floor(v * 1000) / 10).toFixed(1)}%`);

function Stat({ label, value, note, tone, testId, link }: { label: string; value: string; note?: string; tone?: "good" | "bad" | "none"; testId?: string; link?: { href: string; label: string; testId: string } }) {
  const color = tone === "good" ? "text-green-700" : tone === "bad" ? "text-red-700" : "text-slate-900";
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-3" data-testid={testId}>
      <p className="text-xs text-slate-500">{label}</p>
      <p className={`text-2xl font-semibold tabular-nums ${color}`} data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </p>
      {note ? <p className="text-xs text-slate-500">{note}</p> : null}
      {link ? (
        <Link href={link.href} className="mt-1 inline-block text-xs text-brand-700 underline" data-testid={link.testId}>
          {link.label} →
        </Link>
      ) : null}
    </div>
  );
}

/** The regulator's dashboard of one region and plan period: coverage against target and what to follow up. */
export async function Dashboard({ report, basePath }: { report: CoverageReport; basePath: string }) {
  const t = await getTranslations("coverage");
  const tf = await getTranslations("families");
  const { headline, target, region, period } = report;
  const query = `region=${region.code}&period=${period.id}`;
  const onTarget = headline.share !== null && target !== null ? headline.share >= target : null;
  // Satisfaction of the report's year (features/surveys/report.ts), beside coverage.
  const sat = report.satisfaction;
  // The three figure columns every breakdown shows, with shares below this year's target in red.
  const figures: Column[] = [
    { key: "total", header: t("col.total"), kind: "number" },
    { key: "trained", header: t("col.trained"), kind: "number" },
    { key: "share", header: t("col.share"), kind: "percent", below: target },
  ];
  const drillPrefix = region.levelName === "COUNTY" ? null : "/regulator/regions/";
  return (
    <>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-slate-600" data-testid="region-name">
          {t("scope", { region: region.name })}
        </p>
        <nav className="flex flex-wrap gap-1" aria-label={t("periods")}>
          {report.periods.map((p) => (
            <Link
              key={p.id}
              href={`${basePath}?period=${p.id}`}
              aria-current={p.id === period.id ? "page" : undefined}
              className={`rounded px-2 py-1 text-xs ${p.id === period.id ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700"}`}
            >
              {p.id}
            </Link>
          ))}
        </nav>
      </div>

      <div className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="headline">
        <Stat
          label={t("coverage")}
          value={pct(headline.share)}
          note={headline.total ? t("coverageNote", { trained: headline.trained, total: headline.total, target: pct(target) }) : t("noRoster")}
          tone={onTarget === null ? "none" : onTarget ? "good" : "bad"}
          testId="stat-coverage"
        />
        <Stat
          label={t("satisfaction")}
          value={scoreText(sat.average, t("noData"))}
          note={sat.average === null ? t("satisfactionNone", { year: sat.year, target: sat.target }) : t("satisfactionYearNote", { year: sat.year, count: sat.respondents, target: sat.target })}
          tone={sat.average === null ? "none" : sat.average >= sat.target ? "good" : "bad"}
          testId="stat-satisfaction"
          link={{ href: `${basePath}/satisfaction?year=${sat.year}`, label: t("openSatisfaction"), testId: "open-satisfaction" }}
        />
        <Stat label={t("classHours")} value={report.classHours.toLocaleString("zh-CN")} note={t("classHoursNote")} testId="stat-hours" />
        <Stat label={t("activeLearners")} value={report.activeLearners.toLocaleString("zh-CN")} note={t("activeNote")} testId="stat-active" />
      </div>
      <p className="mb-3 text-xs text-slate-500">
        {t("asOf", { date: report.asOf.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" }), period: period.name })} ·{" "}
        {t("keyEnterprises", { count: report.keyEnterprises, without: report.enterprisesWithoutRoster })}
      </p>

      <div className="mb-3 flex flex-wrap gap-2 text-sm">
        <a href={`/api/coverage/xlsx?${query}`} className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white" data-testid="export-xlsx">
          {t("exportXlsx")}
        </a>
        <a href={`/api/coverage/annex?${query}`} className="rounded bg-slate-100 px-3 py-1.5 text-slate-800" data-testid="export-annex">
          {t("exportAnnex")}
        </a>
        <Link href={`/regulator/annex?region=${region.code}`} className="rounded bg-slate-100 px-3 py-1.5 text-slate-800">
          {t("annexEdit")}
        </Link>
        <Link href="/regulator/api-keys" className="rounded bg-slate-100 px-3 py-1.5 text-slate-800">
          {t("apiKeys")}
        </Link>
        <Link href={`/regulator/regions/${region.code}/enterprises`} className="rounded bg-slate-100 px-3 py-1.5 text-slate-800" data-testid="enterprise-directory">
          {t("directory")}
        </Link>
      </div>

      <Card title={t("trend")}>
        <TrendChart
          points={report.trend}
          labels={{ coverage: t("coverage"), target: t("target"), summary: t("trendSummary", { from: report.trend[0]?.month ?? "", to: report.trend.at(-1)?.month ?? "", share: pct(headline.share) }) }}
        />
      </Card>

      {report.byRegion.length ? (
        <Card title={t("byRegion")} testId="by-region">
          <ShareBars bars={report.byRegion.filter((r) => r.total > 0)} target={target} labels={{ coverage: t("coverage"), summary: t("byRegion") }} />
          <DataTable
            testId="region-table"
            empty={t("empty")}
            rows={report.byRegion}
            initialSort={{ key: "share" }}
            columns={[
              { key: "name", header: t("col.region"), hrefPrefix: drillPrefix ?? undefined, hrefKey: "code" },
              ...figures,
            ]}
          />
        </Card>
      ) : null}

      <Card title={t("enterprises")} testId="enterprises">
        <DataTable
          testId="enterprise-table"
          empty={t("noKeyEnterprises")}
          rows={report.enterprises}
          initialSort={{ key: "share" }}
          columns={[
            { key: "name", header: t("col.enterprise"), hrefPrefix: "/records/enterprises/", hrefKey: "id" },
            { key: "regionName", header: t("col.region") },
            { key: "industryName", header: t("col.industry") },
            ...figures,
          ]}
        />
        <p className="mt-2 text-xs text-slate-500">{t("belowTarget", { count: report.belowTarget.length, target: pct(target) })}</p>
      </Card>

      <div className="grid grid-cols-[minmax(0,1fr)] sm:grid-cols-2 sm:gap-3">
        <Card title={t("byIndustry")}>
          <DataTable
            testId="industry-table"
            empty={t("empty")}
            filterable={false}
            rows={report.byIndustry}
            columns={[
              { key: "name", header: t("col.industry") },
              ...figures,
            ]}
          />
        </Card>
        <Card title={t("byPosition")}>
          <DataTable
            testId="position-table"
            empty={t("empty")}
            filterable={false}
            rows={report.byPosition}
            columns={[
              { key: "name", header: t("col.position") },
              ...figures,
            ]}
          />
        </Card>
      </div>
      <Card title={t("byFamily")}>
        <DataTable
          testId="family-table"
          empty={t("empty")}
          filterable={false}
          rows={report.byFamily.map((f) => ({ ...f, name: tf.has(f.code) ? tf(f.code) : f.code }))}
          columns={[
            { key: "name", header: t("col.family") },
            ...figures,
          ]}
        />
      </Card>

      <Card title={t("untrained", { count: report.untrainedTotal })} testId="untrained">
        <DataTable
          testId="untrained-table"
          empty={t("allTrained")}
          rows={report.untrained.map((u) => ({ ...u, note: u.noCourse ? t("noCourse") : "" }))}
          pageSize={Math.max(1, report.untrainedPage.pageSize)}
          columns={[
            { key: "name", header: t("col.name"), hrefPrefix: "/records/learners/", hrefKey: "id" },
            { key: "mobile", header: t("col.mobile") },
            { key: "enterpriseName", header: t("col.enterprise") },
            { key: "positionName", header: t("col.position") },
            { key: "note", header: t("col.note") },
          ]}
        />
        {report.untrainedTotal > report.untrainedPage.pageSize ? (
          // The list is paged on the server (a province has hundreds of thousands untrained): one page a request.
          <nav className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-600" aria-label={t("untrained", { count: report.untrainedTotal })} data-testid="untrained-pages">
            {report.untrainedPage.page > 1 ? (
              <Link href={`${basePath}?period=${period.id}&untrained=${report.untrainedPage.page - 1}#untrained`} className="rounded bg-slate-100 px-2 py-1 text-brand-700" data-testid="untrained-prev">
                ← {t("untrainedPrev")}
              </Link>
            ) : null}
            <span>{t("untrainedPage", { page: report.untrainedPage.page, pages: Math.ceil(report.untrainedTotal / report.untrainedPage.pageSize), count: report.untrainedTotal })}</span>
            {report.untrainedPage.page * report.untrainedPage.pageSize < report.untrainedTotal ? (
              <Link href={`${basePath}?period=${period.id}&untrained=${report.untrainedPage.page + 1}#untrained`} className="rounded bg-slate-100 px-2 py-1 text-brand-700" data-testid="untrained-next">
                {t("untrainedNext")} →
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
