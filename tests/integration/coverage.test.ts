// The coverage dashboard's figures against a small data set worked out by hand (issue 6, "Done when").
// Luzhou (泸州市 510500), plan period 2026–2030 (key positions: principal head, safety executive, head of
// the safety department, team leader), as of 2026-11-23 12:00 Beijing time.
//
//  enterprise            county  industry       key?  people (position, what they completed in 2026)
//  E1 hazchem            510502  HAZCHEM        yes   a1 TL  intro 03-10 + three-categories 05-20 → trained 05-20
//                                                     a2 SE  intro 04-01 only                       → not trained
//                                                     a3 PH  intro 06-15 (all he needs)             → trained 06-15
//                                                     a4 FSM (not a key position of 2026–2030)      → out
//                                                     a5 TL  left on 2026-07-01                     → out from July
//  E2 construction       510502  CONSTRUCTION   yes   b1 TL  intro 2025-12-20 (before the period)   → not trained
//                                                     b2 SDH intro 09-05                            → trained 09-05
//                                                     b3 accident-prone worker (not key)            → out
//                                                     b4 TL  hired 2026-12-01 (after the moment)    → out
//  E3 machinery          510503  MACHINERY      yes   c1 TL  intro 11-01                            → trained 11-01
//                                                     c2 TL  nothing                                → not trained
//                                                     c3 SE  intro 11-30 (after the moment)         → not trained
//  E4 other              510503  OTHER          yes   d1 TL  (not a key industry)                   → out
//  E5 machinery          510503  MACHINERY      no    e1 TL  (not a key enterprise)                 → out
//  E6 machinery          510503  MACHINERY      yes   no roster
//
// Denominator 8 (a1 a2 a3 b1 b2 c1 c2 c3), trained 4 (a1 a3 b2 c1): 50%.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { saveAnnex, annexData } from "@/features/coverage/annex";
import { coverageReport } from "@/features/coverage/data";
import { annexXlsx, coverageXlsx } from "@/features/coverage/export";
import { demoCreditCode } from "@/features/demo/seed";
import { createApiKey, feedResponse, revokeApiKey } from "@/features/feed/data";
import { createEnterprise } from "@/features/regions/data";
import { createEnterpriseSchema } from "@/features/regions/schemas";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/session";
import { loadDemo, sessionOf } from "./support";

const NOW = new Date("2026-11-23T12:00:00+08:00");
const day = (d: string) => new Date(`${d}T10:00:00+08:00`);
const INTRO = "gongshang-yufang-rumen";
const HAZCHEM = "weihua-sanlei";

type Person = { key: string; position: string; hired?: string; left?: string; done?: [string, string][] };
const ENTERPRISES: { key: string; region: string; industry: string; isKey: boolean; people: Person[] }[] = [
  {
    key: "E1", region: "510502", industry: "HAZCHEM", isKey: true, people: [
      { key: "a1", position: "TEAM_LEADER", done: [[INTRO, "2026-03-10"], [HAZCHEM, "2026-05-20"]] },
      { key: "a2", position: "SAFETY_EXECUTIVE", done: [[INTRO, "2026-04-01"]] },
      { key: "a3", position: "PRINCIPAL_HEAD", done: [[INTRO, "2026-06-15"]] },
      { key: "a4", position: "FULLTIME_SAFETY_MANAGER", done: [[HAZCHEM, "2026-02-01"]] },
      { key: "a5", position: "TEAM_LEADER", left: "2026-07-01" },
    ],
  },
  {
    key: "E2", region: "510502", industry: "CONSTRUCTION", isKey: true, people: [
      { key: "b1", position: "TEAM_LEADER", done: [[INTRO, "2025-12-20"]] },
      { key: "b2", position: "SAFETY_DEPT_HEAD", done: [[INTRO, "2026-09-05"]] },
      { key: "b3", position: "ACCIDENT_PRONE_WORKER", done: [[INTRO, "2026-02-02"]] },
      { key: "b4", position: "TEAM_LEADER", hired: "2026-12-01" },
    ],
  },
  {
    key: "E3", region: "510503", industry: "MACHINERY", isKey: true, people: [
      { key: "c1", position: "TEAM_LEADER", done: [[INTRO, "2026-11-01"]] },
      { key: "c2", position: "TEAM_LEADER" },
      { key: "c3", position: "SAFETY_EXECUTIVE", done: [[INTRO, "2026-11-30"]] },
    ],
  },
  { key: "E4", region: "510503", industry: "OTHER", isKey: true, people: [{ key: "d1", position: "TEAM_LEADER" }] },
  { key: "E5", region: "510503", industry: "MACHINERY", isKey: false, people: [{ key: "e1", position: "TEAM_LEADER", done: [[INTRO, "2026-03-03"]] }] },
  { key: "E6", region: "510503", industry: "MACHINERY", isKey: true, people: [] },
];

