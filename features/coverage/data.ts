// The coverage report of a region for a plan period (issue 6; DOMAIN.md "Key positions and coverage").
//
// Two ways to the same figures:
// - `coverageReportRaw`: loads the roster facts of every key enterprise of the region and hands them to
//   the pure rules in ./rules.ts (the reference; the fast path is tested against it field by field);
// - `coverageReport`: the dashboard, the exports and the data feed. It sums the per-enterprise rollup
//   rows of ./rollup.ts (recomputing first, with the same rules, the enterprises whose facts changed),
//   and pages the untrained list instead of building it (issue 8: a province has a million staff).
//
// Rule "completed their required training": a person's required training is every course the assignment
// rules (features/learning/rules.ts, matchesAudience) give them as key-position staff of a key enterprise
// of the period; they are trained when each of those courses was completed within the period (from
// 1 January of its first year), at the latest of those completions. Someone no course is assigned to
// is not trained (and is listed for follow-up like anyone untrained).
import "server-only";
import { createHash } from "node:crypto";
import { activeCourses, coursesMatching } from "@/features/learning/data";
import { satisfactionHeadline } from "@/features/surveys/report";
import { chunks } from "@/lib/chunks";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { maskMobile, regionLevel, regionPrefix } from "@/lib/identifiers";
import { canAccessRegion } from "@/lib/scope";
import type { SessionUser } from "@/lib/session";
import { coverage, coverageBy, coverageByFamily, inDenominator, monthlyTrend, trainedBy, targetAt, type Figure, type RosterFact } from "./rules";
import * as rollup from "./rollup";

/** Days a learner counts as active after their last credited learning. */
export const ACTIVE_DAYS = 30;

const SHANGHAI = "+08:00";
export const periodStart = (year: number) => new Date(`${year}-01-01T00:00:00${SHANGHAI}`);
export const periodEnd = (year: number) => new Date(new Date(`${year + 1}-01-01T00:00:00${SHANGHAI}`).getTime() - 1);
/** The month (YYYY-MM) of an instant in Beijing time. */
export const monthOf = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

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

/** An enterprise as the coverage rules see it. */
export type ScopeEnterprise = { id: string; regionCode: string; industryCode: string; creditCode: string };

/**
 * Everything a coverage computation of a region and period starts from, after the access check: the
 * region, the period, the moment counted (`asOf`: now, or the period's last moment once it is over),
 * the courses and the reference lists. `fingerprint` names what the rules depend on besides each
 * enterprise's own facts (the period's start, key positions and industries, the courses' assignment
 * rules and families): a rollup row computed under another fingerprint is recomputed.
 */
