// GET /api/satisfaction/xlsx?region=&year=: the satisfaction report of a region and year as one
// workbook, in the regulator's scope (another region is refused by satisfactionReport).
import { recordExport } from "@/features/audit/data";
import { ADMIN_START_REGION } from "@/features/coverage/query";
import { satisfactionXlsx } from "@/features/surveys/export";
import { satisfactionReport } from "@/features/surveys/report";
import { reportQuerySchema } from "@/features/surveys/schemas";
import { validation } from "@/lib/errors";
import { fileResponse, routeHandler } from "@/lib/route";

const querySchema = reportQuerySchema.partial({ region: true });

export const GET = routeHandler("satisfaction export", "regulator.view", async (user, request) => {
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw validation(Object.fromEntries(query.error.issues.map((i) => [String(i.path[0] ?? "_"), [i.path[0] === "year" ? "year" : "regionCode"]])));
  const regionCode = query.data.region ?? user.regionCode ?? (user.role === "ADMIN" ? ADMIN_START_REGION : null);
  if (!regionCode) throw validation({ region: ["regionCode"] });
  const report = await satisfactionReport(user, { regionCode, year: query.data.year });
  const body = await satisfactionXlsx(report);
  await recordExport(user, "export.satisfaction", { type: "Region", id: report.region.code }, { regionCode: report.region.code }, { year: report.year, responses: report.responses });
  return fileResponse(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", `satisfaction-${report.region.code}-${report.year}.xlsx`, `学员满意度-${report.region.name}-${report.year}.xlsx`);
});
