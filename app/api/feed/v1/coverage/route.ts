// GET /api/feed/v1/coverage?table=summary|region|enterprise|industry|position|family|trend&format=json|csv
// &region=&period=, with `Authorization: Bearer <API key>`: the read-only data feed (features/feed).
import { feedResponse } from "@/features/feed/data";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return feedResponse(request);
}
