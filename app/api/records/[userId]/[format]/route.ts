// GET /api/records/<userId|me>/<xlsx|pdf>: a learner's record (一人一档) as a file, for the learner,
// the admin of their enterprise, regulators of its region and administrators (checked in the data).
import { NextResponse } from "next/server";
import { z } from "zod";
import { learnerRecord } from "@/features/records/data";
import { recordPdf, recordXlsx } from "@/features/records/export";
import { requireRequest } from "@/lib/authz";
import { AppError, HTTP_STATUS, toAppError } from "@/lib/errors";

const paramsSchema = z.object({ userId: z.string().min(1).max(60), format: z.enum(["xlsx", "pdf"]) });

const TYPES = { xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", pdf: "application/pdf" } as const;

export async function GET(_request: Request, { params }: { params: Promise<{ userId: string; format: string }> }) {
  try {
    const user = await requireRequest("account.self");
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) return NextResponse.json({ error: "NOT_FOUND" }, { status: 404 });
    const { userId, format } = parsed.data;
    const record = await learnerRecord(user, userId === "me" ? user.id : userId);
    const body = format === "xlsx" ? await recordXlsx(record) : await recordPdf(record);
    const name = `学员培训档案-${record.person.name}.${format}`;
    return new NextResponse(new Uint8Array(body), {
      headers: {
        "Content-Type": TYPES[format],
        "Content-Disposition": `attachment; filename="record.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    const known = toAppError(error);
    if (known instanceof AppError) return NextResponse.json({ error: known.code }, { status: HTTP_STATUS[known.code] });
    console.error("[record export] unexpected error", error);
    return NextResponse.json({ error: "UNEXPECTED" }, { status: 500 });
  }
}
