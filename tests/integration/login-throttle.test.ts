// Failed-login throttling against the real login_attempt table (OWASP ASVS 2.2.1): an account locks
// after LOGIN_MAX_FAILURES_PER_ACCOUNT failures in the window (default 10 an hour), even for the right
// password, and an address locks after LOGIN_MAX_FAILURES_PER_IP failures (default 50).
import { describe, expect, it } from "vitest";
import { verifyLogin } from "@/features/accounts/login";
import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { createAccount, randomIp } from "./support";

const PASSWORD = "Correct-horse-7";

describe("login", () => {
  it("accepts the right password and records the attempt", async () => {
    const account = await createAccount({ password: PASSWORD });
    const result = await verifyLogin({ mobile: account.mobile, password: PASSWORD, ip: randomIp() });
    expect(result.ok).toBe(true);
    expect(await db.loginAttempt.count({ where: { userId: account.id, success: true } })).toBe(1);
  });

  it("refuses a wrong password and an unknown number alike", async () => {
    const account = await createAccount({ password: PASSWORD });
    const wrong = await verifyLogin({ mobile: account.mobile, password: "not-it", ip: randomIp() });
    const unknown = await verifyLogin({ mobile: "13700000999", password: PASSWORD, ip: randomIp() });
    expect(wrong).toMatchObject({ ok: false, reason: "invalid" });
    expect(unknown).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("locks an account after the limit of failures, even for the right password, until the window passes", async () => {
    const account = await createAccount({ password: PASSWORD });
    const limit = env.LOGIN_MAX_FAILURES_PER_ACCOUNT;
    expect(limit).toBeLessThanOrEqual(100);
    for (let i = 0; i < limit; i++) {
      // A new address each time: this is the per-account limit, not the per-address one.
      expect((await verifyLogin({ mobile: account.mobile, password: `wrong-${i}`, ip: randomIp() })).ok).toBe(false);
    }
    const locked = await verifyLogin({ mobile: account.mobile, password: PASSWORD, ip: randomIp() });
    expect(locked.ok).toBe(false);
    if (locked.ok) return;
    expect(locked.reason).toBe("lockedAccount");
    const windowMs = env.LOGIN_THROTTLE_WINDOW_MINUTES * 60_000;
    expect(locked.retryAt!.getTime()).toBeGreaterThan(Date.now());
    expect(locked.retryAt!.getTime()).toBeLessThanOrEqual(Date.now() + windowMs);

    // While locked, the password is not even checked: no further attempt is recorded as a success.
    expect(await db.loginAttempt.count({ where: { userId: account.id, success: true } })).toBe(0);

    // Once the failures are older than the window, the right password works again.
    await db.loginAttempt.updateMany({ where: { userId: account.id }, data: { createdAt: new Date(Date.now() - windowMs - 1_000) } });
    const again = await verifyLogin({ mobile: account.mobile, password: PASSWORD, ip: randomIp() });
    expect(again.ok).toBe(true);
  });

  it("does not lock another account", async () => {
    const a = await createAccount({ password: PASSWORD });
    const b = await createAccount({ password: PASSWORD });
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_ACCOUNT; i++) await verifyLogin({ mobile: a.mobile, password: "x", ip: randomIp() });
    expect((await verifyLogin({ mobile: b.mobile, password: PASSWORD, ip: randomIp() })).ok).toBe(true);
  });

  it("a success resets the account's count", async () => {
    const account = await createAccount({ password: PASSWORD });
    const limit = env.LOGIN_MAX_FAILURES_PER_ACCOUNT;
    for (let i = 0; i < limit - 1; i++) await verifyLogin({ mobile: account.mobile, password: "x", ip: randomIp() });
    expect((await verifyLogin({ mobile: account.mobile, password: PASSWORD, ip: randomIp() })).ok).toBe(true);
    for (let i = 0; i < limit - 1; i++) await verifyLogin({ mobile: account.mobile, password: "x", ip: randomIp() });
    expect((await verifyLogin({ mobile: account.mobile, password: PASSWORD, ip: randomIp() })).ok).toBe(true);
  });

  it("locks an address that guesses across many accounts", async () => {
    const ip = randomIp();
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_IP; i++) {
      await verifyLogin({ mobile: `1370000${String(i).padStart(4, "0")}`, password: "guess", ip });
    }
    const account = await createAccount({ password: PASSWORD });
    const fromThere = await verifyLogin({ mobile: account.mobile, password: PASSWORD, ip });
    expect(fromThere).toMatchObject({ ok: false, reason: "lockedIp" });
    // The same account from another address is fine: the lock is on the address.
    expect((await verifyLogin({ mobile: account.mobile, password: PASSWORD, ip: randomIp() })).ok).toBe(true);
  });
});
