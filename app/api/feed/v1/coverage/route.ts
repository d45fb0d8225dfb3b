// GET /api/feed/v1/coverage?table=summary|region|enterprise|industry|position|family|trend&format=json|csv
// &region=&period=, with `Authorization: Bearer <API key>`: the read-only data feed (features/feed).
// RATE_LIMITS.feed requests a minute per key, counted before the key is checked (a flood of one wrong
// key is limited too); the counter holds a hash of the key, never the key. Only values shaped like our
// keys (features/feed/data.ts: "gsyf_" and 32 base64url characters) are counted: other junk gets no
// counter row (features/feed refuses it).
import { feedResponse } from "@/features/feed/data";
import { consume, hashedSubject, RATE_LIMITS, RateLimited, rateLimitedResponse } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

const KEY_SHAPE = /^Bearer\s+(gsyf_[A-Za-z0-9_-]{32})$/i;

export async function GET(request: Request) {
  const key = KEY_SHAPE.exec(request.headers.get("authorization") ?? "")?.[1];
  if (key) {
    const decision = await consume(RATE_LIMITS.feed, hashedSubject(key));
    if (!decision.allowed) return rateLimitedResponse(new RateLimited(decision.retryAfterSeconds));
  }
  return feedResponse(request);
}
