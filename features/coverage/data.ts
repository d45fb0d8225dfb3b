// The coverage report of a region for a plan period (issue 6; DOMAIN.md "Key positions and coverage"):
// loads the roster facts of the region's key enterprises and hands them to the pure rules in ./rules.ts,
// which compute the headline, every breakdown and the trend the same way.
//
// Rule "completed their required training": a person's required training is every course the assignment
// rules (features/learning/rules.ts, matchesAudience) give them as key-position staff of a key enterprise
// of the period; they are trained when each of those courses was completed within the period (from
// 1 January of its first year), at the latest of those completions. Someone no course is assigned to
// is not trained (and is listed for follow-up like anyone untrained).
import "server-only";
import { activeCourses, coursesMatching } from "@/features/learning/data";
import { satisfactionHeadline } from "@/features/surveys/report";
import { chunks } from "@/lib/chunks";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { maskMobile, regionLevel, regionPrefix } from "@/lib/identifiers";
import { canAccessRegion } from "@/lib/scope";
import type { SessionUser } from "@/lib/session";
import { coverage, coverageBy, coverageByFamily, inDenominator, monthlyTrend, trainedBy, targetAt, type Figure, type RosterFact } from "./rules";

/** Days a learner counts as active after their last credited learning. */
export const ACTIVE_DAYS = 30;

const SHANGHAI = "+08:00";
export const periodStart = (year: number) => new Date(`${year}-01-01T00:00:00${SHANGHAI}`);
export const periodEnd = (year: number) => new Date(new Date(`${year + 1}-01-01T00:00:00${SHANGHAI}`).getTime() - 1);

// SQLite through Prisma allows 999 bound values a query: id lists stay well below.
const CHUNK = 500;


/** The plan period asked for, or the one in force (the latest otherwise). */
async function periodOf(periodId: string | undefined, now: Date) {
  const select = {
    id: true,
    name: true,
    nameEn: true,
    startYear: true,
    endYear: true,
    coverageTarget: true,
    satisfactionTarget: true,
    positions: { select: { positionCode: true } },
    industries: { select: { industryCode: true } },
    milestones: { select: { year: true, coverageTarget: true }, orderBy: { year: "asc" as const } },
  };
  const year = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  const period = periodId
    ? await db.planPeriod.findUnique({ where: { id: periodId }, select })
    : ((await db.planPeriod.findFirst({ where: { startYear: { lte: year }, endYear: { gte: year } }, select })) ??
      (await db.planPeriod.findFirst({ orderBy: { endYear: "desc" }, select })));
  if (!period) throw notFound("errors.noPlanPeriod");
  return period;
}

export type CoverageQuery = { regionCode: string; periodId?: string };

