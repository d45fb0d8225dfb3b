import { getFormatter, getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/AppShell";
import { HAZARD_TARGETS, type hazardReport } from "../data";

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
            <div className="flex flex-wrap items-center gap-1 text-xs">
              <span className={`rounded px-1.5 py-0.5 ${h.status === "RECTIFIED" ? "bg-green-100 text-green-800" : h.status === "RECTIFYING" ? "bg-amber-100 text-amber-900" : "bg-red-100 text-red-800"}`}>
                {t(`status.${h.status}`)}
              </span>
              {h.level === "MAJOR" ? <span className="rounded bg-red-600 px-1.5 py-0.5 text-white">{t("level.MAJOR")}</span> : null}
              <span className="text-slate-500">
                {t(`category.${h.category}` as "category.MACHINERY")} · {h.location}
              </span>
            </div>
            <p className="mt-1">{h.description}</p>
            {h.measure ? <p className="mt-0.5 text-xs text-slate-600">{t("measure", { measure: h.measure })}</p> : null}
            <p className="mt-0.5 text-xs text-slate-500">
              {h.rectifiedOn ? t("rectifiedOn", { date: date(h.rectifiedOn) }) : h.deadline ? t("deadline", { date: date(h.deadline) }) : null}
            </p>
          </li>
        ))}
      </ol>
    </Card>
  );
}
