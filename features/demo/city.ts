// A generated city for the coverage dashboard (issue 6): Panzhihua's counties with a few hundred
// fictional enterprises and tens of thousands of staff in varied training states, or at scale mode
// (10,000 enterprises, 1,000,000 staff) for benchmarks. Deterministic: the same seed gives the same city.
// Idempotent: when the first generated enterprise exists, nothing is written. Writes in chunks (no
// single giant transaction), so a run stopped half-way is finished by deleting the generated rows
// (ids start with "city-") and running again.
import { hashPassword } from "@/features/accounts/password";
import { audienceSchema } from "@/features/content/schemas";
import { matchesAudience } from "@/features/learning/rules";
import { chunks } from "@/lib/chunks";
import type { Db } from "@/lib/db";
import { demoCreditCode, DEMO_PASSWORD } from "./seed";

export type CityOptions = { enterprises: number; staff: number; seed?: number; now?: Date; onProgress?: (message: string) => void };

const PERIOD = "2026-2030";
const EARLIER = "2021-2025";

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAME_CHARS = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN_CHARS = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建国文斌志辉宇浩凯健俊峰磊晨阳帆海波鑫林雪琳婷颖慧欣佳晓东春梅亮成德";
const SURNAMES = [...SURNAME_CHARS];
const GIVEN = [...GIVEN_CHARS];
const TRADE = ["攀钢", "金江", "仁和", "宏达", "新兴", "华联", "西南", "阳光", "川滇", "永发", "盛源", "鑫泰", "安达", "兴业", "瑞丰", "长江", "金沙", "德胜", "恒通", "光明", "银江", "格里坪", "大田", "渡口", "三线", "平安", "同德", "宏远", "盐边", "米易"];
const KIND: Record<string, string[]> = {
  HAZCHEM: ["化工", "精细化工", "气体", "危化品储运"],
  FIREWORKS: ["烟花爆竹"],
  MINING: ["矿业", "铁矿", "煤业"],
  METALLURGY: ["冶金", "特钢", "铸造"],
  BUILDING_MATERIALS: ["建材", "水泥", "商砼"],
  CONSTRUCTION: ["建筑工程", "建设", "路桥工程"],
  TRANSPORT: ["运输", "物流", "客运"],
  MACHINERY: ["机械制造", "重型机械", "装备"],
  VANADIUM_TITANIUM: ["钒钛", "钛业", "钒制品"],
  ON_DEMAND_DELIVERY: ["即时配送", "同城配送"],
  OTHER: ["食品", "商贸", "酒店"],
};
/** How often each industry occurs among the city's enterprises (Panzhihua: metallurgy and vanadium-titanium). */
const INDUSTRY_WEIGHTS: [string, number][] = [
  ["METALLURGY", 12], ["VANADIUM_TITANIUM", 12], ["MINING", 10], ["CONSTRUCTION", 18], ["HAZCHEM", 8], ["BUILDING_MATERIALS", 8],
  ["MACHINERY", 10], ["TRANSPORT", 10], ["ON_DEMAND_DELIVERY", 3], ["FIREWORKS", 1], ["OTHER", 8],
];
const HAZCHEM_TYPES = ["PRODUCER", "TRADER_MAJOR_HAZARD", "USER", "FINE_CHEMICAL", "PHARMACEUTICAL"];
const COUNTY_WEIGHTS: Record<string, number> = { "510402": 3, "510403": 2, "510411": 3, "510421": 1.5, "510422": 1.5 };

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** The 9-character body of a generated credit code: "GC" and the index in base 31. */
function body(i: number): string {
  let s = "";
  let n = i;
  for (let k = 0; k < 7; k++) {
    s = CHARSET[n % 31] + s;
    n = Math.floor(n / 31);
  }
  return `GC${s}`;
}

const day = (d: Date) => new Date(`${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)}T00:00:00+08:00`);

