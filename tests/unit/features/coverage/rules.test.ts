// Coverage over a small hand-computed roster (DOMAIN.md, "Key positions and coverage"): ten people, of
// whom five are key-position staff of key enterprises in key industries on the roster at the end of
// November 2026, three of them trained. Every figure below was worked out by hand from the table.
import { describe, expect, it } from "vitest";
import { coverage, coverageBy, coverageByFamily, inDenominator, monthEnds, monthlyTrend, regionAt, targetAt, type RosterFact } from "@/features/coverage/rules";

const d = (iso: string) => new Date(iso);
const base = { keyEnterprise: true, keyIndustry: true, keyPosition: true, onRosterFrom: d("2026-01-01T00:00:00+08:00"), leftAt: null, trainedAt: null, families: {} };
const person = (id: string, regionCode: string, industryCode: string, positionCode: string, over: Partial<RosterFact> = {}): RosterFact => ({
  id,
  enterpriseId: `e-${regionCode}-${industryCode}`,
  regionCode,
  industryCode,
  positionCode,
  ...base,
  ...over,
});

//  id   county  industry      position           in the denominator at 2026-11-30?     trained by then?
const staff: RosterFact[] = [
  person("p1", "510402", "HAZCHEM", "TEAM_LEADER", { trainedAt: d("2026-03-10T10:00:00+08:00"), families: { HAZCHEM_THREE_CATEGORIES: d("2026-03-10T10:00:00+08:00") } }), // yes, yes
  person("p2", "510402", "HAZCHEM", "SAFETY_EXECUTIVE", { families: { HAZCHEM_THREE_CATEGORIES: null } }), // yes, no
  person("p3", "510402", "HAZCHEM", "TEAM_LEADER", { leftAt: d("2026-06-01T09:00:00+08:00") }), // no: left in June
  person("p4", "510411", "VANADIUM_TITANIUM", "TEAM_LEADER", { trainedAt: d("2026-11-20T10:00:00+08:00"), families: { TWO_REDUCTIONS: d("2026-11-20T10:00:00+08:00") } }), // yes, yes
  person("p5", "510411", "VANADIUM_TITANIUM", "ORDINARY", { keyPosition: false, trainedAt: d("2026-02-01T10:00:00+08:00") }), // no: not a key position
  person("p6", "510411", "VANADIUM_TITANIUM", "TEAM_LEADER", { keyEnterprise: false }), // no: not a key enterprise
  person("p7", "510104", "CONSTRUCTION", "TEAM_LEADER", { trainedAt: d("2026-12-05T10:00:00+08:00"), families: { GENERAL: d("2026-12-05T10:00:00+08:00") } }), // yes, no (trained in December)
  person("p8", "510104", "CONSTRUCTION", "SAFETY_DEPT_HEAD", { onRosterFrom: d("2026-12-01T08:00:00+08:00") }), // no: hired in December
  person("p9", "510104", "CONSTRUCTION", "SAFETY_DEPT_HEAD", { trainedAt: d("2026-05-01T10:00:00+08:00"), families: { TWO_REDUCTIONS: d("2026-05-01T10:00:00+08:00") } }), // yes, yes
  person("p10", "510104", "CONSTRUCTION", "TEAM_LEADER", { keyIndustry: false }), // no: not a key industry
];

const END_OF_NOVEMBER = d("2026-11-30T23:59:59.999+08:00");

