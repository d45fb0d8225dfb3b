// GET /api/surveys/<id>/responses: one survey's responses as a workbook, for those who manage it (its
// provider or author, regulators of its region, admins; checked in the data). An anonymous survey's file
// holds no identifier of any kind (features/surveys/export.ts).
import { recordExport } from "@/features/audit/data";
import { surveyResponsesXlsx } from "@/features/surveys/export";
import { surveyResponsesForExport } from "@/features/surveys/report";
import { fileResponse, routeHandler } from "@/lib/route";

type Ctx = { params: Promise<{ id: string }> };

export const GET = routeHandler("survey responses export", "survey.manage", async (user, _request, { params }: Ctx) => {
  const id = (await params).id;
  const data = await surveyResponsesForExport(user, id);
  const body = await surveyResponsesXlsx(data);
  await recordExport(user, "export.survey-responses", { type: "Survey", id }, { surveyId: id }, { responses: data.rows.length, anonymous: data.survey.anonymous });
  return fileResponse(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", `survey-${data.survey.code}-responses.xlsx`, `问卷答卷-${data.survey.title}.xlsx`);
});
