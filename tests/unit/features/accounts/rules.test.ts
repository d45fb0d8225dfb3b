// Login throttling (OWASP ASVS 2.2.1) and the password rules of the account forms.
import { describe, expect, it } from "vitest";
import { throttleDecision } from "@/features/accounts/rules";
import { changePasswordSchema, newPasswordSchema, PASSWORD_MIN } from "@/features/accounts/schemas";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

const MINUTE = 60_000;
const WINDOW = 60 * MINUTE;
const LIMIT = 5;
const NOW = new Date("2026-03-01T08:00:00Z");

/** A time `m` minutes before NOW. */
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * MINUTE);
const minutesAfterNow = (m: number) => new Date(NOW.getTime() + m * MINUTE);

describe("throttleDecision", () => {
  describe("under the limit", () => {
    it("gives the whole limit when there are no failures", () => {
      expect(throttleDecision([], LIMIT, WINDOW, NOW)).toEqual({ locked: false, remaining: LIMIT });
    });

    it("gives the attempts that remain", () => {
      const failures = [minutesAgo(30), minutesAgo(20), minutesAgo(1)];
      expect(throttleDecision(failures, LIMIT, WINDOW, NOW)).toEqual({ locked: false, remaining: 2 });
    });

    it("still allows one attempt with one failure short of the limit", () => {
      const failures = [minutesAgo(4), minutesAgo(3), minutesAgo(2), minutesAgo(1)];
      expect(throttleDecision(failures, LIMIT, WINDOW, NOW)).toEqual({ locked: false, remaining: 1 });
    });
  });

  describe("at the limit", () => {
    it("locks until the oldest failure leaves the window", () => {
      const failures = [minutesAgo(40), minutesAgo(30), minutesAgo(20), minutesAgo(10), minutesAgo(5)];
      const decision = throttleDecision(failures, LIMIT, WINDOW, NOW);
      expect(decision).toEqual({ locked: true, retryAt: new Date(minutesAgo(40).getTime() + WINDOW) });
      expect(decision).toEqual({ locked: true, retryAt: minutesAfterNow(20) });
    });

    it("with more failures than the limit, waits for the oldest failure still needed to reach the limit", () => {
      // Seven failures, limit five: the third-oldest (30 minutes ago) must age out before the count drops to four.
      const failures = [50, 40, 30, 20, 10, 5, 1].map(minutesAgo);
      expect(throttleDecision(failures, LIMIT, WINDOW, NOW)).toEqual({ locked: true, retryAt: minutesAfterNow(30) });
    });
  });

  describe("the window", () => {
    it("does not count failures older than the window", () => {
      const old = [120, 90, 75, 61].map(minutesAgo);
      const recent = [59, 10].map(minutesAgo);
      expect(throttleDecision([...old, ...recent], LIMIT, WINDOW, NOW)).toEqual({ locked: false, remaining: 3 });
    });

    it("does not count a failure exactly one window old", () => {
      const failures = [new Date(NOW.getTime() - WINDOW), minutesAgo(3), minutesAgo(2), minutesAgo(1)];
      expect(throttleDecision(failures, LIMIT, WINDOW, NOW)).toEqual({ locked: false, remaining: 2 });
    });

    it("lets the relevant failures locate retryAt when older ones are present", () => {
      const failures = [200, 100, 45, 35, 25, 15, 5].map(minutesAgo);
      expect(throttleDecision(failures, LIMIT, WINDOW, NOW)).toEqual({ locked: true, retryAt: minutesAfterNow(15) });
    });
  });

  describe("lifting the lock", () => {
    const failures = [50, 40, 30, 20, 10].map(minutesAgo);
    const { retryAt } = throttleDecision(failures, LIMIT, WINDOW, NOW) as { locked: true; retryAt: Date };

    it("keeps the lock, with the same retryAt, until just before retryAt", () => {
      const justBefore = new Date(retryAt.getTime() - 1);
      expect(throttleDecision(failures, LIMIT, WINDOW, justBefore)).toEqual({ locked: true, retryAt });
    });

    it("lifts the lock at retryAt, with one attempt allowed", () => {
      expect(throttleDecision(failures, LIMIT, WINDOW, retryAt)).toEqual({ locked: false, remaining: 1 });
    });

    it("gives back more attempts as more failures age out", () => {
      const later = new Date(NOW.getTime() + 35 * MINUTE); // the 50-, 40- and 30-minute-old failures are out
      expect(throttleDecision(failures, LIMIT, WINDOW, later)).toEqual({ locked: false, remaining: 3 });
    });

    it("lifts it entirely once the window has passed", () => {
      expect(throttleDecision(failures, LIMIT, WINDOW, minutesAfterNow(60))).toEqual({ locked: false, remaining: LIMIT });
    });
  });

  describe("input order", () => {
    const sorted = [45, 35, 25, 15, 5, 2].map(minutesAgo);
    const expected = { locked: true, retryAt: minutesAfterNow(25) };

    it.each([
      ["newest first", [...sorted].reverse()],
      ["interleaved", [sorted[3]!, sorted[0]!, sorted[5]!, sorted[1]!, sorted[4]!, sorted[2]!]],
      ["with old failures mixed in", [minutesAgo(300), sorted[2]!, sorted[5]!, minutesAgo(61), sorted[0]!, sorted[4]!, sorted[1]!, sorted[3]!]],
    ])("gives the same decision for unsorted input (%s)", (_label, failures) => {
      expect(throttleDecision(sorted, LIMIT, WINDOW, NOW)).toEqual(expected);
      expect(throttleDecision(failures, LIMIT, WINDOW, NOW)).toEqual(expected);
    });

    it("does not reorder the caller's array", () => {
      const input = [sorted[2]!, sorted[0]!, sorted[1]!];
      const copy = [...input];
      throttleDecision(input, LIMIT, WINDOW, NOW);
      expect(input).toEqual(copy);
    });
  });
});

