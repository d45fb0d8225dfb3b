// lib/identifiers.ts checked against reference implementations written from the standards themselves
// (GB 11643-1999 / ISO 7064 MOD 11-2 and GB 32100-2015), plus boundary cases: leap days, the limits of
// the birth date, every forbidden credit-code letter, and the error-detecting power of the check
// characters. Complements tests/unit/lib/identifiers.test.ts.
import { describe, expect, it } from "vitest";
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  creditCodeProblem,
  creditCodeSchema,
  isValidMobile,
  isValidRegionCode,
  isWithinRegion,
  maskMobile,
  maskResidentId,
  mobileSchema,
  regionCodeSchema,
  regionPrefix,
  residentIdCheckDigit,
  residentIdProblem,
  residentIdSchema,
} from "@/lib/identifiers";

// ---- Reference implementations ------------------------------------------------------------------

/** GB 11643-1999: weight of position i (1-based, left to right) is 2^(18-i) mod 11; check = (12 − Σ mod 11) mod 11, 10 → X. */
function referenceResidentIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 1; i <= 17; i++) sum += Number(first17[i - 1]) * (2 ** (18 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? "X" : String(check);
}

/** GB 32100-2015 character set: digits and upper-case letters without I, O, Z, S, V. */
const GB32100_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** GB 32100-2015: weight of position i (0-based) is 3^i mod 31; check = 31 − Σ mod 31 (31 → 0). */
function referenceCreditCodeSum(first17: string): number {
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    sum += GB32100_CHARSET.indexOf(first17[i]!) * weight;
    weight = (weight * 3) % 31;
  }
  return sum;
}
const referenceCreditCodeCheck = (first17: string) => GB32100_CHARSET[(31 - (referenceCreditCodeSum(first17) % 31)) % 31]!;

/** A small seeded generator (mulberry32), so the sampled cases are the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (next: () => number, chars: string) => chars[Math.floor(next() * chars.length)]!;

/** 17-digit resident-ID prefixes with a valid region and a real birth date between 1930 and 2009. */
function residentIdPrefixes(count: number, seed: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const region = `${1 + Math.floor(next() * 8)}${Array.from({ length: 5 }, () => pick(next, "0123456789")).join("")}`;
    const birth = new Date(Date.UTC(1930, 0, 1) + Math.floor(next() * 80 * 365) * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
    const serial = Array.from({ length: 3 }, () => pick(next, "0123456789")).join("");
    return region + birth + serial;
  });
}

/** 17-character credit-code prefixes: two charset characters, six digits, nine charset characters. */
function creditCodePrefixes(count: number, seed: number): string[] {
  const next = random(seed);
  const chars = (n: number, set: string) => Array.from({ length: n }, () => pick(next, set)).join("");
  return Array.from({ length: count }, () => chars(2, GB32100_CHARSET) + chars(6, "0123456789") + chars(9, GB32100_CHARSET));
}

const withCheck = (first17: string, check: (s: string) => string) => first17 + check(first17);

// ---- Mobile numbers -----------------------------------------------------------------------------

describe("mobile number boundaries", () => {
  it.each(["3", "4", "5", "6", "7", "8", "9"])("accepts second digit %s", (d) => {
    expect(isValidMobile(`1${d}012345678`)).toBe(true);
  });

  it.each(["0", "1", "2"])("refuses second digit %s", (d) => {
    expect(isValidMobile(`1${d}012345678`)).toBe(false);
  });

  it("refuses a first digit other than 1", () => {
    expect(isValidMobile("23800000000")).toBe(false);
  });

  it("refuses full-width digits", () => {
    expect(isValidMobile("１３８００００００００")).toBe(false);
  });

  it("trims only the ends at the boundary: inner spaces are refused", () => {
    expect(mobileSchema.parse("\t13800000000\n")).toBe("13800000000");
    expect(mobileSchema.safeParse("138 0000 0000").success).toBe(false);
  });

  it("masks 13800000000 as 138****0000", () => {
    expect(maskMobile("13800000000")).toBe("138****0000");
    expect(maskMobile("1380000000")).toBe("***");
  });
});

// ---- Resident ID numbers ------------------------------------------------------------------------

