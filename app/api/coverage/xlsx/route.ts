// GET /api/coverage/xlsx?region=&period=: every table of the dashboard as one workbook, in the
// regulator's scope (another region is refused).
import { recordExport } from "@/features/audit/data";
import { coverageReport } from "@/features/coverage/data";
import { coverageXlsx } from "@/features/coverage/export";
import { scopeQuery } from "@/features/coverage/query";
import { fileResponse, routeHandler } from "@/lib/route";

export const GET = routeHandler("coverage export", "regulator.view", async (user, request) => {
  // Every untrained person, not a page: the workbook is the full list.
  const report = await coverageReport(user, scopeQuery(user, request), new Date(), { untrained: "all" });
  const body = await coverageXlsx(report);
  await recordExport(user, "export.coverage", { type: "Region", id: report.region.code }, { regionCode: report.region.code }, { period: report.period.id, enterprises: report.enterprises.length, untrained: report.untrainedTotal });
  return fileResponse(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", `coverage-${report.region.code}-${report.period.id}.xlsx`, `重点岗位培训覆盖率-${report.region.name}-${report.period.id}.xlsx`);
});
