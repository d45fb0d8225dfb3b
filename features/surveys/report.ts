// Satisfaction figures of a region and year (issue 7; DOMAIN.md "Satisfaction (the 85% target)"): the
// headline, the breakdowns by project, survey, course, provider, enterprise, sub-region and month, the
// items and courses below target, and the free-text answers. Only valid questionnaires count; every
// figure comes from the same pure rules (./rules.ts aggregate) over the responses stored with their scores.
import "server-only";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { maskMobile, regionLevel, regionPrefix } from "@/lib/identifiers";
import { canAccessRegion } from "@/lib/scope";
import type { SessionUser } from "@/lib/session";
import { chunks } from "@/lib/chunks";
import { canManageSurvey, parseItems } from "./data";
import { aggregate, aggregateBy, LEVEL_SCORE, SATISFACTION_TARGET, type Level, type Satisfaction, type Scored } from "./rules";

const yearOf = (at: Date) => Number(new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
const monthOf = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
const yearStart = (year: number) => new Date(`${year}-01-01T00:00:00+08:00`);
/** The Beijing calendar day (yyyy-mm-dd): anonymous responses are stored at Beijing midnight, 16:00 UTC the day before. */
const dayOf = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The responses of a region (by code prefix) and Beijing calendar year, valid or not. */
const responsesWhere = (prefix: string, year: number) => ({ regionCode: { startsWith: prefix }, submittedAt: { gte: yearStart(year), lt: yearStart(year + 1) } });

/** The target of the year: the plan period's (seed 000: 85), or the default without one. */
async function periodOfYear(year: number) {
  const period = await db.planPeriod.findFirst({ where: { startYear: { lte: year }, endYear: { gte: year } }, select: { id: true, name: true, satisfactionTarget: true } });
  return { period, target: period?.satisfactionTarget ?? SATISFACTION_TARGET };
}

type Row = Scored & { id: string; surveyId: string; enterpriseId: string | null; regionCode: string; submittedAt: Date; answers: Record<string, string> };

export type SatisfactionQuery = { regionCode: string; year?: number };

/** The figures every satisfaction view and export shows, for one region (in the user's scope) and year. */
export async function satisfactionReport(user: SessionUser, query: SatisfactionQuery, now = new Date()) {
  if (!canAccessRegion(user, query.regionCode)) throw forbidden();
  const region = await db.region.findUnique({ where: { code: query.regionCode }, select: { code: true, name: true, level: true, parentCode: true } });
  if (!region) throw notFound();
  const year = query.year ?? yearOf(now);
  const prefix = regionPrefix(region.code);
  const { period, target } = await periodOfYear(year);

  const stored = await db.surveyResponse.findMany({
    where: responsesWhere(prefix, year),
    select: { id: true, surveyId: true, enterpriseId: true, regionCode: true, submittedAt: true, answers: true, valid: true, score: true, overallLevel: true },
    orderBy: { submittedAt: "asc" },
  });
  const rows: Row[] = stored.map((r) => ({ ...r, level: r.overallLevel as Level | null, answers: (r.answers ?? {}) as Record<string, string> }));

  // The surveys answered, and the projects of the region and year (also those with no answer yet).
  const surveyIds = [...new Set(rows.map((r) => r.surveyId))];
  const surveys = [];
  for (const part of chunks(surveyIds, 500)) {
    surveys.push(
      ...(await db.survey.findMany({
        where: { id: { in: part } },
        select: { id: true, code: true, title: true, target: true, courseId: true, projectId: true, providerId: true, anonymous: true, items: true, session: { select: { title: true } } },
      })),
    );
  }
  const surveyById = new Map(surveys.map((s) => [s.id, { ...s, items: parseItems(s.items) }]));
  const projects = await db.annualProject.findMany({
    where: { OR: [{ id: { in: [...new Set(surveys.flatMap((s) => (s.projectId ? [s.projectId] : [])))] } }, { regionCode: { startsWith: prefix }, year, archivedAt: null }] },
    select: { id: true, name: true, year: true, regionCode: true, providerId: true, satisfactionTarget: true },
    orderBy: { name: "asc" },
  });
  const courseIds = [...new Set(surveys.flatMap((s) => (s.courseId ? [s.courseId] : [])))];
  const providerIds = [...new Set([...surveys.flatMap((s) => (s.providerId ? [s.providerId] : [])), ...projects.flatMap((p) => (p.providerId ? [p.providerId] : []))])];
  const enterpriseIds = [...new Set(rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])))];
  const [courses, providers, regions] = await Promise.all([
    db.course.findMany({ where: { id: { in: courseIds } }, select: { id: true, title: true } }),
    db.user.findMany({ where: { id: { in: providerIds } }, select: { id: true, name: true } }),
    db.region.findMany({ where: { code: { startsWith: prefix } }, select: { code: true, name: true, parentCode: true } }),
  ]);
  const enterprises = new Map<string, { name: string; creditCode: string }>();
  for (const part of chunks(enterpriseIds, 500)) {
    for (const e of await db.enterprise.findMany({ where: { id: { in: part } }, select: { id: true, name: true, creditCode: true } })) enterprises.set(e.id, e);
  }
  const courseTitle = new Map(courses.map((c) => [c.id, c.title]));
  const providerName = new Map(providers.map((p) => [p.id, p.name]));
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const surveyOf = (r: Row) => surveyById.get(r.surveyId)!;

  const headline = aggregate(rows, target);
  const figure = (s: Satisfaction) => ({ respondents: s.respondents, average: s.average, satisfiedShare: s.satisfiedShare, meetsTarget: s.meetsTarget });
  const table = <K extends string, D extends object>(map: Map<K, Satisfaction>, describe: (key: K) => D) =>
    [...map].map(([key, s]) => ({ key, ...describe(key), ...figure(s) })).sort((a, b) => (a.average ?? 101) - (b.average ?? 101));

  // Each project against its own target (seed 000: per annual project).
  const byProject = projects
    .map((p) => {
      const s = aggregate(rows.filter((r) => surveyOf(r).projectId === p.id), p.satisfactionTarget);
      return { key: p.id, name: p.name, year: p.year, regionName: regionName.get(p.regionCode) ?? p.regionCode, providerName: p.providerId ? (providerName.get(p.providerId) ?? "") : "", target: p.satisfactionTarget, ...figure(s) };
    })
    .sort((a, b) => (a.average ?? 101) - (b.average ?? 101));

  const bySurvey = table(aggregateBy(rows, (r) => r.surveyId, target), (id) => {
    const s = surveyById.get(id)!;
    return { name: s.title, code: s.code, target: s.target, courseTitle: s.courseId ? (courseTitle.get(s.courseId) ?? s.courseId) : "", anonymous: s.anonymous };
  });
  const byCourse = table(aggregateBy(rows, (r) => surveyOf(r).courseId, target), (id) => ({ name: courseTitle.get(id) ?? id }));
  const byProvider = table(aggregateBy(rows, (r) => surveyOf(r).providerId, target), (id) => ({ name: providerName.get(id) ?? id }));
  const byEnterprise = table(aggregateBy(rows, (r) => r.enterpriseId, target), (id) => ({ name: enterprises.get(id)?.name ?? id, creditCode: enterprises.get(id)?.creditCode ?? "" }));
  const level = regionLevel(region.code);
  const childOf = (code: string) => (level === "PROVINCE" ? `${code.slice(0, 4)}00` : level === "CITY" ? code : null);
  const byRegion = level === "COUNTY" ? [] : table(aggregateBy(rows, (r) => childOf(r.regionCode), target), (code) => ({ name: regionName.get(code) ?? code }));
  const trend = [...aggregateBy(rows, (r) => monthOf(r.submittedAt), target)].map(([month, s]) => ({ month, ...figure(s), target })).sort((a, b) => a.month.localeCompare(b.month));

  // Per item, over the valid questionnaires that answered it: items of a named dimension are grouped
  // across surveys (every "teacher" item together); other items stand alone.
  const itemGroups = new Map<string, { dimension: string; text: string; sum: number; answered: number }>();
  for (const r of rows) {
    if (!r.valid) continue;
    for (const item of surveyOf(r).items) {
      if (item.type !== "rating") continue;
      const level = r.answers[item.id] as Level | undefined;
      if (!level || !(level in LEVEL_SCORE)) continue;
      const key = item.dimension === "other" ? `${r.surveyId}:${item.id}` : item.dimension;
      let g = itemGroups.get(key);
      if (!g) itemGroups.set(key, (g = { dimension: item.dimension, text: item.text, sum: 0, answered: 0 }));
      g.sum += LEVEL_SCORE[level];
      g.answered++;
    }
  }
  const byItem = [...itemGroups].map(([key, g]) => ({ key, dimension: g.dimension, text: g.text, answered: g.answered, average: g.sum / g.answered, meetsTarget: g.sum / g.answered >= target }));

  // Free text, newest first. Anonymous surveys' answers carry no enterprise (small groups re-identify),
  // and nothing that orders them by submission within their day: not the response id (a cuid carries its
  // creation time), not the insertion order (same-day answers are sorted by their text instead).
  const comments = rows
    .flatMap((r) => {
      const s = surveyOf(r);
      return s.items.flatMap((item) => {
        const text = item.type === "text" ? r.answers[item.id] : undefined;
        if (!text) return [];
        return [{ at: r.submittedAt.getTime(), surveyId: s.id, surveyTitle: s.title, question: item.text, text, day: dayOf(r.submittedAt), month: monthOf(r.submittedAt), enterpriseName: s.anonymous || !r.enterpriseId ? "" : (enterprises.get(r.enterpriseId)?.name ?? ""), anonymous: s.anonymous }];
      });
    })
    .sort((a, b) => b.at - a.at || a.text.localeCompare(b.text, "zh-CN"))
    .map(({ at: _at, ...c }, i) => ({ id: `c${i + 1}`, ...c }));

  return {
    region: { ...region, levelName: level },
    year,
    years: Array.from({ length: yearOf(now) - 2021 + 1 }, (_, i) => yearOf(now) - i),
    period,
    target,
    headline: figure(headline),
    responses: rows.length,
    invalid: rows.filter((r) => !r.valid).length,
    byProject,
    bySurvey,
    byCourse,
    byProvider,
    byEnterprise,
    byRegion,
    byItem,
    trend,
    belowTarget: {
      items: byItem.filter((i) => !i.meetsTarget).sort((a, b) => a.average - b.average),
      courses: byCourse.filter((c) => c.meetsTarget === false),
      projects: byProject.filter((p) => p.meetsTarget === false),
    },
    comments,
  };
}

