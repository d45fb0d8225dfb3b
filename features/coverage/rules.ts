// Coverage of key-position staff (DOMAIN.md, "Key positions and coverage"): for a plan period, the
// key-position staff who completed their required training ÷ the key-position staff on the rosters of key
// enterprises in key industries. The denominator is the roster, not the enrolments. Pure functions over
// facts the data layer loads; the same functions serve the headline, every breakdown and the trend.

/** One person on an enterprise roster, as coverage sees them. */
export type RosterFact = {
  id: string;
  enterpriseId: string;
  /** County code of the enterprise (6 digits); province and city are its prefixes. */
  regionCode: string;
  industryCode: string;
  positionCode: string | null;
  /** The enterprise is a key enterprise of the period. */
  keyEnterprise: boolean;
  /** The enterprise's industry is a key industry of the period. */
  keyIndustry: boolean;
  /** The position is a key position of the period. */
  keyPosition: boolean;
  /** On the roster from (hire date, or the import) … */
  onRosterFrom: Date;
  /** … until they left (null: still there). Leavers leave the denominator from that day. */
  leftAt: Date | null;
  /** When their required training was completed (null: not yet). */
  trainedAt: Date | null;
  /**
   * The course families of their required training, each with when that family's required courses were
   * all completed (null: not yet), for the breakdown by family. A person may need more than one family.
   */
  families: Record<string, Date | null>;
};

export type Figure = { trained: number; total: number; share: number | null };

/** In the denominator at `asOf`: key position of a key enterprise in a key industry, on the roster then. */
export function inDenominator(p: RosterFact, asOf: Date): boolean {
  if (!p.keyEnterprise || !p.keyIndustry || !p.keyPosition) return false;
  if (p.onRosterFrom.getTime() > asOf.getTime()) return false;
  return p.leftAt === null || p.leftAt.getTime() > asOf.getTime();
}

/** Trained by `asOf` (and counted only while in the denominator). */
export function trainedBy(p: RosterFact, asOf: Date): boolean {
  return p.trainedAt !== null && p.trainedAt.getTime() <= asOf.getTime();
}

const figure = (trained: number, total: number): Figure => ({ trained, total, share: total === 0 ? null : trained / total });

/** The headline: trained ÷ key-position staff on the rosters at `asOf`. No staff: share null ("no data"). */
export function coverage(staff: Iterable<RosterFact>, asOf: Date): Figure {
  let total = 0;
  let trained = 0;
  for (const p of staff) {
    if (!inDenominator(p, asOf)) continue;
    total++;
    if (trainedBy(p, asOf)) trained++;
  }
  return figure(trained, total);
}

/** The same figure per group (region, industry, position, family, enterprise), groups with staff only. */
export function coverageBy(staff: Iterable<RosterFact>, asOf: Date, groupOf: (p: RosterFact) => string | null): Map<string, Figure> {
  const counts = new Map<string, { trained: number; total: number }>();
  for (const p of staff) {
    if (!inDenominator(p, asOf)) continue;
    const key = groupOf(p) ?? "";
    const c = counts.get(key) ?? { trained: 0, total: 0 };
    c.total++;
    if (trainedBy(p, asOf)) c.trained++;
    counts.set(key, c);
  }
  return new Map([...counts].map(([k, c]) => [k, figure(c.trained, c.total)]));
}

/**
 * The figure per course family: of the people in the denominator whose required training includes a
 * family, how many completed that family's courses.
 */
export function coverageByFamily(staff: Iterable<RosterFact>, asOf: Date): Map<string, Figure> {
  const counts = new Map<string, { trained: number; total: number }>();
  for (const p of staff) {
    if (!inDenominator(p, asOf)) continue;
    for (const [family, at] of Object.entries(p.families)) {
      const c = counts.get(family) ?? { trained: 0, total: 0 };
      c.total++;
      if (at !== null && at.getTime() <= asOf.getTime()) c.trained++;
      counts.set(family, c);
    }
  }
  return new Map([...counts].map(([k, c]) => [k, figure(c.trained, c.total)]));
}

/** Region levels of a county code (GB/T 2260): its province (2 digits + 0000), city (4 + 00), county. */
export const regionAt = {
  province: (p: RosterFact) => `${p.regionCode.slice(0, 2)}0000`,
  city: (p: RosterFact) => `${p.regionCode.slice(0, 4)}00`,
  county: (p: RosterFact) => p.regionCode,
} as const;

/** Last moment of each month from `from` to `to` (UTC+8, the regulators' calendar), for the trend. */
export function monthEnds(from: Date, to: Date): Date[] {
  const SHANGHAI = 8 * 3600_000;
  const start = new Date(from.getTime() + SHANGHAI);
  const out: Date[] = [];
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  for (;;) {
    // The first instant of the next month in Shanghai, minus 1 ms, back in UTC.
    const end = new Date(Date.UTC(y, m + 1, 1) - SHANGHAI - 1);
    if (end.getTime() >= to.getTime()) {
      out.push(to);
      break;
    }
    out.push(end);
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return out;
}

/** Coverage at the end of each month (the trend line). */
export function monthlyTrend(staff: RosterFact[], from: Date, to: Date): { at: Date; figure: Figure }[] {
  return monthEnds(from, to).map((at) => ({ at, figure: coverage(staff, at) }));
}

/**
 * The target at a moment: the milestone of that year (data, per plan period), or the period's final
 * target in and after its last year.
 */
export function targetAt(period: { endYear: number; coverageTarget: number; milestones: { year: number; coverageTarget: number }[] }, year: number): number | null {
  if (year >= period.endYear) return period.coverageTarget;
  return period.milestones.find((m) => m.year === year)?.coverageTarget ?? null;
}
