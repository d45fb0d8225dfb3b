// Login throttling as a pure function (OWASP ASVS 2.2.1: at most 100 failed attempts an hour per
// account; the limit and window are settings in lib/env.ts).

export type ThrottleDecision = { locked: false; remaining: number } | { locked: true; retryAt: Date };

/**
 * Given the times of recent failures (only those after the last success count), is the account or
 * address locked now, and until when? The lock lifts when enough failures age out of the window for
 * the count to drop below the limit.
 */
export function throttleDecision(failures: readonly Date[], limit: number, windowMs: number, now: Date): ThrottleDecision {
  const since = now.getTime() - windowMs;
  const recent = failures.map((d) => d.getTime()).filter((t) => t > since).sort((a, b) => a - b);
  if (recent.length < limit) return { locked: false, remaining: limit - recent.length };
  // The (count - limit + 1)-th oldest failure must age out before one more attempt is allowed.
  const pivot = recent[recent.length - limit]!;
  return { locked: true, retryAt: new Date(pivot + windowMs) };
}
