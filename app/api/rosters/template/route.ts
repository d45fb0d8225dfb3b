// GET /api/rosters/template?kind=STAFF|STUDENTS: the xlsx template (a regulator's has the credit-code column).
import { rosterTemplate } from "@/features/rosters/template";
import { templateQuerySchema } from "@/features/rosters/schemas";
import { db } from "@/lib/db";
import { validation } from "@/lib/errors";
import { fileResponse, routeHandler } from "@/lib/route";

export const GET = routeHandler("roster template", "roster.import", async (user, request) => {
  const query = templateQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw validation({ kind: ["invalid"] });
  const positions = await db.positionCategory.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, name: true } });
  const regional = user.role === "REGULATOR" || user.role === "ADMIN";
  const body = await rosterTemplate(query.data.kind, positions, regional && query.data.kind === "STAFF");
  const name = query.data.kind === "STAFF" ? "花名册模板.xlsx" : "学生名单模板.xlsx";
  return fileResponse(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", `roster-template-${query.data.kind.toLowerCase()}.xlsx`, name);
});
