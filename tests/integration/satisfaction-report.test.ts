// The satisfaction report and its exports against a small data set worked out by hand (issue 7; DOMAIN.md
// "Satisfaction (the 85% target)"). Panzhihua (攀枝花市 510400), year 2025 (plan period 2021–2025, target
// 85). Built through the real data functions: projects, surveys and an offline session, and answers
// submitted by five learners created in the demo enterprises of three counties.
//
//  learner  enterprise (county)       completed the intro course
//  L1       vt    仁和区 510411        yes
//  L2       vt    仁和区 510411        yes
//  L3       build 东区   510402        no
//  L4       build 东区   510402        yes
//  L5       chem  西区   510403        no
//
//  P1  2025 project of the city (510400), demo provider, target 85; its survey S1 (named, standard items)
//  P2  2025 project of 东区 (510402), provider B, target 90; its offline session's survey S3 (anonymous,
//      provider B's own items: teacher and venue, both optional, and a text item)
//  S2  course survey of the intro course for the city, by the demo provider (named, standard items)
//
// Standard items: usefulness depth teacher methods materials organisation overall (the overall item gives
// the level); score = mean of the seven (非常满意 100, 满意 80, 一般 60, 不满意 40, 非常不满意 20).
//
//  row  survey learner  answers                                   score        level   when (Beijing)
//  a    S1     L1       all 非常满意 + two texts                    100          VS      2025-01-01 00:30
//  b    S1     L3       all 满意                                    80           S       2025-04-02
//  c    S1     L5       six 满意, overall 非常满意                  580/7=82.86  VS      2025-04-20
//  d    S2     L1       VS S VS S S VS, overall VS                  640/7=91.43  VS      2025-05-05
//  e    S2     L4       six 不满意, overall 一般 + a text           300/7=42.86  N       2025-05-06
//  f    S3     L3       teacher VS, venue S + a text                90           VS(tie) 2025-06-18 (day only)
//  g    S3     L2       teacher 一般, venue 不满意                  50           N (tie) 2025-06-18
//  h    S3     L4       text only (no rating)                       —  invalid           2025-06-18
//  x    S2     L2       all 非常满意                                100          VS      2024-12-31 23:30 (2024!)
//
// City 2025: valid a–g (7), invalid h; average = (100+80+90+50 + (580+640+300)/7) / 7 = 3760/49 = 76.73;
// satisfied (VS or S) a b c d f = 5/7; below 85.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { coverageReport } from "@/features/coverage/data";
import { DEMO_ENTERPRISES } from "@/features/demo/seed";
import { createProject, createSession, createSurvey, createTemplate, submitResponse } from "@/features/surveys/data";
import { satisfactionXlsx, surveyResponsesXlsx } from "@/features/surveys/export";
import { satisfactionHeadline, satisfactionReport, surveyResponsesForExport } from "@/features/surveys/report";
import { projectInputSchema, sessionInputSchema, surveyInputSchema, templateInputSchema } from "@/features/surveys/schemas";
import { db } from "@/lib/db";
import { maskMobile } from "@/lib/identifiers";
import type { SessionUser } from "@/lib/session";
import { loadDemo, sessionOf } from "./support";

const NOW = new Date("2025-11-20T12:00:00+08:00");
const at = (s: string) => new Date(`${s}+08:00`);
const INTRO = "gongshang-yufang-rumen";
const STD = ["usefulness", "depth", "teacher", "methods", "materials", "organisation", "overall"] as const;
const all = (level: string) => Object.fromEntries(STD.map((k) => [k, level]));

const LEARNERS = [
  { key: "L1", enterprise: "vt", intro: true },
  { key: "L2", enterprise: "vt", intro: true },
  { key: "L3", enterprise: "build", intro: false },
  { key: "L4", enterprise: "build", intro: true },
  { key: "L5", enterprise: "chem", intro: false },
] as const;
const nameOf = (key: string) => `问卷测试员${key}`;
const mobileOf = (i: number) => `1770001${String(i + 1).padStart(4, "0")}`;

const learner = new Map<string, SessionUser>();
const enterpriseName = (key: string) => DEMO_ENTERPRISES.find((e) => e.key === key)!.name;
let city: SessionUser;
let county: SessionUser;
let provider: SessionUser;
let providerB: SessionUser;
let P1: string;
let P2: string;
let S1: string;
let S2: string;
let S3: string;
let introTitle: string;

