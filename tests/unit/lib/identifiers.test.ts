import { describe, expect, it } from "vitest";
import {
  creditCodeCheckChar,
  creditCodeProblem,
  creditCodeSchema,
  isValidCreditCode,
  isValidMobile,
  isValidRegionCode,
  isValidResidentId,
  isWithinRegion,
  maskMobile,
  maskResidentId,
  mobileSchema,
  regionCodeSchema,
  regionLevel,
  regionPrefix,
  residentIdCheckDigit,
  residentIdProblem,
  residentIdSchema,
} from "@/lib/identifiers";

describe("mobile number", () => {
  it.each(["13800000000", "19912345678", "15000000001", "17612345678"])("accepts %s", (m) => {
    expect(isValidMobile(m)).toBe(true);
  });

  it.each([
    ["12345678901", "second digit 2"],
    ["10012345678", "second digit 0"],
    ["1380000000", "10 digits"],
    ["138000000001", "12 digits"],
    ["1380000000a", "a letter"],
    ["+8613800000000", "country code"],
    ["", "empty"],
  ])("refuses %s (%s)", (m) => {
    expect(isValidMobile(m)).toBe(false);
  });

  it("trims spaces at the boundary and names the message key", () => {
    expect(mobileSchema.parse(" 13800000000 ")).toBe("13800000000");
    const r = mobileSchema.safeParse("1380000");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("mobile");
  });

  it("masks the middle four digits", () => {
    expect(maskMobile("13812345678")).toBe("138****5678");
    expect(maskMobile("123")).toBe("***");
  });
});

describe("resident ID number (GB 11643-1999)", () => {
  it("computes the check digit of the standard's examples", () => {
    expect(residentIdCheckDigit("11010519491231002")).toBe("X");
    expect(residentIdCheckDigit("44052418800101001")).toBe("4");
  });

  it.each(["11010519491231002X", "440524188001010014"])("accepts %s", (id) => {
    expect(residentIdProblem(id)).toBeNull();
    expect(isValidResidentId(id)).toBe(true);
  });

  it("refuses a wrong check digit", () => {
    expect(residentIdProblem("110105194912310021")).toBe("checkDigit");
    expect(residentIdProblem("440524188001010015")).toBe("checkDigit");
  });

  it("refuses impossible and future birth dates", () => {
    const feb30 = "51040220000230001";
    expect(residentIdProblem(feb30 + residentIdCheckDigit(feb30))).toBe("birthDate");
    const future = "51040221000101001";
    expect(residentIdProblem(future + residentIdCheckDigit(future), new Date("2026-11-23"))).toBe("birthDate");
    const before1800 = "51040217991231001";
    expect(residentIdProblem(before1800 + residentIdCheckDigit(before1800))).toBe("birthDate");
  });

  it("refuses a bad structure", () => {
    expect(residentIdProblem("11010519491231002")).toBe("format"); // 17 characters
    expect(residentIdProblem("1101051949123100XX")).toBe("format");
    expect(residentIdProblem("A10105194912310020")).toBe("format");
    const zeroRegion = "01010519491231002";
    expect(residentIdProblem(zeroRegion + residentIdCheckDigit(zeroRegion))).toBe("region");
  });

  it("accepts a lower-case x at the boundary and stores it upper-case", () => {
    expect(residentIdSchema.parse("11010519491231002x")).toBe("11010519491231002X");
    const r = residentIdSchema.safeParse("110105194912310021");
    expect(r.error?.issues[0]?.message).toBe("residentId");
  });

  it("masks all but the region prefix and the last four", () => {
    expect(maskResidentId("11010519491231002X")).toBe("1101**********002X");
    expect(maskResidentId("short")).toBe("***");
  });

  it("rejects a check-digit request of the wrong length", () => {
    expect(() => residentIdCheckDigit("123")).toThrow();
  });
});

describe("unified social credit code (GB 32100-2015)", () => {
  it("computes the check character of a published example", () => {
    expect(creditCodeCheckChar("91350100M000100Y4")).toBe("3");
    expect(isValidCreditCode("91350100M000100Y43")).toBe(true);
  });

  it("round-trips codes built from a 17-character prefix", () => {
    for (const prefix of ["91510400MA6230K1X", "91510411MA62D8R4U", "12510400000000000", "Y1510402ABCDEFGHJ"]) {
      const code = prefix + creditCodeCheckChar(prefix);
      expect(creditCodeProblem(code), code).toBeNull();
    }
  });

  it("refuses a changed check character", () => {
    expect(creditCodeProblem("91350100M000100Y44")).toBe("checkChar");
  });

  it.each([
    ["91350100M000100Y4", "17 characters"],
    ["91350100M000100Y433", "19 characters"],
    ["91350100M0001I0Y43", "the letter I"],
    ["91350100M0001O0Y43", "the letter O"],
    ["9135010SM000100Y43", "a letter in the region part"],
    ["913501-0M000100Y43", "punctuation"],
  ])("refuses %s (%s)", (code) => {
    expect(creditCodeProblem(code)).toBe("format");
  });

  it("accepts lower case at the boundary and stores it upper-case", () => {
    expect(creditCodeSchema.parse("91350100m000100y43")).toBe("91350100M000100Y43");
    expect(creditCodeSchema.safeParse("91350100M000100Y44").error?.issues[0]?.message).toBe("creditCode");
  });

  it("refuses to compute a check character from characters outside the charset", () => {
    expect(() => creditCodeCheckChar("91350100M000100Z4")).toThrow(/not a credit-code character/);
  });
});

describe("region code (GB/T 2260)", () => {
  it.each(["510000", "510400", "510402", "110101", "820000"])("accepts %s", (code) => {
    expect(isValidRegionCode(code)).toBe(true);
  });

  it.each(["000000", "990000", "100000", "51040", "5104021", "510040", "51040a"])("refuses %s", (code) => {
    expect(isValidRegionCode(code)).toBe(false);
  });

  it("tells the level", () => {
    expect(regionLevel("510000")).toBe("PROVINCE");
    expect(regionLevel("510400")).toBe("CITY");
    expect(regionLevel("510402")).toBe("COUNTY");
  });

  it("gives the prefix every region inside shares", () => {
    expect(regionPrefix("510000")).toBe("51");
    expect(regionPrefix("510400")).toBe("5104");
    expect(regionPrefix("510402")).toBe("510402");
  });

  it("decides containment", () => {
    expect(isWithinRegion("510400", "510402")).toBe(true);
    expect(isWithinRegion("510000", "510402")).toBe(true);
    expect(isWithinRegion("510402", "510402")).toBe(true);
    expect(isWithinRegion("510402", "510403")).toBe(false);
    expect(isWithinRegion("510402", "510400")).toBe(false);
    expect(isWithinRegion("510400", "510100")).toBe(false);
  });

  it("names the message key at the boundary", () => {
    expect(regionCodeSchema.safeParse("5104").error?.issues[0]?.message).toBe("regionCode");
  });
});