describe("resident ID check digit against GB 11643-1999", () => {
  it("the reference implementation reproduces the standard's examples", () => {
    expect(referenceResidentIdCheck("11010519491231002")).toBe("X");
    expect(referenceResidentIdCheck("44052418800101001")).toBe("4");
  });

  it("agrees with the reference on 300 sampled prefixes", () => {
    for (const prefix of residentIdPrefixes(300, 11643)) {
      expect(residentIdCheckDigit(prefix), prefix).toBe(referenceResidentIdCheck(prefix));
    }
  });

  it("produces every check value, X included, on the sample", () => {
    const seen = new Set(residentIdPrefixes(300, 11643).map(residentIdCheckDigit));
    expect([...seen].sort()).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "X"]);
  });

  it("accepts the sampled numbers with their check digit", () => {
    for (const prefix of residentIdPrefixes(100, 1999)) {
      expect(residentIdProblem(withCheck(prefix, referenceResidentIdCheck)), prefix).toBeNull();
    }
  });

  it("detects every single-digit change in the first 17 digits", () => {
    const id = "11010519491231002X";
    for (let i = 0; i < 17; i++) {
      const digit = Number(id[i]);
      const changed = id.slice(0, i) + String((digit + 1 + (i % 9)) % 10) + id.slice(i + 1);
      expect(residentIdProblem(changed), `position ${i + 1}`).not.toBeNull();
    }
  });

  it("detects swapping two adjacent different serial digits", () => {
    const id = withCheck("51040219800101123", residentIdCheckDigit);
    const swapped = `${id.slice(0, 14)}213${id[17]}`;
    expect(residentIdProblem(swapped)).toBe("checkDigit");
  });
});

describe("resident ID birth date", () => {
  const today = new Date("2026-06-15T12:00:00Z");
  const id = (birth: string) => withCheck(`510402${birth}001`, referenceResidentIdCheck);

  it.each([
    ["20000229", "a leap day in a year divisible by 400"],
    ["20240229", "a leap day in an ordinary leap year"],
    ["18000101", "the earliest year accepted"],
    ["19991231", "the last day of a year"],
    ["20260615", "today"],
  ])("accepts %s (%s)", (birth) => {
    expect(residentIdProblem(id(birth), today)).toBeNull();
  });

  it.each([
    ["19000229", "1900 is not a leap year"],
    ["20230229", "2023 is not a leap year"],
    ["19800431", "April has 30 days"],
    ["19800001", "month 00"],
    ["19801301", "month 13"],
    ["19800100", "day 00"],
    ["19800132", "day 32"],
    ["17991231", "before 1800"],
    ["20260616", "tomorrow"],
    ["21000101", "far in the future"],
  ])("refuses %s (%s) as birthDate", (birth) => {
    expect(residentIdProblem(id(birth), today)).toBe("birthDate");
  });

  it("checks the structure before the birth date, and the birth date before the check digit", () => {
    expect(residentIdProblem("5104021980013200", today)).toBe("format");
    expect(residentIdProblem("510402198001320010", today)).toBe("birthDate");
  });
});

describe("resident ID structure and boundary", () => {
  it("refuses an X anywhere but the last position", () => {
    expect(residentIdProblem("51040X198001010010")).toBe("format");
  });

  it("accepts a lower-case x in residentIdProblem itself", () => {
    expect(residentIdProblem("11010519491231002x")).toBeNull();
  });

  it("trims and upper-cases at the boundary, and names the message key", () => {
    expect(residentIdSchema.parse("  11010519491231002x ")).toBe("11010519491231002X");
    expect(residentIdSchema.safeParse("11010519491231002").error?.issues[0]?.message).toBe("residentId");
  });

  it("masks 440524188001010014 as 4405**********0014", () => {
    expect(maskResidentId("440524188001010014")).toBe("4405**********0014");
  });
});

// ---- Unified social credit codes ----------------------------------------------------------------