beforeAll(async () => {
  await loadDemo();
  city = await sessionOf("13800000001");
  county = await sessionOf("13800000002");
  provider = await sessionOf("13800000005");
  await db.user.create({ data: { mobile: "17700019999", name: "测试服务机构乙", role: "PROVIDER", passwordHash: "x" } });
  providerB = await sessionOf("17700019999");
  introTitle = (await db.course.findUniqueOrThrow({ where: { id: INTRO }, select: { title: true } })).title;

  for (const [i, l] of LEARNERS.entries()) {
    const e = DEMO_ENTERPRISES.find((x) => x.key === l.enterprise)!;
    const enterprise = await db.enterprise.findFirstOrThrow({ where: { name: e.name }, select: { id: true } });
    const user = await db.user.create({ data: { mobile: mobileOf(i), name: nameOf(l.key), role: "LEARNER", passwordHash: "x", enterpriseId: enterprise.id, positionCode: "TEAM_LEADER" } });
    if (l.intro) await db.courseCompletion.create({ data: { userId: user.id, courseId: INTRO, completedAt: at("2024-12-20T10:00:00"), creditedSeconds: 1800 } });
    learner.set(l.key, await sessionOf(mobileOf(i)));
  }
  const build = await db.enterprise.findFirstOrThrow({ where: { name: enterpriseName("build") }, select: { id: true } });

  P1 = (await createProject(city, projectInputSchema.parse({ name: "2025年度攀枝花市工伤预防培训项目（测试）", year: 2025, regionCode: "510400", providerId: provider.id }))).id;
  P2 = (await createProject(county, projectInputSchema.parse({ name: "2025年度东区工伤预防培训项目（测试）", year: 2025, regionCode: "510402", providerId: providerB.id, satisfactionTarget: 90 }))).id;
  S1 = (await createSurvey(city, surveyInputSchema.parse({ templateId: "standard-trainee", title: "2025年度项目满意度调查（测试）", target: "PROJECT", projectId: P1, opensOn: "2025-01-01" }), NOW)).id;
  S2 = (await createSurvey(provider, surveyInputSchema.parse({ templateId: "standard-trainee", title: "入门课程满意度调查（测试）", target: "COURSE", courseId: INTRO, regionCode: "510400", opensOn: "2024-12-01" }), NOW)).id;
  const template = await createTemplate(
    providerB,
    templateInputSchema.parse({
      title: "现场培训快速评价",
      items: [
        { id: "teacher", type: "rating", text: "您对授课教师是否满意？", dimension: "teacher", required: false },
        { id: "venue", type: "rating", text: "您对培训场地是否满意？", dimension: "other", required: false },
        { id: "note", type: "text", text: "其他意见和建议" },
      ],
    }),
  );
  S3 = (await createSession(providerB, sessionInputSchema.parse({ projectId: P2, title: "建筑施工班组长现场培训", heldOn: "2025-06-18", location: "东区职工培训中心", enterpriseId: build.id, templateId: template.id, anonymous: "on" }))).surveyId;

  const answer = (key: string, survey: string, answers: Record<string, string>, when: string) => submitResponse(learner.get(key)!, survey, { answers }, at(when));
  await answer("L1", S1, { ...all("VERY_SATISFIED"), gain: "事故案例很有用", suggestion: "希望增加现场演练" }, "2025-01-01T00:30:00"); // a
  await answer("L3", S1, all("SATISFIED"), "2025-04-02T10:00:00"); // b
  await answer("L5", S1, { ...all("SATISFIED"), overall: "VERY_SATISFIED" }, "2025-04-20T10:00:00"); // c
  await answer("L1", S2, { usefulness: "VERY_SATISFIED", depth: "SATISFIED", teacher: "VERY_SATISFIED", methods: "SATISFIED", materials: "SATISFIED", organisation: "VERY_SATISFIED", overall: "VERY_SATISFIED" }, "2025-05-05T10:00:00"); // d
  await answer("L4", S2, { ...all("DISSATISFIED"), overall: "NEUTRAL", suggestion: "视频太长，希望分段" }, "2025-05-06T10:00:00"); // e
  await answer("L3", S3, { teacher: "VERY_SATISFIED", venue: "SATISFIED", note: "讲得很好" }, "2025-06-18T15:00:00"); // f
  await answer("L2", S3, { teacher: "NEUTRAL", venue: "DISSATISFIED" }, "2025-06-18T16:00:00"); // g
  await answer("L4", S3, { note: "场地太挤" }, "2025-06-18T17:00:00"); // h (invalid)
  await answer("L2", S2, all("VERY_SATISFIED"), "2024-12-31T23:30:00"); // x (2024 in Beijing)
});

