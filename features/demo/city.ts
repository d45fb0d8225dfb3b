// A generated city for the coverage dashboard (issue 6): Panzhihua's counties with a few hundred
// fictional enterprises and tens of thousands of staff in varied training states, or the scale mode
// (10,000 enterprises, 1,000,000 staff) for benchmarks.
//
// Deterministic: the same seed and the same synced content give the same city (a mulberry32 PRNG, no
// Math.random, no clock except `now`). Idempotent: when the first generated enterprise exists (by its
// credit code or its id), nothing is written. Writes with createMany in chunks, never one query per row
// and never one giant transaction; a run stopped half-way is finished by deleting the generated rows
// (ids start with "city-") and running again.
//
// Generated rows: enterprises `city-e-<n>` (credit codes 91<county>GC…, clear of the hand-made demo
// enterprises), their key designations, staff `city-u-<n>` (mobiles 151 0000 0000 + n, clear of the demo
// accounts 138000000xx and the e2e accounts 139000001xx), course completions, lesson progress
// `city-p-<n>` and learning clocks.
import { hashPassword } from "@/features/accounts/password";
import { audienceSchema } from "@/features/content/schemas";
import { lessonApplies, matchesAudience, type Audience } from "@/features/learning/rules";
import type { Db, Prisma } from "@/lib/db";
import { surveyItemSchema } from "@/features/surveys/definition";
import { scoreResponse, type Level } from "@/features/surveys/rules";
import { demoCreditCode, DEMO_PASSWORD } from "./seed";
import { DEMO_PROJECT_SURVEY_ID } from "./surveys";

export type CityOptions = {
  enterprises: number;
  staff: number;
  seed?: number;
  now?: Date;
  onProgress?: (message: string) => void;
  /** The first staff mobile (default 151 0000 0000): a test sharing its database with others picks its own range. */
  firstMobile?: number;
};
export type CityResult = { enterprises: number; staff: number; completions: number; skipped: boolean };

const CITY = "510400";
const PERIOD = "2026-2030";
const EARLIER = "2021-2025";
/** Staff per flush (their completions, progress and clocks follow in the same flush). 2,000 keeps the
 *  1M-staff run near 0.75 GB RSS; 5,000 took 1.35 GB for about 10% less time (SQLite, 2 cores). */
const CHUNK = 2_000;
const DAY = 86_400_000;
const FIRST_MOBILE = 15_100_000_000;

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万严覃武戴莫孔向汤"];
const GIVEN = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建国文斌志辉宇浩凯健俊峰晨阳帆海波鑫林雪琳婷颖慧欣佳晓东春梅亮成德荣飞云庆福兵"];
/** Trade names (字号): two characters drawn from these, or a local place name. */
const TRADE_FIRST = [..."金银宏鑫华恒盛永兴瑞安泰德丰利通达源川西钒钛康博新佳远顺昌明宇嘉润晟峰航铭益中"];
const TRADE_SECOND = [..."江沙凯鼎诚信昌泰源峰丰发隆远海山城成和汇锦乾坤弘越祥阳"];
const PLACES = ["仁和", "金江", "格里坪", "大田", "渡口", "三线", "银江", "炳草岗", "弄弄坪", "河门口", "宝鼎", "新庄", "大龙潭", "平地", "同德", "红格", "攀西", "川滇", "巴关河", "清香坪"];
/** What the name says the business is, per industry (codes of content/reference/industries.yaml). */
const KIND: Record<string, string[]> = {
  HAZCHEM: ["化工", "精细化工", "气体", "危化品储运"],
  FIREWORKS: ["烟花爆竹", "爆竹"],
  MINING: ["矿业", "铁矿", "煤业"],
  METALLURGY: ["冶金", "特钢", "铸造"],
  BUILDING_MATERIALS: ["建材", "水泥", "商砼"],
  CONSTRUCTION: ["建筑工程", "建设", "路桥工程"],
  TRANSPORT: ["运输", "物流", "客运"],
  MACHINERY: ["机械制造", "重型机械", "装备制造"],
  VANADIUM_TITANIUM: ["钒钛", "钛业", "钒制品"],
  ON_DEMAND_DELIVERY: ["即时配送", "同城配送"],
  OTHER: ["食品", "商贸", "酒店管理"],
};
/** Panzhihua's mix: metallurgy, vanadium-titanium, mining and construction dominate. Other codes: see industryWeight. */
const LOCAL_INDUSTRY_WEIGHTS: Record<string, number> = {
  METALLURGY: 12, VANADIUM_TITANIUM: 12, MINING: 10, CONSTRUCTION: 16, HAZCHEM: 8, BUILDING_MATERIALS: 8,
  MACHINERY: 10, TRANSPORT: 10, ON_DEMAND_DELIVERY: 3, FIREWORKS: 1, OTHER: 7,
};
const HAZCHEM_TYPES = ["PRODUCER", "PRODUCER", "USER", "USER", "TRADER_MAJOR_HAZARD", "FINE_CHEMICAL", "PHARMACEUTICAL"];
/** Enterprises per county: the city districts carry most of them. Unknown counties: 1. */
const COUNTY_WEIGHTS: Record<string, number> = { "510402": 3, "510403": 2, "510411": 3, "510421": 1.5, "510422": 1.2 };
/** The outer counties lag behind a little (so the county breakdown is not flat). */
const COUNTY_ENGAGEMENT: Record<string, number> = { "510421": 0.9, "510422": 0.8 };

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** The 9-character body of the n-th generated credit code: "GC" and n in base 31 (7 digits: 27 billion). */
function creditBody(n: number): string {
  let s = "";
  for (let k = 0, m = n; k < 7; k++, m = Math.floor(m / 31)) s = CHARSET[m % 31] + s;
  return `GC${s}`;
}

