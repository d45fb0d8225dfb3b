// Verifies a login attempt: throttle per account and per address first, then the password.
import "server-only";
import { env } from "@/lib/env";
import { findLoginUser, recentFailures, recordLoginAttempt } from "./data";
import { dummyHash, verifyPassword } from "./password";
import { throttleDecision } from "./rules";

export type LoginFailure = { reason: "invalid" | "lockedAccount" | "lockedIp" | "disabled"; retryAt?: Date };
export type LoginResult = { ok: true; user: { id: string; name: string; sessionVersion: number } } | ({ ok: false } & LoginFailure);

export async function verifyLogin(input: { mobile: string; password: string; ip: string }, now = new Date()): Promise<LoginResult> {
  const windowMs = env.LOGIN_THROTTLE_WINDOW_MINUTES * 60_000;
  const since = new Date(now.getTime() - windowMs);

  const byIp = throttleDecision(await recentFailures({ ip: input.ip }, since), env.LOGIN_MAX_FAILURES_PER_IP, windowMs, now);
  if (byIp.locked) return { ok: false, reason: "lockedIp", retryAt: byIp.retryAt };

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