const name = (key: string) => `泸州测试${key}`;
const ids = new Map<string, string>();
let city: SessionUser;
let county: SessionUser;

beforeAll(async () => {
  await loadDemo();
  let n = 0;
  for (const e of ENTERPRISES) {
    const row = await db.enterprise.create({
      data: { name: name(e.key), creditCode: demoCreditCode(e.region, `LX000000${e.key.slice(1)}`), industryCode: e.industry, regionCode: e.region },
    });
    ids.set(e.key, row.id);
    if (e.isKey) await db.keyEnterprise.create({ data: { enterpriseId: row.id, periodId: "2026-2030" } });
    for (const p of e.people) {
      const user = await db.user.create({
        data: {
          mobile: `1660000${String(++n).padStart(4, "0")}`,
          name: name(p.key),
          role: "LEARNER",
          passwordHash: "x",
          enterpriseId: row.id,
          positionCode: p.position,
          hiredOn: new Date(`${p.hired ?? "2025-01-01"}T00:00:00+08:00`),
          leftOn: p.left ? new Date(`${p.left}T00:00:00+08:00`) : null,
        },
      });
      ids.set(p.key, user.id);
      for (const [courseId, on] of p.done ?? []) {
        await db.courseCompletion.create({ data: { userId: user.id, courseId, completedAt: day(on), creditedSeconds: 1800 } });
      }
    }
  }
  // Class hours: 5,400 credited seconds of the intro course (30 minutes a class hour) → 3 class hours.
  const lesson = await db.lesson.findFirstOrThrow({ where: { courseId: INTRO, archivedAt: null } });
  await db.lessonProgress.create({ data: { userId: ids.get("a2")!, lessonId: lesson.id, courseId: INTRO, creditedSeconds: 5400, createdAt: day("2026-06-01") } });
  // Active learners: c1 learned 5 days ago; c2 40 days ago (not active).
  await db.learningClock.create({ data: { userId: ids.get("c1")!, creditedUntil: new Date(NOW.getTime() - 5 * 86_400_000) } });
  await db.learningClock.create({ data: { userId: ids.get("c2")!, creditedUntil: new Date(NOW.getTime() - 40 * 86_400_000) } });
  for (const [mobile, regionCode] of [["16699990500", "510500"], ["16699990502", "510502"]] as const) {
    await db.user.create({ data: { mobile, name: `泸州监管${regionCode}`, role: "REGULATOR", regionCode, passwordHash: "x" } });
  }
  city = await sessionOf("16699990500");
  county = await sessionOf("16699990502");
});

const f = (trained: number, total: number) => ({ trained, total, share: total ? trained / total : null });

