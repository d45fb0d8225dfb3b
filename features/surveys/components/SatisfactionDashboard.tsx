// The regulator's satisfaction dashboard of one region and year (issue 7; DOMAIN.md "Satisfaction (the
// 85% target)"): the headline against the target, the monthly trend, every breakdown of
// features/surveys/report.ts, what is below target and the free-text answers. Phone-first: the cards
// stack, and tables scroll inside their cards (DataTable), never the page.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/AppShell";
import { DataTable, type Column } from "@/components/DataTable";
import type { SatisfactionReport } from "../report";
import { CommentList } from "./SatisfactionCharts";
import { ItemBars, SatisfactionTrend } from "./SatisfactionFigures";

/** Comments sent to the page (newest first); the export holds all of them. */
export const COMMENTS_ON_PAGE = 500;

/**
 * A 100-point average to one decimal, truncated rather than rounded, so a figure just below the target
 * never reads as reaching it (84.96 → 84.9, not 85.0). Null stays null ("no data").
 */
export function scoreValue(v: number | null): number | null {
  return v === null ? null : Math.floor(v * 10 + 1e-7) / 10;
}

export function scoreText(v: number | null, none: string): string {
  return v === null ? none : scoreValue(v)!.toFixed(1);
}

const pct = (v: number | null) => (v === null ? "—" : `${(Math.floor(v * 1000 + 1e-7) / 10).toFixed(1)}%`);

function Stat({ label, value, note, tone, testId }: { label: string; value: string; note?: string; tone?: "good" | "bad" | "none"; testId: string }) {
  const color = tone === "good" ? "text-green-700" : tone === "bad" ? "text-red-700" : "text-slate-900";
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-3" data-testid={testId} data-tone={tone ?? "none"}>
      <p className="text-xs text-slate-500">{label}</p>
      <p className={`text-2xl font-semibold tabular-nums ${color}`} data-testid={`${testId}-value`}>
        {value}
      </p>
      {note ? <p className="text-xs break-words text-slate-500">{note}</p> : null}
    </div>
  );
}