export type SatisfactionReport = Awaited<ReturnType<typeof satisfactionReport>>;

/**
 * The headline alone, for the coverage dashboard's card and the data feed: the same rules over the same
 * rows as satisfactionReport, loading only the scored columns.
 */
export async function satisfactionHeadline(user: SessionUser, regionCode: string, year: number) {
  if (!canAccessRegion(user, regionCode)) throw forbidden();
  const [{ target }, stored] = await Promise.all([
    periodOfYear(year),
    db.surveyResponse.findMany({ where: responsesWhere(regionPrefix(regionCode), year), select: { valid: true, score: true, overallLevel: true } }),
  ]);
  const s = aggregate(
    stored.map((r) => ({ valid: r.valid, score: r.score, level: r.overallLevel as Level | null })),
    target,
  );
  return { respondents: s.respondents, average: s.average, satisfiedShare: s.satisfiedShare, meetsTarget: s.meetsTarget, target, year };
}

export type SatisfactionHeadline = Awaited<ReturnType<typeof satisfactionHeadline>>;

/**
 * One survey's responses for its managers' export (survey.manage, in the survey's scope): one row per
 * response with every answer. A named survey gives the respondent's name, masked mobile and enterprise; an
 * anonymous one gives nothing that identifies or orders them: no name, mobile, user id, respondent key,
 * enterprise, response id or time, only the region and the day, in an order that follows the answers'
 * content (not submission), numbered from 1.
 */