/** The messages of a failed parse, or [] when it succeeds. */
function messagesOf(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : result.error!.issues.map((i) => i.message);
}

/** The message of the issue on `field`, for the change-password form. */
function issueOn(input: Record<string, string>, field: string): string[] {
  const r = changePasswordSchema.safeParse(input);
  return r.success ? [] : r.error.issues.filter((i) => i.path.join(".") === field).map((i) => i.message);
}

describe("newPasswordSchema", () => {
  it(`refuses fewer than ${PASSWORD_MIN} characters`, () => {
    expect(PASSWORD_MIN).toBe(8);
    expect(messagesOf(newPasswordSchema.safeParse("Kx7#qLm"))).toContain("passwordTooShort");
    expect(messagesOf(newPasswordSchema.safeParse(""))).toContain("passwordTooShort");
  });

  it(`accepts exactly ${PASSWORD_MIN} characters`, () => {
    expect(newPasswordSchema.safeParse("Kx7#qLm2").success).toBe(true);
  });

  it("refuses more than 128 characters and accepts 128", () => {
    const base = "Tiger-Lily-7-";
    const long = base.repeat(10).slice(0, 128);
    expect(newPasswordSchema.safeParse(long).success).toBe(true);
    expect(messagesOf(newPasswordSchema.safeParse(long + "x"))).toEqual(["passwordTooLong"]);
  });

  it.each(["12345678", "88888888", "password", "woaini1314", "1qaz2wsx", "admin123"])("refuses the common password %s", (p) => {
    expect(messagesOf(newPasswordSchema.safeParse(p))).toContain("passwordTooCommon");
  });

  it("refuses common passwords whatever their case", () => {
    expect(messagesOf(newPasswordSchema.safeParse("PassWord1"))).toContain("passwordTooCommon");
    expect(messagesOf(newPasswordSchema.safeParse("ADMIN888"))).toContain("passwordTooCommon");
  });

  it("refuses a password of one or two distinct characters", () => {
    expect(messagesOf(newPasswordSchema.safeParse("zzzzzzzzzz"))).toContain("passwordTooCommon");
    expect(messagesOf(newPasswordSchema.safeParse("xyxyxyxyxy"))).toContain("passwordTooCommon");
    expect(newPasswordSchema.safeParse("xyzxyzxyzx").success).toBe(true);
  });
});

describe("changePasswordSchema", () => {
  const valid = { currentPassword: "Old-Harbour-2025", newPassword: "New-Harbour-2026", confirmPassword: "New-Harbour-2026" };

  it("accepts a proper change", () => {
    expect(changePasswordSchema.safeParse(valid)).toMatchObject({ success: true, data: valid });
  });

  it("needs the current password", () => {
    expect(issueOn({ ...valid, currentPassword: "" }, "currentPassword")).toEqual(["currentPasswordRequired"]);
  });

  it("applies the new-password rules to newPassword", () => {
    expect(issueOn({ ...valid, newPassword: "short", confirmPassword: "short" }, "newPassword")).toContain("passwordTooShort");
    expect(issueOn({ ...valid, newPassword: "12345678", confirmPassword: "12345678" }, "newPassword")).toContain("passwordTooCommon");
  });

  it("refuses a confirmation that differs, on confirmPassword", () => {
    expect(issueOn({ ...valid, confirmPassword: "New-Harbour-2027" }, "confirmPassword")).toEqual(["passwordMismatch"]);
  });

  it("refuses a new password equal to the current one, on newPassword", () => {
    const same = { currentPassword: "Same-Harbour-2026", newPassword: "Same-Harbour-2026", confirmPassword: "Same-Harbour-2026" };
    expect(issueOn(same, "newPassword")).toEqual(["passwordUnchanged"]);
    expect(issueOn(same, "confirmPassword")).toEqual([]);
  });

  it("treats a change of case as a different password", () => {
    const r = changePasswordSchema.safeParse({ currentPassword: "harbour-2026", newPassword: "HARBOUR-2026", confirmPassword: "HARBOUR-2026" });
    expect(r.success).toBe(true);
  });
});

describe("password messages", () => {
  it("every message key the schemas produce is translated in both languages", () => {
    const keys = [
      ...messagesOf(newPasswordSchema.safeParse("short")),
      ...messagesOf(newPasswordSchema.safeParse("x".repeat(129))),
      ...messagesOf(newPasswordSchema.safeParse("password")),
      ...issueOn({ currentPassword: "", newPassword: "Fine-Pass-1", confirmPassword: "Fine-Pass-1" }, "currentPassword"),
      ...issueOn({ currentPassword: "a", newPassword: "Fine-Pass-1", confirmPassword: "Fine-Pass-2" }, "confirmPassword"),
      ...issueOn({ currentPassword: "Fine-Pass-1", newPassword: "Fine-Pass-1", confirmPassword: "Fine-Pass-1" }, "newPassword"),
    ];
    expect(new Set(keys)).toEqual(
      new Set(["passwordTooShort", "passwordTooLong", "passwordTooCommon", "currentPasswordRequired", "passwordMismatch", "passwordUnchanged"]),
    );
    for (const key of keys) {
      expect(en.validation, key).toHaveProperty(key);
      expect(zh.validation, key).toHaveProperty(key);
    }
  });
});