/** Every month of the year up to the report's last day, so months without answers show as gaps. */
function monthsOf(year: number, trend: SatisfactionReport["trend"], now: Date) {
  const current = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
  const last = Number(current.slice(0, 4)) === year ? Number(current.slice(5, 7)) : 12;
  const byMonth = new Map(trend.map((p) => [p.month, p]));
  return Array.from({ length: Math.max(last, 1) }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, "0")}`;
    return { month, average: scoreValue(byMonth.get(month)?.average ?? null), respondents: byMonth.get(month)?.respondents ?? 0 };
  });
}

/**
 * `coveragePath` is the coverage dashboard of the same region ("/regulator" for one's own region,
 * "/regulator/regions/<code>" otherwise); this page is `${coveragePath}/satisfaction`.
 */
export async function SatisfactionDashboard({ report, coveragePath, now = new Date() }: { report: SatisfactionReport; coveragePath: string; now?: Date }) {
  const t = await getTranslations("satisfaction");
  const { headline, target, region, year } = report;
  const path = `${coveragePath}/satisfaction`;
  const none = t("noData");
  const status = (meets: boolean | null) => (meets === null ? t("status.none") : meets ? t("status.met") : t("status.below"));
  const tone = headline.meetsTarget === null ? "none" : headline.meetsTarget ? "good" : "bad";
  const dimension = (d: string, text: string) => (d === "other" ? `${t("dimension.other")}：${text}` : t(`dimension.${d}`));
  // Rows with a figure (at least one valid questionnaire): the DataTable's number cells have no "no data".
  const figured = <T extends { average: number | null }>(rows: T[]) => rows.filter((r) => r.average !== null);
  const figures = (row: { respondents: number; average: number | null; satisfiedShare: number | null; meetsTarget: boolean | null }) => ({
    respondents: row.respondents,
    average: scoreValue(row.average),
    satisfiedShare: row.satisfiedShare,
    status: status(row.meetsTarget),
  });
  const figureColumns: Column[] = [
    { key: "respondents", header: t("col.respondents"), kind: "number" },
    { key: "average", header: t("col.average"), kind: "number" },
    { key: "satisfiedShare", header: t("col.share"), kind: "percent" },
    { key: "status", header: t("col.status") },
  ];
  const projectsWithout = report.byProject.filter((p) => p.average === null);
  const comments = report.comments.slice(0, COMMENTS_ON_PAGE);
  const below = report.belowTarget;
  const empty = headline.respondents === 0;
  type BelowRow = { key: string; name: string; average: number | null; target: number };
  const belowLists: [string, string, BelowRow[]][] = [
    ["items", t("belowItems"), below.items.map((i) => ({ key: i.key, name: dimension(i.dimension, i.text), average: i.average, target }))],
    ["courses", t("belowCourses"), below.courses.map((c) => ({ key: c.key, name: c.name, average: c.average, target }))],
    ["projects", t("belowProjects"), below.projects.map((p) => ({ key: p.key, name: p.name, average: p.average, target: p.target }))],
  ];

  return (
    <div className="min-w-0">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-slate-600" data-testid="region-name">
          {t("scope", { region: region.name, year })}
        </p>
        <nav className="flex flex-wrap gap-1" aria-label={t("years")} data-testid="sat-years">
          {report.years.map((y) => (
            <Link
              key={y}
              href={`${path}?year=${y}`}
              aria-current={y === year ? "page" : undefined}
              className={`rounded px-2 py-1 text-xs ${y === year ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700"}`}
            >
              {y}
            </Link>
          ))}
        </nav>
      </div>

      <div className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="sat-headline">
        <Stat label={t("average")} value={scoreText(headline.average, none)} note={t("averageNote", { target })} tone={tone} testId="sat-average" />
        <Stat label={t("share")} value={headline.satisfiedShare === null ? none : pct(headline.satisfiedShare)} note={t("shareNote")} testId="sat-share" />
        <Stat
          label={t("respondents")}
          value={headline.respondents.toLocaleString("zh-CN")}
          note={t("respondentsNote", { responses: report.responses, invalid: report.invalid })}
          testId="sat-respondents"
        />
        <Stat label={t("target")} value={t("targetValue", { target })} note={report.period ? `${report.period.name} · ${t("targetNote")}` : t("targetNote")} testId="sat-target" />
      </div>

      <div className="mb-3 flex flex-wrap gap-2 text-sm">
        <a href={`/api/satisfaction/xlsx?region=${region.code}&year=${year}`} className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white" data-testid="sat-export-xlsx">
          {t("exportXlsx")}
        </a>
        <Link href={coveragePath} className="rounded bg-slate-100 px-3 py-1.5 text-slate-800" data-testid="back-to-coverage">
          ← {t("backToCoverage")}
        </Link>
      </div>

      {empty ? (
        <div className="mb-4" data-testid="sat-empty">
          <EmptyState>
            <span className="block font-medium">{t("empty")}</span>
            <span className="block">{t("emptyNote", { year })}</span>
          </EmptyState>
        </div>
      ) : (
        <>
          <Card title={t("trend")} testId="sat-trend">
            <SatisfactionTrend
              points={monthsOf(year, report.trend, now)}
              target={target}
              labels={{ average: t("trendAverage"), target: t("trendTarget"), summary: t("trendSummary", { year, average: scoreText(headline.average, none), target }) }}
            />
          </Card>

          <Card title={t("belowTarget")} testId="sat-below-target">
            {below.items.length + below.courses.length + below.projects.length === 0 ? (
              <p className="text-sm text-green-700">{t("allMet")}</p>
            ) : (
              <dl className="grid grid-cols-[minmax(0,1fr)] gap-3 text-sm sm:grid-cols-3">
                {belowLists.map(([key, title, list]) => (
                  <div key={key} className="min-w-0" data-testid={`sat-below-${key}`}>
                    <dt className="mb-1 text-xs font-medium text-slate-500">{title}</dt>
                    {list.length === 0 ? (
                      <dd className="text-slate-500">{t("belowNone")}</dd>
                    ) : (
                      list.map((x) => (
                        <dd key={x.key} className="flex justify-between gap-2 border-t border-slate-100 py-1">
                          <span className="min-w-0 break-words">{x.name}</span>
                          <span className="shrink-0 tabular-nums text-red-700">
                            {scoreText(x.average, none)} / {x.target}
                          </span>
                        </dd>
                      ))
                    )}
                  </div>
                ))}
              </dl>
            )}
          </Card>
        </>
      )}

      {report.byProject.length ? (
        <Card title={t("byProject")} testId="sat-by-project">
          <DataTable
            testId="sat-project-table"
            empty={t("emptyTable")}
            rows={figured(report.byProject).map((p) => ({ key: p.key, name: p.name, regionName: p.regionName, providerName: p.providerName, target: p.target, ...figures(p) }))}
            initialSort={{ key: "average" }}
            columns={[
              { key: "name", header: t("col.project"), wrap: true },
              { key: "regionName", header: t("col.region") },
              { key: "providerName", header: t("col.provider") },
              { key: "target", header: t("col.target"), kind: "number" },
              ...figureColumns,
            ]}
          />
          {projectsWithout.length ? (
            <p className="mt-2 text-xs text-slate-500" data-testid="sat-projects-without">
              {t("projectsWithout", { names: projectsWithout.map((p) => p.name).join("、") })}
            </p>
          ) : null}
        </Card>
      ) : null}

      {empty ? null : (
        <>
          {report.byRegion.length ? (
            <Card title={t("byRegion")} testId="sat-by-region">
              <DataTable
                testId="sat-region-table"
                empty={t("emptyTable")}
                rows={figured(report.byRegion).map((r) => ({ key: r.key, name: r.name, drill: `${r.key}/satisfaction?year=${year}`, ...figures(r) }))}
                initialSort={{ key: "average" }}
                columns={[{ key: "name", header: t("col.region"), hrefPrefix: "/regulator/regions/", hrefKey: "drill" }, ...figureColumns]}
              />
            </Card>
          ) : null}

          <Card title={t("byItem")} testId="sat-by-item">
            <ItemBars
              bars={report.byItem.map((i) => ({ name: dimension(i.dimension, i.text), average: scoreValue(i.average)! }))}
              target={target}
              labels={{ average: t("trendAverage"), summary: t("itemSummary", { target }) }}
            />
            {/* A list, not a table: the item's wording wraps and its average stays in sight on a phone. */}
            <ul className="divide-y divide-slate-100 text-sm" data-testid="sat-item-table">
              {report.byItem.map((i) => (
                <li key={i.key} className="flex items-start justify-between gap-3 py-1.5" data-testid="sat-item-row">
                  <span className="min-w-0 break-words">
                    <span className="block">{dimension(i.dimension, i.text)}</span>
                    {i.dimension === "other" ? null : <span className="block text-xs text-slate-500">{i.text}</span>}
                  </span>
                  <span className="shrink-0 text-right">
                    <span className={`block font-medium tabular-nums ${i.meetsTarget ? "text-green-700" : "text-red-700"}`} data-testid="sat-item-average">
                      {scoreText(i.average, none)}
                    </span>
                    <span className="block text-xs text-slate-500">
                      {t("col.answered")} {i.answered} · {status(i.meetsTarget)}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </Card>

          <div className="grid grid-cols-[minmax(0,1fr)] sm:grid-cols-2 sm:gap-3">
            <Card title={t("byCourse")} testId="sat-by-course">
              <DataTable
                testId="sat-course-table"
                empty={t("emptyTable")}
                rows={figured(report.byCourse).map((c) => ({ key: c.key, name: c.name, ...figures(c) }))}
                initialSort={{ key: "average" }}
                columns={[{ key: "name", header: t("col.course"), wrap: true }, ...figureColumns]}
              />
            </Card>
            <Card title={t("byProvider")} testId="sat-by-provider">
              <DataTable
                testId="sat-provider-table"
                empty={t("emptyTable")}
                rows={figured(report.byProvider).map((p) => ({ key: p.key, name: p.name, ...figures(p) }))}
                initialSort={{ key: "average" }}
                columns={[{ key: "name", header: t("col.provider"), wrap: true }, ...figureColumns]}
              />
            </Card>
          </div>

          <Card title={t("byEnterprise")} testId="sat-by-enterprise">
            <DataTable
              testId="sat-enterprise-table"
              empty={t("emptyTable")}
              rows={figured(report.byEnterprise).map((e) => ({ key: e.key, name: e.name, creditCode: e.creditCode, ...figures(e) }))}
              initialSort={{ key: "average" }}
              columns={[{ key: "name", header: t("col.enterprise"), wrap: true }, { key: "creditCode", header: t("col.creditCode") }, ...figureColumns]}
            />
          </Card>

          <Card title={t("bySurvey")} testId="sat-by-survey">
            <DataTable
              testId="sat-survey-table"
              empty={t("emptyTable")}
              rows={figured(report.bySurvey).map((s) => ({ key: s.key, name: s.name, courseTitle: s.courseTitle, anonymous: s.anonymous ? t("yes") : t("no"), ...figures(s) }))}
              initialSort={{ key: "average" }}
              columns={[
                { key: "name", header: t("col.survey"), wrap: true },
                { key: "courseTitle", header: t("col.course") },
                { key: "anonymous", header: t("col.anonymous") },
                ...figureColumns,
              ]}
            />
          </Card>
        </>
      )}

      <Card title={t("comments", { count: report.comments.length })} testId="sat-comments">
        <CommentList comments={comments.map(({ id, surveyTitle, question, text, day, enterpriseName, anonymous }) => ({ id, surveyTitle, question, text, day, enterpriseName, anonymous }))} />
        {report.comments.length > COMMENTS_ON_PAGE ? (
          <p className="mt-2 text-xs text-slate-500" data-testid="sat-comments-cap">
            {t("commentsCap", { count: report.comments.length, shown: COMMENTS_ON_PAGE })}
          </p>
        ) : null}
        {report.comments.some((c) => c.anonymous) ? <p className="mt-1 text-xs text-slate-500">{t("anonymousNote")}</p> : null}
      </Card>
    </div>
  );
}
