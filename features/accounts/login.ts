// Verifies a login attempt: throttle per account and per address first, then the password.
//
// Two kinds of limits, both in the database so every instance shares them:
//   - the failure throttle (LoginAttempt; ASVS 2.2.1): an account locks after LOGIN_MAX_FAILURES_PER_ACCOUNT
//     failures in the window, an address after LOGIN_MAX_FAILURES_PER_IP;
//   - attempt rate limits (lib/rate-limit.ts, atomic counters): every attempt, right or wrong, per address
//     and per mobile number, a minute. They bound what the failure throttle cannot: a parallel burst that
//     reads "9 failures" many times before any of its own failures is written, and the password-hashing
//     work a flood costs. An attempt over either limit is refused before the password is checked.
import "server-only";
import { env } from "@/lib/env";
import { consume, hashedSubject, type RateLimit } from "@/lib/rate-limit";
import { findLoginUser, recentFailures, recordLoginAttempt } from "./data";
import { dummyHash, verifyPassword } from "./password";
import { throttleDecision } from "./rules";

export type LoginFailure = { reason: "invalid" | "lockedAccount" | "lockedIp" | "tooManyAttempts" | "disabled"; retryAt?: Date };
export type LoginResult = { ok: true; user: { id: string; name: string; sessionVersion: number } } | ({ ok: false } & LoginFailure);

export const LOGIN_RATE_LIMITS = {
  perIp: { name: "login-ip", max: env.LOGIN_MAX_ATTEMPTS_PER_IP_PER_MINUTE, windowSeconds: 60 },
  perMobile: { name: "login-mobile", max: env.LOGIN_MAX_ATTEMPTS_PER_MOBILE_PER_MINUTE, windowSeconds: 60 },
} as const satisfies Record<string, RateLimit>;

export async function verifyLogin(input: { mobile: string; password: string; ip: string }, now = new Date()): Promise<LoginResult> {
  const windowMs = env.LOGIN_THROTTLE_WINDOW_MINUTES * 60_000;
  const since = new Date(now.getTime() - windowMs);

  const byIp = throttleDecision(await recentFailures({ ip: input.ip }, since), env.LOGIN_MAX_FAILURES_PER_IP, windowMs, now);
  if (byIp.locked) return { ok: false, reason: "lockedIp", retryAt: byIp.retryAt };

  // Without a proxy's X-Forwarded-For every caller is "unknown": one counter for everyone would lock the
  // whole site, so the per-address limit needs the proxy (docs/deploy.md).
  const checks = [consume(LOGIN_RATE_LIMITS.perMobile, hashedSubject(input.mobile), { now })];
  if (input.ip !== "unknown") checks.push(consume(LOGIN_RATE_LIMITS.perIp, hashedSubject(input.ip), { now }));
  const refused = (await Promise.all(checks)).filter((d) => !d.allowed);
  if (refused.length > 0) {
    const wait = Math.max(...refused.map((d) => d.retryAfterSeconds));
    return { ok: false, reason: "tooManyAttempts", retryAt: new Date(now.getTime() + wait * 1000) };
  }

  const user = await findLoginUser(input.mobile);
  if (!user) {
    await verifyPassword(await dummyHash(), input.password); // same cost as a real check
    await recordLoginAttempt({ userId: null, mobile: input.mobile, ip: input.ip, success: false });
    return { ok: false, reason: "invalid" };
  }

  // A locked account is refused before the password is checked, so guessing stops while locked.
  const byAccount = throttleDecision(await recentFailures({ userId: user.id }, since), env.LOGIN_MAX_FAILURES_PER_ACCOUNT, windowMs, now);
  if (byAccount.locked) return { ok: false, reason: "lockedAccount", retryAt: byAccount.retryAt };

  const valid = await verifyPassword(user.passwordHash, input.password);
  await recordLoginAttempt({ userId: user.id, mobile: input.mobile, ip: input.ip, success: valid && !user.disabledAt });
  if (!valid) return { ok: false, reason: "invalid" };
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  return { ok: true, user: { id: user.id, name: user.name, sessionVersion: user.sessionVersion } };
}