export async function surveyResponsesForExport(user: SessionUser, surveyId: string) {
  const s = await db.survey.findUnique({
    where: { id: surveyId },
    select: {
      id: true,
      code: true,
      title: true,
      target: true,
      anonymous: true,
      items: true,
      regionCode: true,
      courseId: true,
      createdById: true,
      providerId: true,
      project: { select: { name: true } },
      session: { select: { title: true, heldOn: true, location: true } },
    },
  });
  if (!s) throw notFound();
  if (!canManageSurvey(user, s)) throw forbidden();
  const items = parseItems(s.items);
  const stored = await db.surveyResponse.findMany({
    where: { surveyId },
    select: { userId: true, enterpriseId: true, regionCode: true, answers: true, valid: true, score: true, overallLevel: true, submittedAt: true },
    orderBy: { submittedAt: "asc" },
  });
  const [regions, course] = await Promise.all([
    db.region.findMany({ where: { code: { in: [...new Set([s.regionCode, ...stored.map((r) => r.regionCode)])] } }, select: { code: true, name: true } }),
    s.courseId ? db.course.findUnique({ where: { id: s.courseId }, select: { title: true } }) : null,
  ]);
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const base = (r: (typeof stored)[number]) => ({
    regionName: regionName.get(r.regionCode) ?? r.regionCode,
    day: dayOf(r.submittedAt),
    answers: (r.answers ?? {}) as Record<string, string>,
    valid: r.valid,
    score: r.score,
    level: r.overallLevel as Level | null,
  });

  let rows;
  if (s.anonymous) {
    const order = (r: ReturnType<typeof base>) => `${r.day}|${JSON.stringify(items.map((i) => r.answers[i.id] ?? ""))}|${r.regionName}`;
    rows = stored
      .map(base)
      .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
      .map((r, i) => ({ no: i + 1, ...r, submittedAt: null, respondent: null }));
  } else {
    const userIds = [...new Set(stored.flatMap((r) => (r.userId ? [r.userId] : [])))];
    const enterpriseIds = [...new Set(stored.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])))];
    const people = new Map<string, { name: string; mobile: string }>();
    const enterprises = new Map<string, string>();
    for (const part of chunks(userIds, 500)) {
      for (const u of await db.user.findMany({ where: { id: { in: part } }, select: { id: true, name: true, mobile: true } })) people.set(u.id, u);
    }
    for (const part of chunks(enterpriseIds, 500)) {
      for (const e of await db.enterprise.findMany({ where: { id: { in: part } }, select: { id: true, name: true } })) enterprises.set(e.id, e.name);
    }
    rows = stored.map((r, i) => {
      const person = r.userId ? people.get(r.userId) : undefined;
      return {
        no: i + 1,
        ...base(r),
        submittedAt: r.submittedAt as Date | null,
        respondent: { name: person?.name ?? "", mobile: person ? maskMobile(person.mobile) : "", enterpriseName: r.enterpriseId ? (enterprises.get(r.enterpriseId) ?? "") : "" } as { name: string; mobile: string; enterpriseName: string } | null,
      };
    });
  }
  return {
    survey: {
      code: s.code,
      title: s.title,
      target: s.target,
      anonymous: s.anonymous,
      regionName: regionName.get(s.regionCode) ?? s.regionCode,
      projectName: s.project?.name ?? "",
      sessionTitle: s.session?.title ?? "",
      courseTitle: course?.title ?? "",
      items,
    },
    rows,
    summary: aggregate(rows.map((r) => ({ valid: r.valid, score: r.score, level: r.level }))),
  };
}

export type SurveyResponsesExport = Awaited<ReturnType<typeof surveyResponsesForExport>>;
