// POST /api/rosters/imports (multipart: file, kind, schoolId?, fullRoster): checks a roster file and
// returns the preview (every bad row with its reason, or what a commit would do). Nothing is imported.
import { NextResponse } from "next/server";
import { previewImport } from "@/features/rosters/data";
import { previewFieldsSchema } from "@/features/rosters/schemas";
import { validation } from "@/lib/errors";
import { routeHandler } from "@/lib/route";

export const POST = routeHandler("roster preview", "roster.import", async (user, request) => {
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File)) throw validation({ file: ["required"] }, "roster.noFile");
  const fields = previewFieldsSchema.safeParse({
    kind: form.get("kind") ?? undefined,
    schoolId: form.get("schoolId") || undefined,
    fullRoster: form.get("fullRoster") ?? undefined,
  });
  if (!fields.success) throw validation({ kind: ["invalid"] });
  const preview = await previewImport(user, { ...fields.data, fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
  return NextResponse.json(preview);
});