const fig = (respondents: number, average: number, satisfiedShare: number, meetsTarget: boolean) => ({ respondents, average, satisfiedShare, meetsTarget });
/** The figures of a row, with the average to 6 decimals (floating sums). */
const figuresOf = (r: { respondents: number; average: number | null; satisfiedShare: number | null; meetsTarget: boolean | null }) => ({
  respondents: r.respondents,
  average: r.average === null ? null : Math.round(r.average * 1e6) / 1e6,
  satisfiedShare: r.satisfiedShare === null ? null : Math.round(r.satisfiedShare * 1e6) / 1e6,
  meetsTarget: r.meetsTarget,
});
const exact = (f: ReturnType<typeof fig>) => figuresOf(f);

describe("the city's report (2025)", () => {
  it("the headline counts only the valid questionnaires of the year", async () => {
    const r = await satisfactionReport(city, { regionCode: "510400", year: 2025 }, NOW);
    expect(r.target).toBe(85);
    expect(r.period?.id).toBe("2021-2025");
    expect(r.responses).toBe(8); // a–h; x is in 2024 (Beijing time)
    expect(r.invalid).toBe(1); // h
    expect(figuresOf(r.headline)).toEqual(exact(fig(7, 3760 / 49, 5 / 7, false)));
    expect(r.years[0]).toBe(2025);
    expect(r.years.at(-1)).toBe(2021);
    // The coverage card's lighter query gives the same figure, as does the coverage report of the period.
    const h = await satisfactionHeadline(city, "510400", 2025);
    expect(figuresOf(h)).toEqual(figuresOf(r.headline));
    expect(h).toMatchObject({ target: 85, year: 2025 });
    const cov = await coverageReport(city, { regionCode: "510400", periodId: "2021-2025" }, NOW);
    expect(cov.satisfaction.year).toBe(2025);
    expect(cov.satisfaction.respondents).toBe(7);
    expect(cov.satisfaction.average).toBeCloseTo(3760 / 49, 9);
    expect(cov.satisfaction.satisfiedShare).toBeCloseTo(5 / 7, 9);
    expect(cov.satisfaction.target).toBe(85);
  });

  it("each project against its own target; by survey, course and provider", async () => {
    const r = await satisfactionReport(city, { regionCode: "510400", year: 2025 }, NOW);
    // P1: a b c = (100 + 80 + 580/7) / 3 = 1840/21 = 87.62 ≥ 85. P2: f g = (90 + 50) / 2 = 70 < 90.
    expect(r.byProject.map((p) => [p.name, p.target, figuresOf(p)])).toEqual([
      ["2025年度东区工伤预防培训项目（测试）", 90, exact(fig(2, 70, 1 / 2, false))],
      ["2025年度攀枝花市工伤预防培训项目（测试）", 85, exact(fig(3, 1840 / 21, 1, true))],
    ]);
    expect(r.byProject.find((p) => p.key === P1)).toMatchObject({ providerName: "攀西工伤预防服务中心", regionName: "攀枝花市" });
    // S2: d e = (640 + 300) / 7 / 2 = 470/7 = 67.14; S3 70; S1 87.62 (lowest first).
    expect(r.bySurvey.map((s) => [s.key, figuresOf(s)])).toEqual([
      [S2, exact(fig(2, 470 / 7, 1 / 2, false))],
      [S3, exact(fig(2, 70, 1 / 2, false))],
      [S1, exact(fig(3, 1840 / 21, 1, true))],
    ]);
    expect(r.bySurvey.find((s) => s.key === S3)).toMatchObject({ anonymous: true, target: "SESSION" });
    expect(r.byCourse.map((c) => [c.key, c.name, figuresOf(c)])).toEqual([[INTRO, introTitle, exact(fig(2, 470 / 7, 1 / 2, false))]]);
    // Demo provider: S1 (its project) and S2 (its own) = a b c d e = (180 + 1520/7) / 5 = 2780/35 = 79.43.
    expect(r.byProvider.map((p) => [p.name, figuresOf(p)])).toEqual([
      ["测试服务机构乙", exact(fig(2, 70, 1 / 2, false))],
      ["攀西工伤预防服务中心", exact(fig(5, 2780 / 35, 4 / 5, false))],
    ]);
  });

  it("by enterprise and by county", async () => {
    const r = await satisfactionReport(city, { regionCode: "510400", year: 2025 }, NOW);
    // Anonymous responses (S3: f g h) keep no enterprise, so they count by county but not by enterprise.
    // vt: a d = (100 + 640/7) / 2 = 670/7 = 95.71; build: b e = (80 + 300/7) / 2 = 430/7 = 61.43; chem: c.
    expect(r.byEnterprise.map((e) => [e.name, figuresOf(e)])).toEqual([
      [enterpriseName("build"), exact(fig(2, 430 / 7, 1 / 2, false))],
      [enterpriseName("chem"), exact(fig(1, 580 / 7, 1, false))],
      [enterpriseName("vt"), exact(fig(2, 670 / 7, 1, true))],
    ]);
    expect(r.byRegion.map((x) => [x.key, x.name, figuresOf(x)])).toEqual([
      ["510402", "东区", exact(fig(3, 1490 / 21, 2 / 3, false))],
      ["510411", "仁和区", exact(fig(3, 1690 / 21, 2 / 3, false))],
      ["510403", "西区", exact(fig(1, 580 / 7, 1, false))],
    ]);
  });

  it("items by dimension across surveys, the trend, and what is below target", async () => {
    const r = await satisfactionReport(city, { regionCode: "510400", year: 2025 }, NOW);
    // Over a–g: usefulness 100 80 80 100 40 = 80; depth 100 80 80 80 40 = 76; teacher also f 100 and g 60
    // = 560/7 = 80; methods, materials 76; organisation 80; overall 100 80 100 100 60 = 88; S3's venue 80 40 = 60.
    expect(Object.fromEntries(r.byItem.map((i) => [i.key, [i.answered, i.average, i.meetsTarget]]))).toEqual({
      usefulness: [5, 80, false],
      depth: [5, 76, false],
      teacher: [7, 80, false],
      methods: [5, 76, false],
      materials: [5, 76, false],
      organisation: [5, 80, false],
      overall: [5, 88, true],
      [`${S3}:venue`]: [2, 60, false],
    });
    expect(r.belowTarget.items.map((i) => i.key)).toEqual([`${S3}:venue`, "depth", "methods", "materials", "usefulness", "teacher", "organisation"]);
    expect(r.belowTarget.courses.map((c) => c.key)).toEqual([INTRO]);
    expect(r.belowTarget.projects.map((p) => p.key)).toEqual([P2]);
    // Months in Beijing time: a (00:30 on 1 January) is January's, not December's.
    expect(r.trend.map((m) => [m.month, figuresOf(m), m.target])).toEqual([
      ["2025-01", exact(fig(1, 100, 1, true)), 85],
      ["2025-04", exact(fig(2, 570 / 7, 1, false)), 85],
      ["2025-05", exact(fig(2, 470 / 7, 1 / 2, false)), 85],
      ["2025-06", exact(fig(2, 70, 1 / 2, false)), 85],
    ]);
  });

  it("the free text, newest first, with the Beijing day and no enterprise for the anonymous survey", async () => {
    const r = await satisfactionReport(city, { regionCode: "510400", year: 2025 }, NOW);
    expect(r.comments.map((c) => [c.text, c.day, c.enterpriseName, c.surveyId])).toEqual([
      // h and f share the day (anonymous: stored at Beijing midnight); same-day order follows the text.
      ["场地太挤", "2025-06-18", "", S3],
      ["讲得很好", "2025-06-18", "", S3],
      ["视频太长，希望分段", "2025-05-06", enterpriseName("build"), S2],
      ["事故案例很有用", "2025-01-01", enterpriseName("vt"), S1],
      ["希望增加现场演练", "2025-01-01", enterpriseName("vt"), S1],
    ]);
    expect(r.comments[0]!.question).toBe("其他意见和建议");
    // Nothing in a comment points back at a response (a cuid carries its creation time).
    const responseIds = (await db.surveyResponse.findMany({ select: { id: true } })).map((x) => x.id);
    for (const c of r.comments) expect(responseIds.some((id) => c.id.includes(id))).toBe(false);
  });

  it("another year has its own figures", async () => {
    const r = await satisfactionReport(city, { regionCode: "510400", year: 2024 }, NOW);
    expect(figuresOf(r.headline)).toEqual(exact(fig(1, 100, 1, true))); // x only
    expect(r.byCourse.map((c) => c.key)).toEqual([INTRO]);
    const empty = await satisfactionReport(city, { regionCode: "510400", year: 2023 }, NOW);
    expect(empty.headline).toEqual({ respondents: 0, average: null, satisfiedShare: null, meetsTarget: null });
    expect(empty.comments).toEqual([]);
  });
});

