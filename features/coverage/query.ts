// The region and plan period a coverage request asks for: the query's region, or the regulator's own.
import { validation } from "@/lib/errors";
import type { SessionUser } from "@/lib/session";
import { coverageQuerySchema } from "./schemas";

/** An admin has no region of its own: it starts from the demo province. */
export const ADMIN_START_REGION = "510000";

export function scopeQuery(user: SessionUser, request: Request) {
  const query = coverageQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw validation({ region: ["regionCode"] });
  const regionCode = query.data.region ?? user.regionCode ?? (user.role === "ADMIN" ? ADMIN_START_REGION : null);
  if (!regionCode) throw validation({ region: ["regionCode"] });
  return { regionCode, periodId: query.data.period };
}
