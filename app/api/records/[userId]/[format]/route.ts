// GET /api/records/<userId|me>/<xlsx|pdf>: a learner's record (一人一档) as a file, for the learner,
// the admin of their enterprise, regulators of its region and administrators (checked in the data).
import { NextResponse } from "next/server";
import { z } from "zod";
import { recordExport } from "@/features/audit/data";
import { learnerRecord } from "@/features/records/data";
import { recordPdf, recordXlsx } from "@/features/records/export";
import { fileResponse, routeHandler } from "@/lib/route";

const paramsSchema = z.object({ userId: z.string().min(1).max(60), format: z.enum(["xlsx", "pdf"]) });
const TYPES = { xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", pdf: "application/pdf" } as const;

export const GET = routeHandler("record export", "account.self", async (user, _request, { params }: { params: Promise<{ userId: string; format: string }> }) => {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return NextResponse.json({ error: "NOT_FOUND", message: "errors.notFound" }, { status: 404 });
  const { userId, format } = parsed.data;
  const record = await learnerRecord(user, userId === "me" ? user.id : userId);
  const body = format === "xlsx" ? await recordXlsx(record) : await recordPdf(record);
  await recordExport(user, "export.records", { type: "User", id: record.person.id }, { userId: record.person.id }, { format, courses: record.courses.length });
  return fileResponse(body, TYPES[format], `record.${format}`, `学员培训档案-${record.person.name}.${format}`);
});