describe("scope", () => {
  it("a county regulator sees its county only", async () => {
    const r = await satisfactionReport(county, { regionCode: "510402", year: 2025 }, NOW);
    // b e f valid, h invalid: (80 + 300/7 + 90) / 3 = 1490/21; satisfied b f.
    expect(r.responses).toBe(4);
    expect(r.invalid).toBe(1);
    expect(figuresOf(r.headline)).toEqual(exact(fig(3, 1490 / 21, 2 / 3, false)));
    expect(r.byRegion).toEqual([]);
    // Within the county P2 reaches its 90 (f), P1 does not reach 85 (b).
    expect(Object.fromEntries(r.byProject.map((p) => [p.key, figuresOf(p)]))).toEqual({ [P1]: exact(fig(1, 80, 1, false)), [P2]: exact(fig(1, 90, 1, true)) });
    expect(r.byEnterprise.map((e) => e.name)).toEqual([enterpriseName("build")]);
    expect(r.comments.map((c) => c.text)).toEqual(["场地太挤", "讲得很好", "视频太长，希望分段"]);
    await expect(satisfactionReport(county, { regionCode: "510411", year: 2025 }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(satisfactionReport(county, { regionCode: "510400", year: 2025 }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(satisfactionHeadline(county, "510411", 2025)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("learners and enterprise admins are refused; an admin sees the province", async () => {
    for (const mobile of ["13800000006", "13800000003", "13800000005"]) {
      const user = await sessionOf(mobile);
      await expect(satisfactionReport(user, { regionCode: "510411", year: 2025 }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(satisfactionHeadline(user, "510400", 2025)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(satisfactionReport(learner.get("L1")!, { regionCode: "510411", year: 2025 }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await sessionOf("13800000000");
    const province = await satisfactionReport(admin, { regionCode: "510000", year: 2025 }, NOW);
    expect(province.byRegion.find((x) => x.key === "510400")).toMatchObject({ respondents: 7 });
  });

  it("a survey's responses are exported to those who manage it only", async () => {
    await expect(surveyResponsesForExport(county, S1)).rejects.toMatchObject({ code: "FORBIDDEN" }); // a city survey
    await expect(surveyResponsesForExport(provider, S3)).rejects.toMatchObject({ code: "FORBIDDEN" }); // provider B's
    await expect(surveyResponsesForExport(learner.get("L1")!, S1)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(surveyResponsesForExport(await sessionOf("13800000003"), S1)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(surveyResponsesForExport(city, "no-such-survey")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await surveyResponsesForExport(provider, S1)).rows).toHaveLength(3); // P1's provider
    expect((await surveyResponsesForExport(county, S3)).rows).toHaveLength(3); // a survey of 东区
  });
});

// ---- The files --------------------------------------------------------------------------------------

async function load(buffer: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}
const values = (book: ExcelJS.Workbook, sheet: string) => book.getWorksheet(sheet)!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
/** Every cell of every sheet as text. */
const cellsOf = (book: ExcelJS.Workbook) => book.worksheets.flatMap((ws) => ws.getSheetValues().flatMap((row) => ((row as unknown[]) ?? []).map((v) => String(v ?? ""))));

describe("the satisfaction workbook", () => {
  it("holds every table with the page's figures and no learner identifiers", async () => {
    const r = await satisfactionReport(city, { regionCode: "510400", year: 2025 }, NOW);
    const book = await load(await satisfactionXlsx(r));
    expect(book.worksheets.map((w) => w.name)).toEqual(["概览", "按项目", "按地区", "按课程", "按服务机构", "按企业", "按问卷", "按题目", "低于目标", "意见建议"]);
    const overview = Object.fromEntries(values(book, "概览").slice(1).map(([k, v]) => [k, v]));
    expect(overview).toMatchObject({
      地区: "攀枝花市",
      统计年度: 2025,
      "平均满意度目标（分）": 85,
      有效问卷: 7,
      "无效问卷（不计入统计）": 1,
      "平均满意度（百分制）": 76.7, // 76.73 truncated to one decimal
      "满意率（非常满意+满意）": 0.7143,
      是否达到目标: "未达标",
    });
    expect(values(book, "按项目").slice(1)).toEqual([
      ["2025年度东区工伤预防培训项目（测试）", 2025, "东区", "测试服务机构乙", 90, 2, 70, 0.5, "未达标"],
      ["2025年度攀枝花市工伤预防培训项目（测试）", 2025, "攀枝花市", "攀西工伤预防服务中心", 85, 3, 87.6, 1, "达标"],
    ]);
    expect(values(book, "按地区").slice(1)).toEqual([
      ["510402", "东区", 3, 70.9, 0.6667, "未达标"],
      ["510411", "仁和区", 3, 80.4, 0.6667, "未达标"],
      ["510403", "西区", 1, 82.8, 1, "未达标"],
    ]);
    expect(values(book, "按课程").slice(1)).toEqual([[introTitle, 2, 67.1, 0.5, "未达标"]]);
    expect(values(book, "按服务机构").slice(1).map((row) => row.slice(0, 3))).toEqual([["测试服务机构乙", 2, 70], ["攀西工伤预防服务中心", 5, 79.4]]);
    expect(values(book, "按企业").slice(1).map((row) => [row[0], row[2], row[3]])).toEqual([
      [enterpriseName("build"), 2, 61.4],
      [enterpriseName("chem"), 1, 82.8],
      [enterpriseName("vt"), 2, 95.7],
    ]);
    expect(values(book, "按问卷").slice(1).map((row) => [row[0], row[2], row[4], row[6]])).toEqual([
      ["入门课程满意度调查（测试）", "课程问卷", "否", 67.1],
      ["现场培训快速评价（建筑施工班组长现场培训）", "线下培训问卷", "是", 70],
      ["2025年度项目满意度调查（测试）", "项目问卷", "否", 87.6],
    ]);
    expect(values(book, "按题目").slice(1).map((row) => [row[0], row[2], row[3], row[4]])).toEqual([
      ["内容实用性", 5, 80, "未达标"],
      ["内容深度", 5, 76, "未达标"],
      ["授课教师", 7, 80, "未达标"],
      ["培训方式", 5, 76, "未达标"],
      ["教材课件", 5, 76, "未达标"],
      ["组织安排", 5, 80, "未达标"],
      ["总体满意度", 5, 88, "达标"],
      ["其他：您对培训场地是否满意？", 2, 60, "未达标"],
    ]);
    expect(values(book, "低于目标").slice(1).map((row) => [row[0], row[1], row[2], row[3]])).toEqual([
      ["题目", "其他：您对培训场地是否满意？", 60, 85],
      ["题目", "内容深度", 76, 85],
      ["题目", "培训方式", 76, 85],
      ["题目", "教材课件", 76, 85],
      ["题目", "内容实用性", 80, 85],
      ["题目", "授课教师", 80, 85],
      ["题目", "组织安排", 80, 85],
      ["课程", introTitle, 67.1, 85],
      ["项目", "2025年度东区工伤预防培训项目（测试）", 70, 90],
    ]);
    const comments = values(book, "意见建议");
    expect(comments[0]).toEqual(["序号", "日期", "问卷", "题目", "企业", "内容"]);
    expect(comments.slice(1).map((row) => [row[0], row[1], row[4], row[5]])).toEqual([
      [1, "2025-06-18", "", "场地太挤"],
      [2, "2025-06-18", "", "讲得很好"],
      [3, "2025-05-06", enterpriseName("build"), "视频太长，希望分段"],
      [4, "2025-01-01", enterpriseName("vt"), "事故案例很有用"],
      [5, "2025-01-01", enterpriseName("vt"), "希望增加现场演练"],
    ]);
    // No learner identifier anywhere in the workbook.
    const text = cellsOf(book).join("\n");
    for (const [i, l] of LEARNERS.entries()) {
      expect(text).not.toContain(nameOf(l.key));
      expect(text).not.toContain(mobileOf(i));
      expect(text).not.toContain(maskMobile(mobileOf(i)));
      expect(text).not.toContain(learner.get(l.key)!.id);
    }
  });

  it("a year without answers still gives every sheet", async () => {
    const book = await load(await satisfactionXlsx(await satisfactionReport(city, { regionCode: "510400", year: 2023 }, NOW)));
    expect(book.worksheets).toHaveLength(10);
    expect(Object.fromEntries(values(book, "概览").slice(1).map(([k, v]) => [k, v]))).toMatchObject({ 有效问卷: 0, "平均满意度（百分制）": "暂无数据" });
  });
});

describe("a survey's responses as a file", () => {
  it("a named survey: the respondent's name, masked mobile and enterprise, each answer in Chinese with its score", async () => {
    const book = await load(await surveyResponsesXlsx(await surveyResponsesForExport(city, S1)));
    const rows = values(book, "答卷");
    expect(rows[0]!.slice(0, 8)).toEqual(["序号", "姓名", "手机号", "企业", "地区", "提交时间", `1. ${"培训内容对您的工作是否实用（能用于识别和防范本岗位的危险有害因素）？"}`, "1. 得分"]);
    expect(rows[0]!.slice(-3)).toEqual(["问卷得分", "总体评价", "有效问卷"]);
    expect(rows.slice(1).map((row) => row.slice(0, 5))).toEqual([
      [1, nameOf("L1"), maskMobile(mobileOf(0)), enterpriseName("vt"), "仁和区"],
      [2, nameOf("L3"), maskMobile(mobileOf(2)), enterpriseName("build"), "东区"],
      [3, nameOf("L5"), maskMobile(mobileOf(4)), enterpriseName("chem"), "西区"],
    ]);
    // c: six 满意 (80) and the overall item 非常满意 (100); score 580/7 = 82.86 → 82.8.
    const c = rows[3]!;
    expect(c.slice(6, 20)).toEqual(["满意", 80, "满意", 80, "满意", 80, "满意", 80, "满意", 80, "满意", 80, "非常满意", 100]);
    expect(c.slice(-3)).toEqual([82.8, "非常满意", "是"]);
    // a's free text is there (column 21, 22 after the 7 × 2 rating columns).
    expect(rows[1]!.slice(20, 22)).toEqual(["事故案例很有用", "希望增加现场演练"]);
    const text = cellsOf(book).join("\n");
    for (const i of [0, 2, 4]) expect(text).not.toContain(mobileOf(i)); // only masked
  });

  it("an anonymous survey: a row number, the region and the day, nothing that identifies anyone", async () => {
    const data = await surveyResponsesForExport(providerB, S3);
    const book = await load(await surveyResponsesXlsx(data));
    const rows = values(book, "答卷");
    expect(rows[0]).toEqual(["序号", "地区", "日期", "1. 您对授课教师是否满意？", "1. 得分", "2. 您对培训场地是否满意？", "2. 得分", "3. 其他意见和建议", "问卷得分", "总体评价", "有效问卷"]);
    // Ordered by the answers, not by submission (h, g, f were submitted f, g, h).
    expect(rows.slice(1)).toEqual([
      [1, "东区", "2025-06-18", "", "", "", "", "场地太挤", "", "", "否"],
      [2, "仁和区", "2025-06-18", "一般", 60, "不满意", 40, "", 50, "一般", "是"],
      [3, "东区", "2025-06-18", "非常满意", 100, "满意", 80, "讲得很好", 90, "非常满意", "是"],
    ]);
    const stored = await db.surveyResponse.findMany({ where: { surveyId: S3 }, select: { id: true, userId: true, respondentKey: true } });
    expect(stored.every((x) => x.userId === null)).toBe(true);
    const text = cellsOf(book).join("\n");
    for (const [i, l] of LEARNERS.entries()) {
      expect(text).not.toContain(nameOf(l.key));
      expect(text).not.toContain(mobileOf(i));
      expect(text).not.toContain(maskMobile(mobileOf(i)));
      expect(text).not.toContain(learner.get(l.key)!.id);
    }
    for (const key of ["vt", "build", "chem"]) expect(text).not.toContain(enterpriseName(key));
    for (const x of stored) {
      expect(text).not.toContain(x.respondentKey);
      expect(text).not.toContain(x.id);
    }
    expect(text).not.toMatch(/\d{1,2}:\d{2}/); // no time of day
    // The data handed to the file has no identifier either.
    expect(data.rows.every((row) => row.respondent === null && row.submittedAt === null)).toBe(true);
    expect(JSON.stringify(data)).not.toContain(learner.get("L3")!.id);
  });
});