/** Everything the dashboard, its tables, the exports and the data feed show, for one region and period. */
export async function coverageReport(user: SessionUser, query: CoverageQuery, now = new Date()) {
  if (!canAccessRegion(user, query.regionCode)) throw forbidden();
  const region = await db.region.findUnique({ where: { code: query.regionCode }, select: { code: true, name: true, level: true, parentCode: true } });
  if (!region) throw notFound();
  const period = await periodOf(query.periodId, now);
  const from = periodStart(period.startYear);
  const asOf = new Date(Math.min(now.getTime(), periodEnd(period.endYear).getTime()));
  const keyPositions = new Set(period.positions.map((p) => p.positionCode));
  const keyIndustries = new Set(period.industries.map((i) => i.industryCode));
  const prefix = regionPrefix(region.code);

  const [enterprises, courses, regions, industries, positions, periods] = await Promise.all([
    db.enterprise.findMany({
      where: { regionCode: { startsWith: prefix } },
      select: { id: true, name: true, creditCode: true, regionCode: true, industryCode: true, keyDesignations: { where: { periodId: period.id }, select: { periodId: true } } },
      orderBy: [{ regionCode: "asc" }, { name: "asc" }],
    }),
    activeCourses(),
    db.region.findMany({ where: { code: { startsWith: prefix } }, select: { code: true, name: true, level: true, parentCode: true } }),
    db.industry.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, name: true, nameEn: true } }),
    db.positionCategory.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, name: true, nameEn: true } }),
    db.planPeriod.findMany({ orderBy: { startYear: "asc" }, select: { id: true, name: true } }),
  ]);
  const familyOf = new Map(courses.map((c) => [c.id, c.family as string]));
  // The enterprises whose key-position staff form the denominator.
  const inScope = enterprises.filter((e) => e.keyDesignations.length > 0 && keyIndustries.has(e.industryCode));
  const enterpriseById = new Map(enterprises.map((e) => [e.id, e]));

  // Required courses per (enterprise, position): the same for everyone in the group.
  const required = new Map<string, string[]>();
  const requiredOf = (enterpriseId: string, positionCode: string) => {
    const key = `${enterpriseId}|${positionCode}`;
    let ids = required.get(key);
    if (!ids) {
      const e = enterpriseById.get(enterpriseId)!;
      ids = coursesMatching(courses, {
        industryCode: e.industryCode,
        enterpriseCreditCode: e.creditCode,
        isKeyEnterprise: true,
        periodKeyPositions: [...keyPositions],
        positionCode,
        isSchoolStudent: false,
      }).map((c) => c.id);
      required.set(key, ids);
    }
    return ids;
  };

  const people: { id: string; name: string; mobile: string; enterpriseId: string; positionCode: string; hiredOn: Date | null; leftOn: Date | null; createdAt: Date }[] = [];
  const done = new Map<string, Map<string, Date>>();
  for (const part of chunks(inScope.map((e) => e.id), CHUNK)) {
    const [staff, completions] = await Promise.all([
      db.user.findMany({
        where: { enterpriseId: { in: part }, role: "LEARNER", positionCode: { in: [...keyPositions] } },
        select: { id: true, name: true, mobile: true, enterpriseId: true, positionCode: true, hiredOn: true, leftOn: true, createdAt: true },
      }),
      db.courseCompletion.findMany({
        where: { completedAt: { gte: from, lte: asOf }, user: { enterpriseId: { in: part }, role: "LEARNER" } },
        select: { userId: true, courseId: true, completedAt: true },
      }),
    ]);
    for (const s of staff) people.push({ ...s, enterpriseId: s.enterpriseId!, positionCode: s.positionCode! });
    for (const c of completions) {
      let m = done.get(c.userId);
      if (!m) done.set(c.userId, (m = new Map()));
      m.set(c.courseId, c.completedAt);
    }
  }

  const latest = (ids: string[], mine: Map<string, Date> | undefined): Date | null => {
    if (ids.length === 0 || !mine) return null;
    let at = 0;
    for (const id of ids) {
      const d = mine.get(id);
      if (!d) return null;
      at = Math.max(at, d.getTime());
    }
    return new Date(at);
  };

  const facts: (RosterFact & { name: string; mobile: string })[] = people.map((p) => {
    const e = enterpriseById.get(p.enterpriseId)!;
    const ids = requiredOf(p.enterpriseId, p.positionCode);
    const mine = done.get(p.id);
    const byFamily = new Map<string, string[]>();
    for (const id of ids) byFamily.set(familyOf.get(id)!, [...(byFamily.get(familyOf.get(id)!) ?? []), id]);
    return {
      id: p.id,
      name: p.name,
      mobile: p.mobile,
      enterpriseId: p.enterpriseId,
      regionCode: e.regionCode,
      industryCode: e.industryCode,
      positionCode: p.positionCode,
      keyEnterprise: true,
      keyIndustry: true,
      keyPosition: true,
      onRosterFrom: p.hiredOn ?? p.createdAt,
      leftAt: p.leftOn,
      trainedAt: latest(ids, mine),
      families: Object.fromEntries([...byFamily].map(([f, fids]) => [f, latest(fids, mine)])),
    };
  });

  const year = Number(new Date(asOf.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  const target = targetAt(period, year);
  const headline = coverage(facts, asOf);

  // The next level down: cities of a province, counties of a city, enterprises of a county.
  const level = regionLevel(region.code);
  const childRegions = regions.filter((r) => r.parentCode === region.code).sort((a, b) => a.code.localeCompare(b.code));
  const childOf = (code: string) => (level === "PROVINCE" ? `${code.slice(0, 4)}00` : code);
  const byChildRegion = level === "COUNTY" ? new Map<string, Figure>() : coverageBy(facts, asOf, (p) => childOf(p.regionCode));
  const byEnterprise = coverageBy(facts, asOf, (p) => p.enterpriseId);
  const byIndustry = coverageBy(facts, asOf, (p) => p.industryCode);
  const byPosition = coverageBy(facts, asOf, (p) => p.positionCode);
  const byFamily = coverageByFamily(facts, asOf);
  const none: Figure = { trained: 0, total: 0, share: null };
  const regionName = new Map(regions.map((r) => [r.code, r.name]));

  const enterpriseRows = inScope.map((e) => ({
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    regionCode: e.regionCode,
    regionName: regionName.get(e.regionCode) ?? e.regionCode,
    industryCode: e.industryCode,
    industryName: industries.find((i) => i.code === e.industryCode)?.name ?? e.industryCode,
    ...(byEnterprise.get(e.id) ?? none),
  }));

  const untrained = facts
    .filter((p) => inDenominator(p, asOf) && !trainedBy(p, asOf))
    .map((p) => ({
      id: p.id,
      name: p.name,
      mobile: maskMobile(p.mobile),
      enterpriseId: p.enterpriseId,
      enterpriseName: enterpriseById.get(p.enterpriseId)!.name,
      regionName: regionName.get(p.regionCode) ?? p.regionCode,
      positionCode: p.positionCode!,
      positionName: positions.find((x) => x.code === p.positionCode)?.name ?? p.positionCode!,
      noCourse: requiredOf(p.enterpriseId, p.positionCode!).length === 0,
    }))
    .sort((a, b) => a.regionName.localeCompare(b.regionName, "zh-CN") || a.enterpriseName.localeCompare(b.enterpriseName, "zh-CN") || a.name.localeCompare(b.name, "zh-CN"));

  const [hours, active, sat] = await Promise.all([classHoursDelivered(prefix, from, asOf), activeLearners(prefix, asOf), satisfactionHeadline(user, region.code, year)]);

  return {
    region: { ...region, levelName: level },
    period: { id: period.id, name: period.name, nameEn: period.nameEn, startYear: period.startYear, endYear: period.endYear, coverageTarget: period.coverageTarget, satisfactionTarget: period.satisfactionTarget },
    periods,
    asOf,
    year,
    target,
    headline,
    /** Satisfaction of the report's year (issue 7, features/surveys/report.ts): average null without valid questionnaires. */
    satisfaction: { average: sat.average, respondents: sat.respondents, satisfiedShare: sat.satisfiedShare, target: sat.target, year: sat.year } as {
      average: number | null;
      respondents: number;
      satisfiedShare: number | null;
      target: number;
      year: number;
    },
    classHours: hours,
    activeLearners: active,
    keyEnterprises: inScope.length,
    enterprisesWithoutRoster: enterpriseRows.filter((e) => e.total === 0).length,
    byRegion:
      level === "COUNTY"
        ? []
        : childRegions.map((r) => ({ code: r.code, name: r.name, ...(byChildRegion.get(r.code) ?? none) })),
    byIndustry: industries.filter((i) => byIndustry.has(i.code)).map((i) => ({ code: i.code, name: i.name, nameEn: i.nameEn, ...byIndustry.get(i.code)! })),
    byPosition: positions.filter((p) => byPosition.has(p.code)).map((p) => ({ code: p.code, name: p.name, nameEn: p.nameEn, ...byPosition.get(p.code)! })),
    byFamily: [...byFamily].map(([code, f]) => ({ code, ...f })).sort((a, b) => a.code.localeCompare(b.code)),
    enterprises: enterpriseRows,
    belowTarget: enterpriseRows.filter((e) => target !== null && (e.share === null || e.share < target)),
    untrained,
    trend: monthlyTrend(facts, from, asOf).map(({ at, figure }) => ({
      month: new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7),
      ...figure,
      target: targetAt(period, Number(new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 4))),
    })),
  };
}

