// GET /api/rosters/imports/<id>: status and commit progress; DELETE: discard a checked import.
import { NextResponse } from "next/server";
import { discardImport, importStatus } from "@/features/rosters/data";
import { routeHandler } from "@/lib/route";

type Ctx = { params: Promise<{ id: string }> };

export const GET = routeHandler("roster import status", "roster.import", async (user, _request, { params }: Ctx) => {
  return NextResponse.json(await importStatus(user, (await params).id));
});

export const DELETE = routeHandler("roster import discard", "roster.import", async (user, _request, { params }: Ctx) => {
  await discardImport(user, (await params).id);
  return NextResponse.json({ ok: true });
});