describe("credit code check character against GB 32100-2015", () => {
  it("uses the standard's 31 characters, without I, O, Z, S and V", () => {
    expect(CREDIT_CODE_CHARSET).toBe(GB32100_CHARSET);
    expect(CREDIT_CODE_CHARSET).toHaveLength(31);
    for (const letter of "IOZSV") expect(CREDIT_CODE_CHARSET).not.toContain(letter);
  });

  it("verifies the published example 91350100M000100Y43 by hand", () => {
    // Values 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4, weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
    // 9 + 3 + 27 + 135 + 26 + 21·20 + 8 + 30·30 + 4·28 = 1640; 1640 mod 31 = 28; 31 − 28 = 3.
    expect(referenceCreditCodeSum("91350100M000100Y4")).toBe(1640);
    expect(referenceCreditCodeCheck("91350100M000100Y4")).toBe("3");
    expect(creditCodeCheckChar("91350100M000100Y4")).toBe("3");
    expect(creditCodeProblem("91350100M000100Y43")).toBeNull();
  });

  it("agrees with the reference on 300 sampled prefixes and round-trips them", () => {
    for (const prefix of creditCodePrefixes(300, 32100)) {
      const check = creditCodeCheckChar(prefix);
      expect(check, prefix).toBe(referenceCreditCodeCheck(prefix));
      expect(creditCodeProblem(prefix + check), prefix + check).toBeNull();
    }
  });

  it("gives 0, not a 32nd character, when the weighted sum is a multiple of 31", () => {
    expect(referenceCreditCodeSum("00000000000000000")).toBe(0);
    expect(creditCodeCheckChar("00000000000000000")).toBe("0");
  });

  it("detects every single-character change and every adjacent swap in the first 17", () => {
    const inRegionPart = (index: number) => index >= 2 && index < 8;
    for (const prefix of creditCodePrefixes(20, 2015)) {
      const code = prefix + creditCodeCheckChar(prefix);
      for (let i = 0; i < 17; i++) {
        const set = inRegionPart(i) ? "0123456789" : GB32100_CHARSET;
        const other = set[(set.indexOf(code[i]!) + 1) % set.length]!;
        expect(creditCodeProblem(code.slice(0, i) + other + code.slice(i + 1)), `${code} @${i}`).toBe("checkChar");
        // Swaps that stay on one side of the digits-only region part (positions 3–8) keep the format.
        if (i < 16 && code[i] !== code[i + 1] && inRegionPart(i) === inRegionPart(i + 1)) {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(creditCodeProblem(swapped), `${code} swap @${i}`).toBe("checkChar");
        }
      }
    }
  });
});

describe("credit code format", () => {
  const valid = "91350100M000100Y43";

  it.each(["I", "O", "Z", "S", "V"])("refuses the letter %s in the registration, organisation and check positions", (letter) => {
    expect(creditCodeProblem(letter + valid.slice(1))).toBe("format");
    expect(creditCodeProblem(valid.slice(0, 9) + letter + valid.slice(10))).toBe("format");
    expect(creditCodeProblem(valid.slice(0, 17) + letter)).toBe("format");
  });

  it.each([3, 4, 5, 6, 7, 8])("refuses a letter in region position %i", (position) => {
    const code = valid.slice(0, position - 1) + "A" + valid.slice(position);
    expect(creditCodeProblem(code)).toBe("format");
  });

  it.each([
    ["", "empty"],
    ["91350100M000100Y4", "17 characters"],
    ["91350100M000100Y433", "19 characters"],
    ["91350100M000100Y4 ", "a trailing space inside the value"],
  ])("refuses %j (%s)", (code) => {
    expect(creditCodeProblem(code)).toBe("format");
  });

  it("accepts lower case and surrounding spaces at the boundary, stored upper-case", () => {
    expect(creditCodeSchema.parse(" 91350100m000100y43 ")).toBe(valid);
    expect(creditCodeSchema.safeParse("91350100M000100Y42").error?.issues[0]?.message).toBe("creditCode");
  });

  it("refuses to compute a check character for a prefix of the wrong length", () => {
    expect(() => creditCodeCheckChar("91350100M000100Y")).toThrow(/17 characters/);
  });
});

// ---- Region codes -------------------------------------------------------------------------------

describe("region code boundaries", () => {
  it("accepts the first and last province parts, 11 and 82", () => {
    expect(isValidRegionCode("110000")).toBe(true);
    expect(isValidRegionCode("820000")).toBe(true);
  });

  it("refuses province parts 10 and 83", () => {
    expect(isValidRegionCode("100000")).toBe(false);
    expect(isValidRegionCode("830000")).toBe(false);
  });

  it("refuses non-digits", () => {
    expect(isValidRegionCode("51O402")).toBe(false);
    expect(isValidRegionCode("５１０４０２")).toBe(false);
  });

  it("trims at the boundary and names the message key", () => {
    expect(regionCodeSchema.parse(" 510402 ")).toBe("510402");
    expect(regionCodeSchema.safeParse("510040").error?.issues[0]?.message).toBe("regionCode");
  });

  it("does not put one province inside another", () => {
    expect(isWithinRegion("510000", "520102")).toBe(false);
    expect(isWithinRegion("510000", "510000")).toBe(true);
  });

  it("does not put a city inside a county or a province inside a city", () => {
    expect(isWithinRegion("510402", "510400")).toBe(false);
    expect(isWithinRegion("510400", "510000")).toBe(false);
  });

  it("gives prefixes that no other level shares by accident", () => {
    expect(regionPrefix("110000")).toBe("11");
    expect(regionPrefix("110100")).toBe("1101");
    expect(isWithinRegion("110100", "110105")).toBe(true);
    expect(isWithinRegion("110100", "110200")).toBe(false);
  });
});