export type CoverageReport = Awaited<ReturnType<typeof coverageReport>>;

/**
 * Class hours delivered in the region during the period: credited learning of enterprise staff and school
 * students there, in each course's own class hours (minutes per class hour differ by course).
 */
async function classHoursDelivered(prefix: string, from: Date, asOf: Date): Promise<number> {
  const where = {
    createdAt: { gte: from, lte: asOf },
    user: { OR: [{ enterprise: { regionCode: { startsWith: prefix } } }, { school: { regionCode: { startsWith: prefix } } }] },
  };
  const [sums, courses] = await Promise.all([
    db.lessonProgress.groupBy({ by: ["courseId"], where, _sum: { creditedSeconds: true } }),
    db.course.findMany({ select: { id: true, minutesPerClassHour: true } }),
  ]);
  const minutes = new Map(courses.map((c) => [c.id, c.minutesPerClassHour]));
  const hours = sums.reduce((n, s) => n + (s._sum.creditedSeconds ?? 0) / 60 / (minutes.get(s.courseId) ?? 45), 0);
  return Math.round(hours * 10) / 10;
}

/** Learners in the region credited with learning in the last ACTIVE_DAYS days before `asOf`. */
async function activeLearners(prefix: string, asOf: Date): Promise<number> {
  return db.learningClock.count({
    where: {
      creditedUntil: { gte: new Date(asOf.getTime() - ACTIVE_DAYS * 86_400_000), lte: new Date(asOf.getTime() + 60_000) },
      user: { OR: [{ enterprise: { regionCode: { startsWith: prefix } } }, { school: { regionCode: { startsWith: prefix } } }] },
    },
  });
}