/** The start of the Beijing day an instant falls on. */
const beijingDay = (ms: number) => new Date(`${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+08:00`);

type GenEnterprise = {
  id: string;
  name: string;
  creditCode: string;
  industryCode: string;
  regionCode: string;
  hazchemType: string | null;
  isKey: boolean;
  wasKey: boolean;
  /** Share of its staff who completed their training. */
  completedShare: number;
  /** Of the rest, the share in progress. */
  startedShare: number;
  size: number;
};
type AssignedCourse = { id: string; seconds: number; firstLesson: Map<string | null, string | undefined>; lessonSeconds: number; rule: Audience };

export async function generateCity(db: Db, opts: CityOptions): Promise<CityResult> {
  const enterpriseCount = Math.floor(opts.enterprises);
  const staffCount = Math.floor(opts.staff);
  if (!(enterpriseCount >= 1) || !(staffCount >= 0)) throw new Error("generateCity: enterprises must be ≥ 1 and staff ≥ 0");
  const now = opts.now ?? new Date();
  const rand = mulberry32(opts.seed ?? 2026);
  const log = opts.onProgress ?? (() => {});
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((n, [, w]) => n + w, 0);
    let r = rand() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items.at(-1)![0];
  };
  const between = (from: number, to: number) => from + rand() * (to - from);

  // ---- Reference data (synced from content/ before this runs) ----------------------------------------
  const [counties, industries, period, earlier, courseRows, lessonRows] = await Promise.all([
    db.region.findMany({ where: { parentCode: CITY }, select: { code: true, name: true }, orderBy: { code: "asc" } }),
    db.industry.findMany({ select: { code: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
    db.planPeriod.findUnique({ where: { id: PERIOD }, select: { positions: { select: { positionCode: true } }, industries: { select: { industryCode: true } } } }),
    db.planPeriod.findUnique({ where: { id: EARLIER }, select: { industries: { select: { industryCode: true } } } }),
    db.course.findMany({ where: { archivedAt: null }, select: { id: true, audience: true, classHours: true, minutesPerClassHour: true }, orderBy: { id: "asc" } }),
    db.lesson.findMany({ where: { archivedAt: null }, select: { id: true, courseId: true, positions: true }, orderBy: [{ courseId: "asc" }, { position: "asc" }, { id: "asc" }] }),
  ]);
  if (counties.length === 0 || industries.length === 0 || !period) throw new Error("Reference data is not loaded (regions, industries, plan periods): run the content sync first.");
  const keyPositions = period.positions.map((p) => p.positionCode).sort();
  const keyIndustries = new Set(period.industries.map((i) => i.industryCode));
  const earlierKeyIndustries = new Set((earlier?.industries ?? []).map((i) => i.industryCode));
  const positionCodes = new Set((await db.positionCategory.findMany({ select: { code: true } })).map((p) => p.code));
  const position = (code: string, fallback: string) => (positionCodes.has(code) ? code : fallback);

  const lessonsOf = new Map<string, { id: string; positions: string[] }[]>();
  for (const l of lessonRows) lessonsOf.set(l.courseId, [...(lessonsOf.get(l.courseId) ?? []), { id: l.id, positions: Array.isArray(l.positions) ? (l.positions as string[]) : [] }]);
  const courses: AssignedCourse[] = courseRows.flatMap((c) => {
    const rule = audienceSchema.safeParse(c.audience);
    if (!rule.success) return [];
    const seconds = c.classHours * c.minutesPerClassHour * 60;
    const lessons = lessonsOf.get(c.id) ?? [];
    return [{ id: c.id, seconds, rule: rule.data, firstLesson: new Map(), lessonSeconds: seconds / Math.max(1, lessons.length) }];
  });
  /** The first lesson of a course that applies to a position (syllabus lessons name theirs). */
  const firstLessonFor = (c: AssignedCourse, positionCode: string) => {
    if (!c.firstLesson.has(positionCode)) c.firstLesson.set(positionCode, (lessonsOf.get(c.id) ?? []).find((l) => lessonApplies(l.positions, positionCode))?.id);
    return c.firstLesson.get(positionCode);
  };

  // ---- Enterprises (in memory first: the first one decides whether the city is already there) ---------
  const countyWeights = counties.map((c) => [c.code, COUNTY_WEIGHTS[c.code] ?? 1] as const);
  const countyName = new Map(counties.map((c) => [c.code, c.name]));
  const industryWeights = industries.map((i) => [i.code, LOCAL_INDUSTRY_WEIGHTS[i.code] ?? (keyIndustries.has(i.code) ? 5 : 2)] as const);
  const enterprises: GenEnterprise[] = [];
  const names = new Set<string>();
  for (let i = 0; i < enterpriseCount; i++) {
    const industryCode = weighted(industryWeights);
    const regionCode = weighted(countyWeights);
    const county = countyName.get(regionCode) ?? "";
    // Companies of the two counties often carry the county's name (米易…, 盐边…), the rest the city's.
    const prefix = county.endsWith("县") && rand() < 0.5 ? county.slice(0, -1) : "攀枝花";
    const kinds = KIND[industryCode] ?? ["实业", "科技"];
    let name = "";
    for (let attempt = 0; !name || names.has(name); attempt++) {
      let trade = prefix === "攀枝花" && rand() < 0.2 ? pick(PLACES) : pick(TRADE_FIRST) + pick(TRADE_SECOND);
      if (trade[0] === trade[1]) trade = trade[0]!;
      if (attempt >= 10) trade += pick(TRADE_SECOND); // a crowded name space: three-character trade names
      if (attempt >= 40) trade += String(attempt); // cannot loop forever, whatever the size
      name = `${prefix}${trade}${pick(kinds)}有限公司（演示）`;
    }
    names.add(name);
    // About 70% key enterprises of 2026–2030 (key industries only) and about 60% of 2021–2025.
    const isKey = keyIndustries.has(industryCode) && rand() < 0.78;
    const wasKey = earlierKeyIndustries.has(industryCode) && rand() < (isKey ? 0.86 : 0.12);
    // How far along its training is: most are on their way, some lag far behind ("below target").
    const engagement = COUNTY_ENGAGEMENT[regionCode] ?? 1;
    const laggard = rand() < 0.15;
    const completedShare = (laggard ? between(0.02, 0.25) : between(0.45, 0.88)) * engagement;
    enterprises.push({
      id: `city-e-${i}`,
      name,
      creditCode: demoCreditCode(regionCode, creditBody(i)),
      industryCode,
      regionCode,
      hazchemType: industryCode === "HAZCHEM" ? pick(HAZCHEM_TYPES) : null,
      isKey,
      wasKey,
      completedShare,
      startedShare: laggard ? between(0.1, 0.3) : between(0.4, 0.7),
      // Sizes vary by an order of magnitude (small workshops to large plants).
      size: Math.exp(rand() * 2.5),
    });
  }

  const first = enterprises[0]!;
  const existing = await db.enterprise.findFirst({ where: { OR: [{ creditCode: first.creditCode }, { id: first.id }] }, select: { id: true } });
  if (existing) return { enterprises: 0, staff: 0, completions: 0, skipped: true };

  for (let i = 0; i < enterprises.length; i += CHUNK) {
    const part = enterprises.slice(i, i + CHUNK);
    await db.enterprise.createMany({ data: part.map(({ id, name, creditCode, industryCode, regionCode, hazchemType }) => ({ id, name, creditCode, industryCode, regionCode, hazchemType })) });
    const keys: Prisma.KeyEnterpriseCreateManyInput[] = [];
    for (const e of part) {
      if (e.isKey) keys.push({ enterpriseId: e.id, periodId: PERIOD, designatedAt: new Date("2026-03-20T10:00:00+08:00") });
      if (e.wasKey && earlier) keys.push({ enterpriseId: e.id, periodId: EARLIER, designatedAt: new Date("2021-06-15T10:00:00+08:00") });
    }
    if (keys.length) await db.keyEnterprise.createMany({ data: keys });
  }
  log(`enterprises: ${enterprises.length} (${enterprises.filter((e) => e.isKey).length} key for ${PERIOD}, ${enterprises.filter((e) => e.wasKey).length} for ${EARLIER})`);

  // ---- Headcounts: exactly `staff` in all, at least 4 per enterprise when there are enough -----------
  const base = Math.min(4, Math.floor(staffCount / enterpriseCount));
  const rest = staffCount - base * enterpriseCount;
  const sizeTotal = enterprises.reduce((n, e) => n + e.size, 0);
  const headcounts: number[] = [];
  let cumulative = 0;
  let given = 0;
  for (const e of enterprises) {
    cumulative += e.size;
    const upTo = Math.round((rest * cumulative) / sizeTotal);
    headcounts.push(base + upTo - given);
    given = upTo;
  }

  // ---- Staff, their completions, progress and learning clocks ----------------------------------------
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const periodStart = new Date("2026-01-10T08:00:00+08:00").getTime();
  const nowMs = now.getTime();
  const hireFrom = new Date("2015-01-01T00:00:00+08:00").getTime();
  const hireTo = Math.max(hireFrom, Math.min(new Date("2026-12-31T00:00:00+08:00").getTime(), nowMs - DAY));
  const required = new Map<string, AssignedCourse[]>();
  const counts = { staff: 0, completions: 0, completed: 0, inProgress: 0, notStarted: 0, noCourse: 0, left: 0, clocks: 0, responses: 0 };
  let users: Prisma.UserCreateManyInput[] = [];
  let completions: Prisma.CourseCompletionCreateManyInput[] = [];
  let progress: Prisma.LessonProgressCreateManyInput[] = [];
  let clocks: Prisma.LearningClockCreateManyInput[] = [];
  let responses: Prisma.SurveyResponseCreateManyInput[] = [];

  // Satisfaction (issue 7): trainees who completed answer the demo project's survey (features/demo/surveys.ts),
  // when it is there. A PRNG of its own, so the staff drawn above stay the same city with or without it.
  const survey = await db.survey.findUnique({ where: { id: DEMO_PROJECT_SURVEY_ID }, select: { id: true, items: true, opensAt: true } });
  const surveyItems = survey ? surveyItemSchema.array().parse(survey.items) : [];
  const ratingItems = surveyItems.filter((i) => i.type === "rating").map((i) => ({ id: i.id, required: i.required, overall: i.overall }));
  const answerRand = mulberry32((opts.seed ?? 2026) + 7);
  /** Per enterprise, how well the training went down (share of satisfied answers). */
  const quality = enterprises.map((e) => (COUNTY_ENGAGEMENT[e.regionCode] ?? 1) * (answerRand() < 0.12 ? 0.6 + answerRand() * 0.2 : 0.84 + answerRand() * 0.16));
  /** Materials and organisation draw a few more complaints (so the item breakdown is not flat). */
  const itemBias: Record<string, number> = { materials: -0.07, organisation: -0.03 };
  const SUGGESTIONS = [
    "希望多讲一些本岗位真实发生过的事故案例。",
    "视频在手机上播放有时卡顿，建议提供清晰度选择。",
    "课程内容很实用，班组会上可以直接用。",
    "希望练习题能多一些，并且讲解再详细一点。",
    "建议把现场培训安排在交接班时间以外。",
    "教材字太小，老同志看手机比较吃力。",
    "对工伤认定的流程讲得很清楚，以前不了解。",
    "希望增加有限空间作业和高处作业的内容。",
  ];
  const answer = (userId: string, n: number, ei: number, e: GenEnterprise, completedAt: number) => {
    if (!survey || completedAt < survey.opensAt.getTime() || completedAt > nowMs || answerRand() >= 0.75) return;
    const answers: Record<string, string> = {};
    for (const item of surveyItems) {
      if (item.type === "rating") {
        const q = quality[ei]! + (itemBias[item.id] ?? 0);
        const r = answerRand();
        const level: Level = answerRand() < q ? (r < 0.55 ? "VERY_SATISFIED" : "SATISFIED") : r < 0.6 ? "NEUTRAL" : r < 0.9 ? "DISSATISFIED" : "VERY_DISSATISFIED";
        answers[item.id] = level;
      } else if (item.id === "suggestion" && answerRand() < 0.2) {
        answers[item.id] = SUGGESTIONS[Math.floor(answerRand() * SUGGESTIONS.length)]!;
      }
    }
    const scored = scoreResponse(ratingItems, { id: "", answers: answers as Record<string, Level> });
    responses.push({
      id: `city-r-${n}`,
      surveyId: survey.id,
      respondentKey: userId,
      userId,
      enterpriseId: e.id,
      regionCode: e.regionCode,
      answers,
      valid: scored.valid,
      score: scored.score,
      overallLevel: scored.level,
      submittedAt: new Date(Math.min(nowMs, completedAt + answerRand() * 2 * DAY)),
    });
    counts.responses++;
  };

  const flush = async () => {
    if (users.length) await db.user.createMany({ data: users });
    if (completions.length) await db.courseCompletion.createMany({ data: completions });
    if (progress.length) await db.lessonProgress.createMany({ data: progress });
    if (clocks.length) await db.learningClock.createMany({ data: clocks });
    if (responses.length) await db.surveyResponse.createMany({ data: responses });
    responses = [];
    users = [];
    completions = [];
    progress = [];
    clocks = [];
  };
  const reportEvery = Math.max(CHUNK, Math.ceil(staffCount / 10 / CHUNK) * CHUNK);
  let nextReport = reportEvery;

  for (let ei = 0; ei < enterprises.length; ei++) {
    const e = enterprises[ei]!;
    const headcount = headcounts[ei]!;
    // One principal head, one executive in charge of safety, one safety-department head, a few full-time
    // safety managers; the rest team leaders and workers.
    const managers = headcount >= 8 ? 1 + Math.floor(headcount / 120) : headcount >= 5 ? 1 : 0;
    for (let k = 0; k < headcount; k++) {
      if (users.length >= CHUNK) {
        await flush();
        if (counts.staff >= nextReport) {
          log(`staff: ${counts.staff} of ${staffCount}, completions: ${counts.completions}`);
          nextReport += reportEvery;
        }
      }
      const n = counts.staff++;
      const positionCode =
        k === 0 ? "PRINCIPAL_HEAD"
        : k === 1 ? "SAFETY_EXECUTIVE"
        : k === 2 ? "SAFETY_DEPT_HEAD"
        : k < 3 + managers ? "FULLTIME_SAFETY_MANAGER"
        : weighted([["TEAM_LEADER", 45], ["ACCIDENT_PRONE_WORKER", 42], [position("OCC_HAZARD_WORKER", "ACCIDENT_PRONE_WORKER"), 13]] as const);
      const id = `city-u-${n}`;
      const hiredOn = beijingDay(between(hireFrom, hireTo));
      const leaves = rand() < 0.04 && nowMs - hiredOn.getTime() > 2 * DAY;
      const leftOn = leaves ? beijingDay(between(hiredOn.getTime() + DAY, nowMs - DAY)) : null;
      if (leftOn) counts.left++;
      users.push({
        id,
        mobile: String((opts.firstMobile ?? FIRST_MOBILE) + n),
        name: pick(SURNAMES) + pick(GIVEN) + (rand() < 0.65 ? pick(GIVEN) : ""),
        role: "LEARNER",
        passwordHash,
        mustChangePassword: false,
        enterpriseId: e.id,
        positionCode,
        hiredOn,
        leftOn,
        idNumberHash: null,
        idNumberMasked: null,
      });

      const cacheKey = `${e.id}|${positionCode}`;
      let mine = required.get(cacheKey);
      if (!mine) {
        const profile = { industryCode: e.industryCode, enterpriseCreditCode: e.creditCode, isKeyEnterprise: e.isKey, periodKeyPositions: keyPositions, positionCode, isSchoolStudent: false };
        mine = courses.filter((c) => matchesAudience(profile, c.rule));
        required.set(cacheKey, mine);
      }
      const state = rand();
      if (mine.length === 0) {
        counts.noCourse++;
        continue;
      }
      // Training happens while on the roster, since the period's courses opened.
      const from = Math.max(periodStart, hiredOn.getTime());
      const to = Math.min(nowMs, leftOn ? leftOn.getTime() : nowMs);
      if (to - from < DAY) {
        counts.notStarted++;
        continue;
      }
      let lastActive: number | null = null;
      if (state < e.completedShare) {
        // Later months see more completions (density rising linearly: the monthly trend climbs).
        let at = from + Math.sqrt(rand()) * (to - from);
        for (const c of mine) {
          completions.push({ userId: id, courseId: c.id, completedAt: new Date(at), creditedSeconds: c.seconds });
          at = Math.min(to, at + rand() * 3 * DAY);
        }
        lastActive = at;
        answer(id, n, ei, e, at);
        counts.completions += mine.length;
        counts.completed++;
      } else if (state < e.completedShare + (1 - e.completedShare) * e.startedShare) {
        const c = pick(mine);
        const lessonId = firstLessonFor(c, positionCode);
        const started = between(from, to);
        if (lessonId) {
          const credited = Math.round(between(0.1, 0.9) * c.lessonSeconds);
          progress.push({
            id: `city-p-${n}`,
            userId: id,
            lessonId,
            courseId: c.id,
            creditedSeconds: credited,
            furthestSeconds: 0,
            positionSeconds: 0,
            createdAt: new Date(started),
            updatedAt: new Date(Math.min(to, started + rand() * 14 * DAY)),
          });
        }
        lastActive = started;
        counts.inProgress++;
      } else {
        counts.notStarted++;
      }
      // Some of those who trained were active in the last 30 days ("active learners").
      if (lastActive !== null && !leftOn && rand() < 0.3) {
        const creditedUntil = between(Math.max(lastActive, nowMs - 30 * DAY), nowMs);
        clocks.push({ userId: id, creditedUntil: new Date(creditedUntil) });
        counts.clocks++;
      }
    }
  }
  await flush();
  log(
    `staff: ${counts.staff} (completed ${counts.completed}, in progress ${counts.inProgress}, not started ${counts.notStarted}, no course assigned ${counts.noCourse}; ` +
      `${counts.left} left), completions: ${counts.completions}, learning clocks: ${counts.clocks}, survey responses: ${counts.responses}`,
  );
  return { enterprises: enterprises.length, staff: counts.staff, completions: counts.completions, skipped: false };
}
