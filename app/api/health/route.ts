// Liveness for load balancers: the process answers and the database is reachable. No data, no auth.
import { pingDatabase } from "@/features/admin/data";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await pingDatabase();
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
