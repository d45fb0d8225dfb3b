// GET /api/coverage/annex?region=&period=: seed 002's annex table (重点行业企业基本情况表) as xlsx.
import { recordExport } from "@/features/audit/data";
import { annexData } from "@/features/coverage/annex";
import { annexXlsx } from "@/features/coverage/export";
import { fileResponse, routeHandler } from "@/lib/route";
import { scopeQuery } from "@/features/coverage/query";

export const GET = routeHandler("annex export", "regulator.view", async (user, request) => {
  const { regionCode, periodId } = scopeQuery(user, request);
  const data = await annexData(user, regionCode, periodId);
  const body = await annexXlsx({ regionName: data.region.name, periodName: data.period.name, baseYear: data.baseYear, rows: data.rows });
  await recordExport(user, "export.annex", { type: "Region", id: data.region.code }, { regionCode: data.region.code }, { period: data.period.id, rows: data.rows.length });
  return fileResponse(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", `annex-${regionCode}-${data.period.id}.xlsx`, `重点行业企业基本情况表-${data.region.name}.xlsx`);
});
