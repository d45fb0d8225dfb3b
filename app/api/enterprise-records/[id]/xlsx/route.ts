// GET /api/enterprise-records/<enterpriseId>/xlsx: 一企一档 as a workbook, for the enterprise's admin,
// regulators of its region and administrators (scope checked in the data).
import { recordExport } from "@/features/audit/data";
import { enterpriseRecord } from "@/features/records/data";
import { enterpriseRecordXlsx } from "@/features/records/export";
import { fileResponse, routeHandler } from "@/lib/route";

export const GET = routeHandler("enterprise record export", "account.self", async (user, _request, { params }: { params: Promise<{ id: string }> }) => {
  const record = await enterpriseRecord(user, (await params).id);
  const body = await enterpriseRecordXlsx(record);
  await recordExport(user, "export.enterprise-records", { type: "Enterprise", id: record.enterprise.id }, { enterpriseId: record.enterprise.id }, { staff: record.staff.length });
  return fileResponse(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "enterprise-record.xlsx", `一企一档-${record.enterprise.name}.xlsx`);
});
