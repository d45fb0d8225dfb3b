// The framework's floor for the heartbeat benchmark (issue 8, bench/heartbeat.ts): a bare route handler
// that parses the body and makes one insert, through the driver (the same insert as the bare Node server)
// or, with ?via=prisma, through the Prisma client the app uses. It exists only when the server was
// started with BENCH_FLOOR=1 (the benchmark does); otherwise it answers 404 like any unknown path.
import { floorInserter, floorRowOf, type FloorRow } from "@/bench/lib/floor-insert";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

let insert: ((row: FloorRow) => Promise<void>) | undefined;

export async function POST(request: Request): Promise<Response> {
  if (process.env.BENCH_FLOOR !== "1") return new Response(null, { status: 404 });
  let row: FloorRow | null;
  try {
    row = floorRowOf(JSON.parse(await request.text()));
  } catch {
    row = null;
  }
  if (!row) return Response.json({ error: "VALIDATION" }, { status: 400 });
  if (new URL(request.url).searchParams.get("via") === "prisma") {
    await db.heartbeat.create({
      data: { userId: row.userId, lessonId: row.lessonId, tabId: row.tabId, seq: row.seq, position: 0, claimedSeconds: row.watchedSeconds, creditedSeconds: 0 },
    });
  } else {
    insert ??= floorInserter(env.DATABASE_URL);
    await insert(row);
  }
  return Response.json({ ok: true });
}
