import { getFormatter, getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/AppShell";
import { HAZARD_TARGETS, type hazardReport } from "../data";
import { HazardBadges, HazardDate } from "./HazardLine";

type Report = Awaited<ReturnType<typeof hazardReport>>;

/** The enterprise's 两降两增 hidden-hazard report: progress against the targets, then every hazard. */
export async function HazardReportCard({ report }: { report: Report }) {
  const [t, format] = await Promise.all([getTranslations("enterprise.hazards"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  const pct = (n: number) => format.number(n, { style: "percent", maximumFractionDigits: 1 });
  if (!report.investigation && report.found === 0) {
    return (
      <Card title={t("title")} testId="hazard-report">
        <EmptyState>{t("none")}</EmptyState>
      </Card>
    );
  }
  const metFound = report.found >= HAZARD_TARGETS.minFound;
  const metShare = report.rectifiedShare >= HAZARD_TARGETS.minRectifiedShare;
  return (
    <Card title={t("title")} testId="hazard-report">
      {report.investigation ? (
        <p className="text-sm text-slate-600">
          {t("investigation", { by: report.investigation.by, from: date(report.investigation.startedOn), to: date(report.investigation.endedOn) })}
        </p>
      ) : null}
      {report.investigation ? <p className="mt-1 text-sm text-slate-700">{report.investigation.summary}</p> : null}
      <ul className="mt-3 space-y-1 text-sm">
        <li className={metFound ? "text-green-800" : "text-amber-800"} data-testid="hazards-found">
          {t("found", { count: report.found, target: HAZARD_TARGETS.minFound })}
          {report.major ? ` · ${t("major", { count: report.major })}` : ""}
        </li>
        <li className={metShare ? "text-green-800" : "text-amber-800"} data-testid="hazards-rectified">
          {t("rectified", { count: report.rectified, share: pct(report.rectifiedShare), target: pct(HAZARD_TARGETS.minRectifiedShare) })}
        </li>
      </ul>
      <ol className="mt-3 divide-y divide-slate-100 text-sm" data-testid="hazard-list">
        {report.hazards.map((h) => (
          <li key={h.id} className="py-2">
            <HazardBadges hazard={h} />
            <p className="mt-1">{h.description}</p>
            {h.measure ? <p className="mt-0.5 text-xs text-slate-600">{t("measure", { measure: h.measure })}</p> : null}
            <HazardDate hazard={h} />
          </li>
        ))}
      </ol>
    </Card>
  );
}