describe("coverage", () => {
  it("by course family: hazchem 1 of 2, two-reductions 2 of 2, general 0 of 1 (trained in December)", () => {
    expect(Object.fromEntries(coverageByFamily(staff, END_OF_NOVEMBER))).toEqual({
      HAZCHEM_THREE_CATEGORIES: { trained: 1, total: 2, share: 0.5 },
      TWO_REDUCTIONS: { trained: 2, total: 2, share: 1 },
      GENERAL: { trained: 0, total: 1, share: 0 },
    });
  });

  it("the headline: 3 trained of 5 key-position staff on the rosters", () => {
    expect(staff.filter((p) => inDenominator(p, END_OF_NOVEMBER)).map((p) => p.id)).toEqual(["p1", "p2", "p4", "p7", "p9"]);
    expect(coverage(staff, END_OF_NOVEMBER)).toEqual({ trained: 3, total: 5, share: 0.6 });
  });

  it("no key-position staff: no share (an honest 'no data', not 0% or 100%)", () => {
    expect(coverage([], END_OF_NOVEMBER)).toEqual({ trained: 0, total: 0, share: null });
  });

  it("by region: province, city, county", () => {
    expect(coverageBy(staff, END_OF_NOVEMBER, regionAt.province)).toEqual(new Map([["510000", { trained: 3, total: 5, share: 0.6 }]]));
    expect(coverageBy(staff, END_OF_NOVEMBER, regionAt.city)).toEqual(
      new Map([
        ["510400", { trained: 2, total: 3, share: 2 / 3 }],
        ["510100", { trained: 1, total: 2, share: 0.5 }],
      ]),
    );
    expect(coverageBy(staff, END_OF_NOVEMBER, regionAt.county)).toEqual(
      new Map([
        ["510402", { trained: 1, total: 2, share: 0.5 }],
        ["510411", { trained: 1, total: 1, share: 1 }],
        ["510104", { trained: 1, total: 2, share: 0.5 }],
      ]),
    );
  });

  it("by position and by industry", () => {
    expect(coverageBy(staff, END_OF_NOVEMBER, (p) => p.positionCode)).toEqual(
      new Map([
        ["TEAM_LEADER", { trained: 2, total: 3, share: 2 / 3 }],
        ["SAFETY_EXECUTIVE", { trained: 0, total: 1, share: 0 }],
        ["SAFETY_DEPT_HEAD", { trained: 1, total: 1, share: 1 }],
      ]),
    );
    expect(coverageBy(staff, END_OF_NOVEMBER, (p) => p.industryCode)).toEqual(
      new Map([
        ["HAZCHEM", { trained: 1, total: 2, share: 0.5 }],
        ["VANADIUM_TITANIUM", { trained: 1, total: 1, share: 1 }],
        ["CONSTRUCTION", { trained: 1, total: 2, share: 0.5 }],
      ]),
    );
  });

  it("the monthly trend counts the roster of each month's end: hires, leavers and training dates", () => {
    const trend = monthlyTrend(staff, d("2026-01-01T00:00:00+08:00"), END_OF_NOVEMBER);
    expect(trend).toHaveLength(11);
    const at = (month: number) => trend[month - 1]!.figure;
    expect(at(1)).toEqual({ trained: 0, total: 6, share: 0 }); // p3 still on the roster; nobody trained yet
    expect(at(3)).toEqual({ trained: 1, total: 6, share: 1 / 6 }); // p1 trained on 10 March
    expect(at(5)).toEqual({ trained: 2, total: 6, share: 2 / 6 }); // p9 on 1 May
    expect(at(6)).toEqual({ trained: 2, total: 5, share: 0.4 }); // p3 left on 1 June
    expect(at(11)).toEqual({ trained: 3, total: 5, share: 0.6 }); // p4 on 20 November
  });

  it("month ends fall on the last instant of each month in Beijing time", () => {
    const ends = monthEnds(d("2026-01-15T00:00:00+08:00"), d("2026-03-10T00:00:00+08:00"));
    expect(ends.map((e) => e.toISOString())).toEqual(["2026-01-31T15:59:59.999Z", "2026-02-28T15:59:59.999Z", "2026-03-09T16:00:00.000Z"]);
  });

  it("the target line: each year's milestone, the final target in and after the last year", () => {
    const period = { endYear: 2030, coverageTarget: 1, milestones: [2026, 2027, 2028, 2029].map((year, i) => ({ year, coverageTarget: 0.2 * (i + 1) })) };
    expect(targetAt(period, 2026)).toBeCloseTo(0.2);
    expect(targetAt(period, 2029)).toBeCloseTo(0.8);
    expect(targetAt(period, 2030)).toBe(1);
    expect(targetAt(period, 2031)).toBe(1);
    expect(targetAt(period, 2025)).toBeNull();
  });
});
