import { describe, expect, it } from "vitest";
import { beijingDayRange, narrowestRegion, scrubDetail } from "@/features/audit/rules";

describe("narrowestRegion", () => {
  it("is the county, the city or the province every code shares", () => {
    expect(narrowestRegion(["510402", "510402"])).toBe("510402");
    expect(narrowestRegion(["510402", "510403", "510411"])).toBe("510400");
    expect(narrowestRegion(["510402", "510104"])).toBe("510000");
    expect(narrowestRegion(["510402", "530102"])).toBeNull();
    expect(narrowestRegion([])).toBeNull();
  });
});

describe("beijingDayRange", () => {
  it("bounds Beijing days (UTC+8), both ends included", () => {
    expect(beijingDayRange("2026-03-01", "2026-03-01")).toEqual({ gte: new Date("2026-02-28T16:00:00Z"), lt: new Date("2026-03-01T16:00:00Z") });
    expect(beijingDayRange(undefined, undefined)).toEqual({});
    expect(beijingDayRange("2026-13-45")).toEqual({});
  });
});

describe("scrubDetail", () => {
  it("blanks resident ID numbers and whole mobile numbers, keeps the rest", () => {
    const out = scrubDetail({ fileName: "名单-51040219870412301X.xlsx", note: "联系 13800000006", rows: 3, ok: true, none: null });
    expect(out).toEqual({ fileName: "名单-******************.xlsx", note: "联系 ***********", rows: 3, ok: true, none: null });
    expect(scrubDetail({ code: "ADT0-0000-RVK0-0001", reason: "x".repeat(300) })).toEqual({ code: "ADT0-0000-RVK0-0001", reason: "x".repeat(200) });
  });
});
