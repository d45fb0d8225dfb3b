// POST /api/rosters/imports (multipart: file, kind, schoolId?, fullRoster): checks a roster file and
// returns the preview (every bad row with its reason, or what a commit would do). Nothing is imported.
// Each preview parses the whole file, so a user gets RATE_LIMITS.rosterImport of them (429 beyond).
import { NextResponse } from "next/server";
import { previewImport } from "@/features/rosters/data";
import { MAX_FILE_BYTES } from "@/features/rosters/rules";
import { previewFieldsSchema } from "@/features/rosters/schemas";
import { AppError, validation } from "@/lib/errors";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/rate-limit";
import { routeHandler } from "@/lib/route";

export const POST = routeHandler("roster preview", "roster.import", async (user, request) => {
  await enforceRateLimit(RATE_LIMITS.rosterImport, user.id);
  // Refused before the body is read (a 100,000-row roster is about 6 MB; the form adds a few hundred bytes).
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FILE_BYTES + 64 * 1024) {
    throw new AppError("VALIDATION", "roster.fileTooLarge", undefined, { mb: MAX_FILE_BYTES / 1024 / 1024 });
  }
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