describe("the city's dashboard", () => {
  it("headline, target and the other figures", async () => {
    const r = await coverageReport(city, { regionCode: "510500", periodId: "2026-2030" }, NOW);
    expect(r.headline).toEqual(f(4, 8));
    expect(r.year).toBe(2026);
    expect(r.target).toBe(0.2); // the 2026 milestone of 2026–2030
    expect(r.keyEnterprises).toBe(4); // E1 E2 E3 E6 (E4 is not in a key industry, E5 not key)
    expect(r.enterprisesWithoutRoster).toBe(1); // E6
    expect(r.classHours).toBe(3);
    expect(r.activeLearners).toBe(1);
    // No satisfaction survey was answered in Luzhou: the 2026 figure is honestly empty, against the
    // 2026–2030 target (tests/integration/satisfaction-report.test.ts checks a figure with answers).
    expect(r.satisfaction).toEqual({ average: null, respondents: 0, satisfiedShare: null, target: 85, year: 2026 });
  });

  it("by county, enterprise, industry, position and course family", async () => {
    const r = await coverageReport(city, { regionCode: "510500", periodId: "2026-2030" }, NOW);
    const pick = <T extends { trained: number; total: number; share: number | null }>(rows: T[], key: (x: T) => string) =>
      Object.fromEntries(rows.filter((x) => x.total > 0).map((x) => [key(x), { trained: x.trained, total: x.total, share: x.share }]));
    expect(pick(r.byRegion, (x) => x.code)).toEqual({ "510502": f(3, 5), "510503": f(1, 3) });
    expect(r.byRegion.find((x) => x.code === "510521")).toMatchObject({ total: 0, share: null }); // a county with no key staff
    expect(pick(r.enterprises, (x) => x.name)).toEqual({ [name("E1")]: f(2, 3), [name("E2")]: f(1, 2), [name("E3")]: f(1, 3) });
    expect(r.enterprises.map((e) => e.name).sort()).toEqual([name("E1"), name("E2"), name("E3"), name("E6")].sort());
    expect(pick(r.byIndustry, (x) => x.code)).toEqual({ HAZCHEM: f(2, 3), CONSTRUCTION: f(1, 2), MACHINERY: f(1, 3) });
    expect(pick(r.byPosition, (x) => x.code)).toEqual({ TEAM_LEADER: f(2, 4), SAFETY_EXECUTIVE: f(0, 2), PRINCIPAL_HEAD: f(1, 1), SAFETY_DEPT_HEAD: f(1, 1) });
    // Everyone needs the intro course (GENERAL); the hazchem team leader and executive also the three-categories course.
    expect(pick(r.byFamily, (x) => x.code)).toEqual({ GENERAL: f(5, 8), HAZCHEM_THREE_CATEGORIES: f(1, 2) });
  });

  it("the enterprises below target and the untrained staff", async () => {
    const r = await coverageReport(city, { regionCode: "510500", periodId: "2026-2030" }, NOW);
    // Every enterprise with staff is above the 20% milestone; E6 has no roster, which is below any target.
    expect(r.belowTarget.map((e) => e.name)).toEqual([name("E6")]);
    expect(r.untrained.map((u) => u.name).sort()).toEqual([name("a2"), name("b1"), name("c2"), name("c3")].sort());
    expect(r.untrained.every((u) => /^166\*{4}\d{4}$/.test(u.mobile))).toBe(true);
  });

  it("the monthly trend with the target line", async () => {
    const r = await coverageReport(city, { regionCode: "510500", periodId: "2026-2030" }, NOW);
    expect(r.trend.map((p) => [p.month, p.trained, p.total, p.target])).toEqual([
      ["2026-01", 0, 9, 0.2],
      ["2026-02", 0, 9, 0.2],
      ["2026-03", 0, 9, 0.2],
      ["2026-04", 0, 9, 0.2],
      ["2026-05", 1, 9, 0.2], // a1
      ["2026-06", 2, 9, 0.2], // a3; a5 still on the roster until 1 July
      ["2026-07", 2, 8, 0.2],
      ["2026-08", 2, 8, 0.2],
      ["2026-09", 3, 8, 0.2], // b2
      ["2026-10", 3, 8, 0.2],
      ["2026-11", 4, 8, 0.2], // c1, up to the moment
    ]);
  });

  it("the earlier period counts its own completions only", async () => {
    const r = await coverageReport(city, { regionCode: "510500", periodId: "2021-2025" }, NOW);
    // None of these enterprises is key in 2021–2025.
    expect(r.headline).toEqual({ trained: 0, total: 0, share: null });
    expect(r.asOf.getTime()).toBe(new Date("2026-01-01T00:00:00+08:00").getTime() - 1); // the period's last moment
    expect(r.target).toBe(1);
  });
});

