// POST /api/rosters/imports/<id>/commit ({ initialPassword, confirmPassword }): writes a checked import,
// all or nothing. A second commit of the same import is refused (409).
import { NextResponse } from "next/server";
import { commitImport } from "@/features/rosters/data";
import { commitSchema } from "@/features/rosters/schemas";
import { validation } from "@/lib/errors";
import { routeHandler } from "@/lib/route";

export const POST = routeHandler("roster import commit", "roster.import", async (user, request, { params }: { params: Promise<{ id: string }> }) => {
  const body = commitSchema.safeParse(await request.json().catch(() => null));
  if (!body.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of body.error.issues) (fieldErrors[String(issue.path[0] ?? "_")] ??= []).push(issue.message);
    throw validation(fieldErrors);
  }
  return NextResponse.json(await commitImport(user, (await params).id, body.data.initialPassword));
});