export async function generateCity(db: Db, opts: CityOptions) {
  const now = opts.now ?? new Date();
  const rand = prng(opts.seed ?? 2026);
  const log = opts.onProgress ?? (() => {});
  const pick = <T,>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const weighted = <T,>(items: [T, number][]) => {
    const total = items.reduce((n, [, w]) => n + w, 0);
    let r = rand() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items.at(-1)![0];
  };

  const counties = await db.region.findMany({ where: { parentCode: "510400" }, select: { code: true }, orderBy: { code: "asc" } });
  if (counties.length === 0) throw new Error("Regions are not loaded: run the content sync first.");
  const firstCode = demoCreditCode(counties[0]!.code, body(0));
  if (await db.enterprise.findFirst({ where: { id: "city-e-0" }, select: { id: true } })) return { enterprises: 0, staff: 0, completions: 0, skipped: true, firstCode };

  const [period, courses, lessons] = await Promise.all([
    db.planPeriod.findUniqueOrThrow({ where: { id: PERIOD }, select: { positions: { select: { positionCode: true } } } }),
    db.course.findMany({ where: { archivedAt: null }, select: { id: true, audience: true, classHours: true, minutesPerClassHour: true } }),
    db.lesson.findMany({ where: { archivedAt: null }, select: { id: true, courseId: true, position: true }, orderBy: { position: "asc" } }),
  ]);
  const keyPositions = period.positions.map((p) => p.positionCode);
  const firstLesson = new Map<string, string>();
  for (const l of lessons) if (!firstLesson.has(l.courseId)) firstLesson.set(l.courseId, l.id);
  const audiences = courses.flatMap((c) => {
    const a = audienceSchema.safeParse(c.audience);
    return a.success ? [{ ...c, rule: a.data }] : [];
  });
  const countyWeights = counties.map((c) => [c.code, COUNTY_WEIGHTS[c.code] ?? 1] as [string, number]);

  // Enterprises.
  type E = { id: string; name: string; creditCode: string; industryCode: string; regionCode: string; hazchemType: string | null; isKey: boolean; wasKey: boolean; engagement: number; size: number };
  const enterprises: E[] = [];
  const names = new Set<string>();
  for (let i = 0; i < opts.enterprises; i++) {
    const industryCode = weighted(INDUSTRY_WEIGHTS);
    const regionCode = i === 0 ? counties[0]!.code : weighted(countyWeights);
    let name = "";
    for (let k = 0; !name || names.has(name); k++) name = `攀枝花${pick(TRADE)}${pick(KIND[industryCode]!)}${k ? k + 1 : ""}有限公司（演示）`;
    names.add(name);
    const isKey = industryCode !== "OTHER" && rand() < 0.75;
    // How far along the enterprise's training is: most are on their way, some lag far behind.
    const engagement = rand() < 0.15 ? rand() * 0.2 : 0.35 + rand() * 0.6;
    enterprises.push({
      id: `city-e-${i}`,
      name,
      creditCode: demoCreditCode(regionCode, body(i)),
      industryCode,
      regionCode,
      hazchemType: industryCode === "HAZCHEM" ? pick(HAZCHEM_TYPES) : null,
      isKey,
      wasKey: isKey && rand() < 0.8,
      engagement,
      // Sizes vary by an order of magnitude (small workshops to large plants).
      size: Math.exp(rand() * 2.5),
    });
  }
  const sizeTotal = enterprises.reduce((n, e) => n + e.size, 0);
  for (const part of chunks(enterprises, 1000)) {
    await db.enterprise.createMany({ data: part.map(({ id, name, creditCode, industryCode, regionCode, hazchemType }) => ({ id, name, creditCode, industryCode, regionCode, hazchemType })) });
    await db.keyEnterprise.createMany({
      data: part.flatMap((e) => [...(e.isKey ? [{ enterpriseId: e.id, periodId: PERIOD }] : []), ...(e.wasKey ? [{ enterpriseId: e.id, periodId: EARLIER }] : [])]),
    });
  }
  log(`enterprises: ${enterprises.length}`);

  // Staff, their completions, progress and learning clocks.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const periodStart = new Date("2026-01-10T09:00:00+08:00").getTime();
  const span = Math.max(1, now.getTime() - periodStart);
  const hireFrom = new Date("2015-01-01T00:00:00+08:00").getTime();
  const hireSpan = now.getTime() - 30 * 86_400_000 - hireFrom;
  const required = new Map<string, typeof audiences>();
  let users: Record<string, unknown>[] = [];
  let completions: Record<string, unknown>[] = [];
  let progress: Record<string, unknown>[] = [];
  let clocks: Record<string, unknown>[] = [];
  let n = 0;
  let completionCount = 0;
  const flush = async (force = false) => {
    if (!force && users.length < 1000) return;
    if (users.length) await db.user.createMany({ data: users as never });
    if (completions.length) await db.courseCompletion.createMany({ data: completions as never });
    if (progress.length) await db.lessonProgress.createMany({ data: progress as never });
    if (clocks.length) await db.learningClock.createMany({ data: clocks as never });
    users = [];
    completions = [];
    progress = [];
    clocks = [];
  };

  for (let ei = 0; ei < enterprises.length; ei++) {
    const e = enterprises[ei]!;
    const headcount = Math.max(4, Math.round((e.size / sizeTotal) * opts.staff));
    for (let k = 0; k < headcount && n < opts.staff; k++, n++) {
      const positionCode =
        k === 0 ? "PRINCIPAL_HEAD" : k === 1 ? "SAFETY_EXECUTIVE" : k === 2 ? "SAFETY_DEPT_HEAD" : k === 3 ? "FULLTIME_SAFETY_MANAGER" : weighted([["TEAM_LEADER", 55], ["ACCIDENT_PRONE_WORKER", 30], ["OCC_HAZARD_WORKER", 15]]);
      const id = `city-u-${n}`;
      const hiredOn = day(new Date(hireFrom + rand() * hireSpan));
      const leftOn = rand() < 0.04 ? day(new Date(hiredOn.getTime() + rand() * (now.getTime() - hiredOn.getTime()))) : null;
      users.push({
        id,
        mobile: String(15100000000 + n),
        name: pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : ""),
        role: "LEARNER",
        passwordHash,
        enterpriseId: e.id,
        positionCode,
        hiredOn,
        leftOn,
      });
      const key = `${e.id}|${positionCode}`;
      let mine = required.get(key);
      if (!mine) {
        const profile = { industryCode: e.industryCode, enterpriseCreditCode: e.creditCode, isKeyEnterprise: e.isKey, periodKeyPositions: keyPositions, positionCode, isSchoolStudent: false };
        mine = audiences.filter((c) => matchesAudience(profile, c.rule));
        required.set(key, mine);
      }
      if (mine.length) {
        const r = rand();
        if (r < e.engagement) {
          // Completed: later months see more completions (the trend rises).
          const at = new Date(periodStart + Math.sqrt(rand()) * span);
          for (const c of mine) completions.push({ userId: id, courseId: c.id, completedAt: at, creditedSeconds: c.classHours * c.minutesPerClassHour * 60 });
          completionCount += mine.length;
          if (rand() < 0.3) clocks.push({ userId: id, creditedUntil: new Date(now.getTime() - rand() * 40 * 86_400_000) });
        } else if (r < e.engagement + (1 - e.engagement) * 0.35) {
          const c = mine[0]!;
          const lessonId = firstLesson.get(c.id);
          if (lessonId) progress.push({ userId: id, lessonId, courseId: c.id, creditedSeconds: Math.round(rand() * 1200), createdAt: new Date(periodStart + rand() * span) });
          clocks.push({ userId: id, creditedUntil: new Date(now.getTime() - rand() * 20 * 86_400_000) });
        }
      }
      await flush();
    }
    if (ei % 500 === 499) log(`staff: ${n} (enterprise ${ei + 1} of ${enterprises.length})`);
  }
  await flush(true);
  log(`staff: ${n}, completions: ${completionCount}`);
  return { enterprises: enterprises.length, staff: n, completions: completionCount, skipped: false, firstCode };
}
