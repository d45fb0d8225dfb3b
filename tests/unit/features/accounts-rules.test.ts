import { describe, expect, it } from "vitest";
import { changePasswordSchema, newPasswordSchema, PASSWORD_MIN } from "@/features/accounts/schemas";
import { throttleDecision } from "@/features/accounts/rules";

const HOUR = 60 * 60_000;
const now = new Date("2026-11-23T10:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("throttleDecision (OWASP ASVS 2.2.1)", () => {
  it("counts down the attempts left under the limit", () => {
    expect(throttleDecision([], 10, HOUR, now)).toEqual({ locked: false, remaining: 10 });
    expect(throttleDecision([ago(5), ago(1)], 10, HOUR, now)).toEqual({ locked: false, remaining: 8 });
  });

  it("locks at the limit until the oldest counted failure leaves the window", () => {
    const failures = Array.from({ length: 10 }, (_, i) => ago(50 - i)); // 50 … 41 minutes ago
    const decision = throttleDecision(failures, 10, HOUR, now);
    expect(decision).toEqual({ locked: true, retryAt: new Date(ago(50).getTime() + HOUR) });
  });

  it("ignores failures older than the window", () => {
    const failures = [ago(120), ago(90), ago(61), ...Array.from({ length: 9 }, (_, i) => ago(i))];
    expect(throttleDecision(failures, 10, HOUR, now)).toEqual({ locked: false, remaining: 1 });
  });

  it("lifts the lock once enough failures have aged out", () => {
    const failures = Array.from({ length: 10 }, (_, i) => ago(59 - i));
    expect(throttleDecision(failures, 10, HOUR, now).locked).toBe(true);
    const later = new Date(now.getTime() + 2 * 60_000); // the two oldest are now outside the window
    expect(throttleDecision(failures, 10, HOUR, later)).toEqual({ locked: false, remaining: 2 });
  });

  it("with more failures than the limit, waits for enough of them to age out", () => {
    const failures = Array.from({ length: 12 }, (_, i) => ago(30 - i)); // 30 … 19 minutes ago
    // 12 failures, limit 10: the third-oldest (28 minutes ago) must leave the window.
    expect(throttleDecision(failures, 10, HOUR, now)).toEqual({ locked: true, retryAt: new Date(ago(28).getTime() + HOUR) });
  });

  it("does not depend on the order of its input", () => {
    const failures = Array.from({ length: 10 }, (_, i) => ago(10 + i)).reverse().sort(() => 0.5 - Math.random());
    expect(throttleDecision(failures, 10, HOUR, now)).toEqual({ locked: true, retryAt: new Date(ago(19).getTime() + HOUR) });
  });
});

describe("password rules", () => {
  it(`needs at least ${PASSWORD_MIN} characters`, () => {
    const r = newPasswordSchema.safeParse("a".repeat(PASSWORD_MIN - 1));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("passwordTooShort");
    expect(newPasswordSchema.safeParse("Long-enough-1").success).toBe(true);
  });

  it("refuses common passwords", () => {
    for (const p of ["12345678", "password", "woaini1314"]) {
      expect(newPasswordSchema.safeParse(p).error?.issues.map((i) => i.message)).toContain("passwordTooCommon");
    }
  });

  it("refuses a confirmation that differs, on the confirmation field", () => {
    const r = changePasswordSchema.safeParse({ currentPassword: "Old-pass-2025", newPassword: "New-pass-2026", confirmPassword: "New-pass-2027" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.message === "passwordMismatch")?.path).toEqual(["confirmPassword"]);
  });

  it("refuses keeping the same password", () => {
    const r = changePasswordSchema.safeParse({ currentPassword: "Same-pass-2026", newPassword: "Same-pass-2026", confirmPassword: "Same-pass-2026" });
    expect(r.error?.issues.map((i) => i.message)).toContain("passwordUnchanged");
  });

  it("accepts a proper change", () => {
    expect(changePasswordSchema.safeParse({ currentPassword: "Old-pass-2025", newPassword: "New-pass-2026", confirmPassword: "New-pass-2026" }).success).toBe(true);
  });
});
