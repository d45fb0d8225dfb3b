// POST /api/learning/heartbeats: a batch of class-hour heartbeats from a lesson page (fetch while
// online, navigator.sendBeacon when the page is hidden, the offline queue on reconnect). Idempotent:
// a heartbeat already recorded is answered as a duplicate and credits nothing.
import { NextResponse } from "next/server";
import { heartbeatBatchSchema, recordHeartbeatBatch } from "@/features/learning/ledger";
import { routeHandler } from "@/lib/route";

export const POST = routeHandler("heartbeats", "learning.own", async (user, request) => {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return NextResponse.json({ error: "VALIDATION", message: "body is not JSON" }, { status: 400 });
  }
  const parsed = heartbeatBatchSchema.safeParse(body);
  if (!parsed.success) {
    return NextResponse.json({ error: "VALIDATION", message: "errors.validation", issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }, { status: 400 });
  }
  return NextResponse.json(await recordHeartbeatBatch(user, parsed.data.beats));
});