export async function coverageContext(user: SessionUser, query: CoverageQuery, now = new Date()) {
  if (!canAccessRegion(user, query.regionCode)) throw forbidden();
  const region = await db.region.findUnique({ where: { code: query.regionCode }, select: { code: true, name: true, level: true, parentCode: true } });
  if (!region) throw notFound();
  const prefix = regionPrefix(region.code);
  const [period, courses, regions, industries, positions, periods] = await Promise.all([
    periodOf(query.periodId, now),
    activeCourses(),
    db.region.findMany({ where: { code: { startsWith: prefix } }, select: { code: true, name: true, level: true, parentCode: true } }),
    db.industry.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, name: true, nameEn: true } }),
    db.positionCategory.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, name: true, nameEn: true } }),
    db.planPeriod.findMany({ orderBy: { startYear: "asc" }, select: { id: true, name: true } }),
  ]);
  const from = periodStart(period.startYear);
  const asOf = new Date(Math.min(now.getTime(), periodEnd(period.endYear).getTime()));
  const keyPositions = [...new Set(period.positions.map((p) => p.positionCode))].sort();
  const keyIndustries = [...new Set(period.industries.map((i) => i.industryCode))].sort();
  const fingerprint = createHash("sha256")
    .update(
      JSON.stringify({
        from: from.toISOString(),
        keyPositions,
        keyIndustries,
        courses: courses.map((c) => [c.id, c.family, c.audience]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      }),
    )
    .digest("hex")
    .slice(0, 32);
  const year = Number(new Date(asOf.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  return {
    region: { ...region, levelName: regionLevel(region.code) },
    prefix,
    period,
    periods,
    from,
    asOf,
    year,
    keyPositions,
    keyIndustries,
    courses,
    familyOf: new Map(courses.map((c) => [c.id, c.family as string])),
    regions,
    regionName: new Map(regions.map((r) => [r.code, r.name])),
    industries,
    positions,
    fingerprint,
    /** Required course ids per (industry, credit code, position): the same for everyone in the group. */
    required: new Map<string, string[]>(),
  };
}
export type CoverageContext = Awaited<ReturnType<typeof coverageContext>>;

/** The courses a key-position person of a key enterprise must complete (features/learning/rules.ts). */
export function requiredOf(ctx: CoverageContext, e: Pick<ScopeEnterprise, "industryCode" | "creditCode">, positionCode: string): string[] {
  const key = `${e.industryCode}|${e.creditCode}|${positionCode}`;
  let ids = ctx.required.get(key);
  if (!ids) {
    ids = coursesMatching(ctx.courses, {
      industryCode: e.industryCode,
      enterpriseCreditCode: e.creditCode,
      isKeyEnterprise: true,
      periodKeyPositions: ctx.keyPositions,
      positionCode,
      isSchoolStudent: false,
    }).map((c) => c.id);
    ctx.required.set(key, ids);
  }
  return ids;
}

export type PersonFact = RosterFact & { name: string; mobile: string; noCourse: boolean };

/**
 * The roster facts of the key-position staff of some enterprises (all treated as key enterprises of
 * the period), counted at `asOf`, and per enterprise every instant at which a figure of it can change
 * by time alone (hire dates, leaving dates, completions in the period, later ones included).
 */
export async function rosterFacts(ctx: CoverageContext, enterprises: ScopeEnterprise[], asOf: Date) {
  const enterpriseById = new Map(enterprises.map((e) => [e.id, e]));
  const people: { id: string; name: string; mobile: string; enterpriseId: string; positionCode: string; hiredOn: Date | null; leftOn: Date | null; createdAt: Date }[] = [];
  const done = new Map<string, Map<string, Date>>();
  const later = new Map<string, number[]>();
  for (const part of chunks(enterprises.map((e) => e.id), CHUNK)) {
    const staff = await db.user.findMany({
      where: { enterpriseId: { in: part }, role: "LEARNER", positionCode: { in: ctx.keyPositions } },
      select: { id: true, name: true, mobile: true, enterpriseId: true, positionCode: true, hiredOn: true, leftOn: true, createdAt: true },
    });
    for (const s of staff) people.push({ ...s, enterpriseId: s.enterpriseId!, positionCode: s.positionCode! });
    // Their completions by user id (the completions' primary key leads with it): a page of the untrained
    // list reads a few enterprises' completions, not a scan of the table.
    const completions = (
      await Promise.all(
        chunks(staff.map((s) => s.id), CHUNK).map((ids) =>
          db.courseCompletion.findMany({ where: { userId: { in: ids }, completedAt: { gte: ctx.from } }, select: { userId: true, courseId: true, completedAt: true } }),
        ),
      )
    ).flat();
    for (const c of completions) {
      if (c.completedAt.getTime() > asOf.getTime()) {
        // Not yet counted; when that moment comes, the figure may change.
        const l = later.get(c.userId) ?? [];
        l.push(c.completedAt.getTime());
        later.set(c.userId, l);
        continue;
      }
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

  const events = new Map<string, number[]>(enterprises.map((e) => [e.id, []]));
  const facts: PersonFact[] = people.map((p) => {
    const e = enterpriseById.get(p.enterpriseId)!;
    const ids = requiredOf(ctx, e, p.positionCode);
    const mine = done.get(p.id);
    const byFamily = new Map<string, string[]>();
    for (const id of ids) byFamily.set(ctx.familyOf.get(id)!, [...(byFamily.get(ctx.familyOf.get(id)!) ?? []), id]);
    const onRosterFrom = p.hiredOn ?? p.createdAt;
    const ev = events.get(p.enterpriseId)!;
    ev.push(onRosterFrom.getTime());
    if (p.leftOn) ev.push(p.leftOn.getTime());
    for (const d of mine?.values() ?? []) ev.push(d.getTime());
    for (const t of later.get(p.id) ?? []) ev.push(t);
    return {
      id: p.id,
      name: p.name,
      mobile: p.mobile,
      noCourse: ids.length === 0,
      enterpriseId: p.enterpriseId,
      regionCode: e.regionCode,
      industryCode: e.industryCode,
      positionCode: p.positionCode,
      keyEnterprise: true,
      keyIndustry: true,
      keyPosition: true,
      onRosterFrom,
      leftAt: p.leftOn,
      trainedAt: latest(ids, mine),
      families: Object.fromEntries([...byFamily].map(([f, fids]) => [f, latest(fids, mine)])),
    };
  });
  return { facts, events };
}

/** The key enterprises of the period in a key industry, in the region, ordered by county and name. */
export async function scopeEnterprises(ctx: CoverageContext) {
  return db.enterprise.findMany({
    where: { regionCode: { startsWith: ctx.prefix }, industryCode: { in: ctx.keyIndustries }, keyDesignations: { some: { periodId: ctx.period.id } } },
    select: { id: true, name: true, creditCode: true, regionCode: true, industryCode: true },
    orderBy: [{ regionCode: "asc" }, { name: "asc" }],
  });
}

export type UntrainedRow = {
  id: string;
  name: string;
  mobile: string;
  enterpriseId: string;
  enterpriseName: string;
  regionName: string;
  positionCode: string;
  positionName: string;
  noCourse: boolean;
};

const zh = new Intl.Collator("zh-CN");
/** The untrained list's order: county name, enterprise name, person name (pinyin order). */
export const untrainedOrder = (a: UntrainedRow, b: UntrainedRow) =>
  zh.compare(a.regionName, b.regionName) || zh.compare(a.enterpriseName, b.enterpriseName) || zh.compare(a.name, b.name);

/** The untrained people among facts counted at `asOf`, as the list shows them (not yet ordered). */
export function untrainedRows(ctx: CoverageContext, facts: PersonFact[], enterpriseName: Map<string, string>, asOf: Date): UntrainedRow[] {
  return facts
    .filter((p) => inDenominator(p, asOf) && !trainedBy(p, asOf))
    .map((p) => ({
      id: p.id,
      name: p.name,
      mobile: maskMobile(p.mobile),
      enterpriseId: p.enterpriseId,
      enterpriseName: enterpriseName.get(p.enterpriseId)!,
      regionName: ctx.regionName.get(p.regionCode) ?? p.regionCode,
      positionCode: p.positionCode!,
      positionName: ctx.positions.find((x) => x.code === p.positionCode)?.name ?? p.positionCode!,
      noCourse: p.noCourse,
    }));
}

const none: Figure = { trained: 0, total: 0, share: null };

/** The report from its figures, the same shape whichever way they were computed. */
async function assemble(
  user: SessionUser,
  ctx: CoverageContext,
  f: {
    headline: Figure;
    byChildRegion: Map<string, Figure>;
    byIndustry: Map<string, Figure>;
    byPosition: Map<string, Figure>;
    byFamily: Map<string, Figure>;
    byEnterprise: Map<string, Figure>;
    enterprises: Awaited<ReturnType<typeof scopeEnterprises>>;
    trend: { at: Date; figure: Figure }[];
    untrained: UntrainedRow[];
    untrainedTotal: number;
    untrainedPage: { page: number; pageSize: number };
  },
) {
  const { region, period, asOf, year } = ctx;
  const target = targetAt(period, year);
  const level = region.levelName;
  const childRegions = ctx.regions.filter((r) => r.parentCode === region.code).sort((a, b) => a.code.localeCompare(b.code));
  const enterpriseRows = f.enterprises.map((e) => ({
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    regionCode: e.regionCode,
    regionName: ctx.regionName.get(e.regionCode) ?? e.regionCode,
    industryCode: e.industryCode,
    industryName: ctx.industries.find((i) => i.code === e.industryCode)?.name ?? e.industryCode,
    ...(f.byEnterprise.get(e.id) ?? none),
  }));
  const [hours, active, sat] = await Promise.all([classHoursDelivered(ctx.prefix, ctx.from, asOf), activeLearners(ctx.prefix, asOf), satisfactionHeadline(user, region.code, year)]);
  return {
    region,
    period: { id: period.id, name: period.name, nameEn: period.nameEn, startYear: period.startYear, endYear: period.endYear, coverageTarget: period.coverageTarget, satisfactionTarget: period.satisfactionTarget },
    periods: ctx.periods,
    asOf,
    year,
    target,
    headline: f.headline,
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
    keyEnterprises: f.enterprises.length,
    enterprisesWithoutRoster: enterpriseRows.filter((e) => e.total === 0).length,
    byRegion: level === "COUNTY" ? [] : childRegions.map((r) => ({ code: r.code, name: r.name, ...(f.byChildRegion.get(r.code) ?? none) })),
    byIndustry: ctx.industries.filter((i) => f.byIndustry.has(i.code)).map((i) => ({ code: i.code, name: i.name, nameEn: i.nameEn, ...f.byIndustry.get(i.code)! })),
    byPosition: ctx.positions.filter((p) => f.byPosition.has(p.code)).map((p) => ({ code: p.code, name: p.name, nameEn: p.nameEn, ...f.byPosition.get(p.code)! })),
    byFamily: [...f.byFamily].map(([code, x]) => ({ code, ...x })).sort((a, b) => a.code.localeCompare(b.code)),
    enterprises: enterpriseRows,
    belowTarget: enterpriseRows.filter((e) => target !== null && (e.share === null || e.share < target)),
    /** The requested page of the untrained list (all of it for the raw report and the xlsx export). */
    untrained: f.untrained,
    untrainedTotal: f.untrainedTotal,
    untrainedPage: f.untrainedPage,
    trend: f.trend.map(({ at, figure }) => ({ month: monthOf(at), ...figure, target: targetAt(period, Number(monthOf(at).slice(0, 4))) })),
  };
}

/** The child region a county belongs to in the breakdown: cities of a province, counties of a city. */
export const childRegionOf = (ctx: CoverageContext, county: string) => (ctx.region.levelName === "PROVINCE" ? `${county.slice(0, 4)}00` : county);

/**
 * The reference computation: every key-position person of the region's key enterprises in memory,
 * through the rules of ./rules.ts. At a million staff this takes seconds and a gigabyte; the fast path
 * (`coverageReport`) must give the same figures.
 */
export async function coverageReportRaw(user: SessionUser, query: CoverageQuery, now = new Date()) {
  const ctx = await coverageContext(user, query, now);
  const { asOf } = ctx;
  const inScope = await scopeEnterprises(ctx);
  const { facts } = await rosterFacts(ctx, inScope, asOf);
  const level = ctx.region.levelName;
  const untrained = untrainedRows(ctx, facts, new Map(inScope.map((e) => [e.id, e.name])), asOf).sort(untrainedOrder);
  return assemble(user, ctx, {
    headline: coverage(facts, asOf),
    byChildRegion: level === "COUNTY" ? new Map() : coverageBy(facts, asOf, (p) => childRegionOf(ctx, p.regionCode)),
    byIndustry: coverageBy(facts, asOf, (p) => p.industryCode),
    byPosition: coverageBy(facts, asOf, (p) => p.positionCode),
    byFamily: coverageByFamily(facts, asOf),
    byEnterprise: coverageBy(facts, asOf, (p) => p.enterpriseId),
    enterprises: inScope,
    trend: monthlyTrend(facts, ctx.from, asOf),
    untrained,
    untrainedTotal: untrained.length,
    untrainedPage: { page: 1, pageSize: Math.max(1, untrained.length) },
  });
}

export type UntrainedRequest = "all" | { page: number; pageSize: number };
export const UNTRAINED_PAGE_SIZE = 50;

/**
 * Everything the dashboard, its tables, the exports and the data feed show, for one region and period,
 * from the rollup (./rollup.ts). The untrained list comes as one page (`untrained`: a page number from 1
 * and its size; "all" for the xlsx export); `untrainedTotal` counts all of it.
 */
export async function coverageReport(user: SessionUser, query: CoverageQuery, now = new Date(), opts: { untrained?: UntrainedRequest } = {}) {
  const ctx = await coverageContext(user, query, now);
  await rollup.refresh(ctx);
  const request = opts.untrained ?? { page: 1, pageSize: UNTRAINED_PAGE_SIZE };
  const [headline, byChildRegion, byIndustry, byPosition, byFamily, enterprises, trend, untrained] = await Promise.all([
    rollup.headline(ctx),
    rollup.byChildRegion(ctx),
    rollup.byIndustry(ctx),
    rollup.byPosition(ctx),
    rollup.byFamily(ctx),
    rollup.enterprises(ctx),
    rollup.trend(ctx),
    request === "all" ? rollup.untrainedAll(ctx) : rollup.untrainedPage(ctx, request.page, request.pageSize),
  ]);
  return assemble(user, ctx, {
    headline,
    byChildRegion,
    byIndustry,
    byPosition,
    byFamily,
    byEnterprise: enterprises.figures,
    enterprises: enterprises.rows,
    trend,
    untrained: untrained.rows,
    untrainedTotal: untrained.total,
    untrainedPage: request === "all" ? { page: 1, pageSize: Math.max(1, untrained.total) } : { page: untrained.page, pageSize: request.pageSize },
  });
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

export { classHoursDelivered as _classHoursDelivered, activeLearners as _activeLearners };