describe("a county regulator", () => {
  it("sees its county: the enterprises there and their people", async () => {
    const r = await coverageReport(county, { regionCode: "510502", periodId: "2026-2030" }, NOW);
    expect(r.headline).toEqual(f(3, 5));
    expect(r.byRegion).toEqual([]); // a county drills down to its enterprises
    expect(r.enterprises.map((e) => e.name).sort()).toEqual([name("E1"), name("E2")].sort());
    expect(r.untrained.map((u) => u.name).sort()).toEqual([name("a2"), name("b1")].sort());
  });

  it("is refused the city and the other county", async () => {
    await expect(coverageReport(county, { regionCode: "510500" }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(coverageReport(county, { regionCode: "510503" }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(annexData(county, "510500")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("exports", () => {
  it("the workbook holds every table with the same figures", async () => {
    const r = await coverageReport(city, { regionCode: "510500", periodId: "2026-2030" }, NOW);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await coverageXlsx(r)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["概览", "按地区", "按企业", "未达标企业", "按行业", "按岗位", "按课程类别", "未完成培训人员", "月度趋势"]);
    const values = (sheet: string) => book.getWorksheet(sheet)!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
    expect(values("按行业")).toEqual([
      ["危险化学品", 3, 2, 2 / 3],
      ["建筑施工", 2, 1, 0.5],
      ["机械制造", 3, 1, 1 / 3],
    ]);
    expect(values("按地区").filter((row) => row[2] !== 0)).toEqual([
      ["510502", "江阳区", 5, 3, 0.6],
      ["510503", "纳溪区", 3, 1, 1 / 3],
    ]);
    expect(values("未完成培训人员")).toHaveLength(4);
    expect(values("月度趋势").at(-1)).toEqual(["2026-11", 8, 4, 0.5, 0.2]);
  });

  it("the annex table: enterprise counts from the platform, entered figures and computed rates", async () => {
    await saveAnnex(city, {
      regionCode: "510500",
      periodId: "2026-2030",
      rows: [
        { industryCode: "HAZCHEM", insuredEnterprises: 1, employees: 400, insuredEmployees: 380, accidents: 2 },
        { industryCode: "MACHINERY", insuredEnterprises: 2, employees: 1000, insuredEmployees: 950, accidents: 5 },
      ],
    });
    const data = await annexData(city, "510500", "2026-2030");
    expect(data.baseYear).toBe(2025);
    const machinery = data.rows.find((x) => x.industryCode === "MACHINERY")!;
    expect(machinery).toMatchObject({ enterprises: 3, employees: 1000, insuredEmployees: 950, accidents: 5 }); // E3 E5 E6
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await annexXlsx({ regionName: data.region.name, periodName: data.period.name, baseYear: data.baseYear, rows: data.rows })) as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.getRow(3).values).toEqual([undefined, "重点行业名称", "企业户数", "参保企业户数", "从业总人数", "参加工伤保险人数", "工伤保险参保率", "2025年工伤事故数量", "工伤事故发生率", "备注"]);
    const rowOf = (label: string) => ws.getSheetValues().findIndex((row) => Array.isArray(row) && row[1] === label);
    const m = ws.getRow(rowOf("机械制造")).values as unknown[];
    expect(m.slice(1, 9)).toEqual(["机械制造", 3, 2, 1000, 950, 0.95, 5, 0.005]);
    // Industries without entered figures leave the total open rather than inventing a sum.
    const total = ws.getRow(rowOf("合计")).values as unknown[];
    expect(total[2]).toBe(data.rows.reduce((n, x) => n + x.enterprises, 0));
    expect(total[5] ?? null).toBeNull(); // an empty cell
  });
});

describe("the data feed", () => {
  const get = (key: string | null, query: string) =>
    feedResponse(new Request(`http://localhost/api/feed/v1/coverage?${query}`, { headers: key ? { Authorization: `Bearer ${key}` } : {} }), NOW);

  it("answers a key of the county with the county's figures, as JSON and CSV, and no personal data", async () => {
    const { key } = await createApiKey(county, "省厅数据平台");
    const summary = await get(key, "period=2026-2030");
    expect(summary.status).toBe(200);
    expect((await summary.json()).rows[0]).toMatchObject({ region: "510502", total: 5, trained: 3, share: 0.6, target: 0.2 });
    const enterprises = await (await get(key, "period=2026-2030&table=enterprise")).json();
    expect(enterprises.rows.map((r: { name: string; total: number; trained: number }) => [r.name, r.total, r.trained]).sort()).toEqual([
      [name("E1"), 3, 2],
      [name("E2"), 2, 1],
    ]);
    const csv = await get(key, "period=2026-2030&table=industry&format=csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = (await csv.text()).replace(/^\uFEFF/, "");
    expect(text.trim().split("\n")).toEqual(["code,name,total,trained,share", "HAZCHEM,危险化学品,3,2,0.6666666666666666", "CONSTRUCTION,建筑施工,2,1,0.5"]);
    // The feed gives figures, never people.
    const all = await Promise.all(["summary", "region", "enterprise", "industry", "position", "family", "trend"].map(async (t) => (await get(key, `period=2026-2030&table=${t}`)).text()));
    for (const body of all) expect(body).not.toMatch(/泸州测试[a-e]\d|(?<![\d.])166\d{8}(?!\d)/);
    // Outside the key's region: refused.
    expect((await get(key, "region=510503")).status).toBe(403);
  });

  it("refuses a missing, unknown or revoked key, and bad queries with 400", async () => {
    expect((await get(null, "")).status).toBe(401);
    expect((await get("gsyf_not-a-key", "")).status).toBe(401);
    const { key, id } = await createApiKey(city, "临时");
    expect((await get(key, "table=nonsense")).status).toBe(400);
    expect((await get(key, "region=12")).status).toBe(400);
    await revokeApiKey(city, id);
    expect((await get(key, "")).status).toBe(401);
    // Only the hash is stored.
    expect(JSON.stringify(await db.apiKey.findMany())).not.toContain(key);
  });
});

describe("registering enterprises", () => {
  it("a regulator registers one in its county, as a key enterprise; bad codes, duplicates and other regions are refused", async () => {
    const code = demoCreditCode("510502", "LX0000099");
    const parsed = createEnterpriseSchema.parse({ name: "泸州测试新登记化工有限公司", creditCode: code.toLowerCase(), industryCode: "HAZCHEM", regionCode: "510502", hazchemType: "PRODUCER", isKey: "on" });
    expect(parsed.creditCode).toBe(code);
    const e = await createEnterprise(county, parsed);
    expect(await db.keyEnterprise.count({ where: { enterpriseId: e.id } })).toBe(1);
    const r = await coverageReport(county, { regionCode: "510502", periodId: "2026-2030" }, NOW);
    expect(r.enterprises.find((x) => x.id === e.id)).toMatchObject({ total: 0, share: null });
    await expect(createEnterprise(county, parsed)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { creditCode: ["creditCodeTaken"] } });
    await expect(createEnterprise(county, { ...parsed, creditCode: demoCreditCode("510503", "LX0000098"), regionCode: "510503" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(createEnterpriseSchema.safeParse({ ...parsed, creditCode: code.slice(0, 17) + (code.endsWith("1") ? "2" : "1") }).success).toBe(false);
    expect(createEnterpriseSchema.safeParse({ ...parsed, hazchemType: "" }).success).toBe(false); // a hazchem enterprise needs its type
  });
});
