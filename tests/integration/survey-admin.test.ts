// Managing satisfaction surveys (issue 7) against the demo data in a real database: providers build
// templates and put surveys in front of trainees, regulators open annual projects of their region, offline
// sessions get their survey in the same transaction, and closing a survey needs the right to manage it.
// Through the server actions (zod input, permission, scope in features/surveys/data.ts); only the
// request's session is stood in for.
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it, vi } from "vitest";
import messages from "@/messages/zh-CN.json";
import type { SessionUser } from "@/lib/session";

const session = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getSession: async () => session.current, getRequestSession: async () => session.current }));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => createTranslator({ locale: "zh-CN", messages }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { closeSurveyAction, createProjectAction, createSessionAction, createSurveyAction, createTemplateAction } = await import("@/features/surveys/actions");
const { managedProject, managedSurvey, managedSurveys, projectList, surveyRegions, surveyStatus, templatesFor } = await import("@/features/surveys/data");
const { db } = await import("@/lib/db");
const { loadDemo, sessionOf } = await import("./support");

const ADMIN = "13800000000";
const CITY_REGULATOR = "13800000001"; // 攀枝花市 510400
const COUNTY_REGULATOR = "13800000002"; // 东区 510402
const ENTERPRISE_ADMIN = "13800000003";
const PROVIDER = "13800000005";
const LEARNER = "13800000006";

const as = async (mobile: string) => (session.current = await sessionOf(mobile));
const counts = async () => ({
  templates: await db.surveyTemplate.count(),
  surveys: await db.survey.count(),
  sessions: await db.trainingSession.count(),
  projects: await db.annualProject.count(),
});
const rating = (id: string, text: string, extra: Record<string, unknown> = {}) => ({ id, type: "rating", text, dimension: "usefulness", required: true, ...extra });

let courseId: string;
let otherProviderId: string;

beforeAll(async () => {
  await loadDemo();
  courseId = (await db.course.findFirstOrThrow({ where: { archivedAt: null }, select: { id: true } })).id;
  otherProviderId = (
    await db.user.create({
      data: { mobile: `137${Date.now().toString().slice(-8)}`, name: "另一家服务机构", role: "PROVIDER", passwordHash: "-" },
      select: { id: true },
    })
  ).id;
});

describe("templates", () => {
  it("refuses a template whose items break the rules, with field errors at the items, and writes nothing", async () => {
    await as(PROVIDER);
    const before = await counts();

    // Rule of an item (definition.ts): text of at least 4 characters, a known dimension.
    const shortText = await createTemplateAction(null, { title: "本机构满意度问卷", intro: "", items: [rating("q1", "好吗"), rating("q2", "内容实用吗？", { dimension: "colour" })] });
    expect(shortText.ok).toBe(false);
    if (shortText.ok) return;
    expect(shortText.fieldErrors?.["items.0.text"]).toEqual([messages.validation.tooShort]);
    expect(Object.keys(shortText.fieldErrors ?? {})).toContain("items.1.dimension");

    // Rules of the whole questionnaire (createTemplate): a rating item, one overall item, unique ids.
    const noRating = await createTemplateAction(null, { title: "本机构满意度问卷", items: [{ id: "q1", type: "text", text: "您有什么建议？", required: false, maxLength: 300 }] });
    expect(noRating).toMatchObject({ ok: false, fieldErrors: { items: [messages.validation.surveyNeedsRating] } });
    const twoOverall = await createTemplateAction(null, {
      title: "本机构满意度问卷",
      items: [rating("q1", "总体是否满意？", { overall: true }), rating("q1", "总体还满意吗？", { overall: true })],
    });
    expect(twoOverall).toMatchObject({ ok: false, fieldErrors: { items: [messages.validation.surveyOneOverall], "items.1.id": [messages.validation.surveyDuplicateItem] } });

    const empty = await createTemplateAction(null, { title: "短", items: [] });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(Object.keys(empty.fieldErrors ?? {}).sort()).toEqual(["items", "title"]);

    expect(await counts()).toEqual(before);
  });

  it("saves a provider's own template, copied from the standard one and adapted; it is theirs only", async () => {
    const provider = await as(PROVIDER);
    const standard = (await templatesFor(provider)).find((tp) => !tp.own)!;
    expect(standard).toBeDefined();
    const items = [...standard.items.filter((i) => i.id !== "depth"), { id: "q10", type: "text" as const, text: "哪一节课最有用？", required: false, maxLength: 200 }];
    const done = await createTemplateAction(null, { title: "攀西中心培训满意度问卷", intro: "请如实填写。", basedOn: standard.id, items });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    const own = (await templatesFor(provider)).find((tp) => tp.id === done.data.id)!;
    expect(own).toMatchObject({ own: true, title: "攀西中心培训满意度问卷", ownerId: provider.id });
    expect(own.items.map((i) => i.id)).toEqual(items.map((i) => i.id));

    // Another provider neither sees it nor may start a survey from it.
    const other = { ...(await sessionOf(PROVIDER)), id: otherProviderId };
    expect((await templatesFor(other)).some((tp) => tp.id === done.data.id)).toBe(false);
    session.current = other;
    const foreign = await createSurveyAction(null, { templateId: done.data.id, target: "COURSE", courseId, regionCode: "510400" });
    expect(foreign).toMatchObject({ ok: false, message: messages.errors.forbidden });
  });

  it("is refused to regulators (who use the existing templates), enterprise admins and learners", async () => {
    const before = await counts();
    for (const mobile of [CITY_REGULATOR, ENTERPRISE_ADMIN, LEARNER]) {
      await as(mobile);
      const result = await createTemplateAction(null, { title: "越权模板测试", items: [rating("q1", "内容实用吗？")] });
      expect(result).toMatchObject({ ok: false, message: messages.errors.forbidden });
    }
    expect(await counts()).toEqual(before);
  });
});

describe("course surveys", () => {
  it("a provider puts a course survey in front of a city's learners, required before the certificate", async () => {
    const provider = await as(PROVIDER);
    const done = await createSurveyAction(null, {
      templateId: "standard-trainee",
      target: "COURSE",
      courseId,
      projectId: "",
      regionCode: "510400",
      anonymous: "on",
      requiredForCertificate: "on",
      opensOn: "2026-03-01",
      closesOn: "2026-03-31",
    });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    const survey = await managedSurvey(provider, done.data.id);
    expect(survey).toMatchObject({ target: "COURSE", courseId, regionCode: "510400", regionName: "攀枝花市", anonymous: true, requiredForCertificate: true, code: done.data.code });
    // Opens at Beijing midnight of the first day, closes at the end of the last.
    expect(survey.opensAt.toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(survey.closesAt!.toISOString()).toBe("2026-03-31T16:00:00.000Z");
    expect(survey.items.length).toBeGreaterThan(0);
    const listed = (await managedSurveys(provider)).find((s) => s.id === done.data.id);
    expect(listed).toMatchObject({ responses: 0, courseTitle: expect.any(String) });
    // A provider addresses any region of the province: the province, its cities and counties.
    const regions = (await surveyRegions(provider)).map((r) => r.code);
    expect(regions).toEqual(expect.arrayContaining(["510000", "510400", "510402", "510100"]));
  });

  it("refuses a survey without its course or region, and closing before opening, writing nothing", async () => {
    await as(PROVIDER);
    const before = await counts();
    const missing = await createSurveyAction(null, { templateId: "standard-trainee", target: "COURSE", courseId: "", regionCode: "" });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(Object.keys(missing.fieldErrors ?? {}).sort()).toEqual(["courseId", "regionCode"]);
    const backwards = await createSurveyAction(null, { templateId: "standard-trainee", target: "COURSE", courseId, regionCode: "510400", opensOn: "2026-05-02", closesOn: "2026-05-01" });
    expect(backwards).toMatchObject({ ok: false, fieldErrors: { closesOn: [messages.validation.surveyCloseBeforeOpen] } });
    const unknownCourse = await createSurveyAction(null, { templateId: "standard-trainee", target: "COURSE", courseId: "no-such-course", regionCode: "510400" });
    expect(unknownCourse).toMatchObject({ ok: false, fieldErrors: { courseId: [messages.validation.surveyCourseUnknown] } });
    expect(await counts()).toEqual(before);
  });

  it("a county regulator may address its county only", async () => {
    await as(COUNTY_REGULATOR);
    const before = await counts();
    const outside = await createSurveyAction(null, { templateId: "standard-trainee", target: "COURSE", courseId, regionCode: "510403" });
    expect(outside).toMatchObject({ ok: false, message: messages.errors.forbidden });
    expect(await counts()).toEqual(before);
    expect((await createSurveyAction(null, { templateId: "standard-trainee", target: "COURSE", courseId, regionCode: "510402" })).ok).toBe(true);
  });
});

describe("annual projects", () => {
  it("a county regulator opens a project in its county, and is refused another county and its city", async () => {
    const user = await as(COUNTY_REGULATOR);
    const provider = await sessionOf(PROVIDER);
    const done = await createProjectAction(null, { name: "2026年东区工伤预防培训项目", year: "2026", regionCode: "510402", providerId: provider.id, satisfactionTarget: "85" });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect((await projectList(user)).find((p) => p.id === done.data.id)).toMatchObject({ year: 2026, regionName: "东区", providerName: "攀西工伤预防服务中心", satisfactionTarget: 85, sessions: 0 });

    const before = await counts();
    for (const regionCode of ["510403", "510400"]) {
      const refused = await createProjectAction(null, { name: "越权的年度项目", year: "2026", regionCode, providerId: "", satisfactionTarget: "85" });
      expect(refused).toMatchObject({ ok: false, message: messages.errors.forbidden });
    }
    const badProvider = await createProjectAction(null, { name: "服务机构不对的项目", year: "2026", regionCode: "510402", providerId: (await sessionOf(LEARNER)).id });
    expect(badProvider).toMatchObject({ ok: false, fieldErrors: { providerId: [messages.validation.surveyProviderUnknown] } });
    expect(await counts()).toEqual(before);
    // Its regions to choose from: its county alone.
    expect((await surveyRegions(user)).map((r) => r.code)).toEqual(["510402"]);
  });

  it("is refused to providers, enterprise admins and learners", async () => {
    const before = await counts();
    for (const mobile of [PROVIDER, ENTERPRISE_ADMIN, LEARNER]) {
      await as(mobile);
      expect(await createProjectAction(null, { name: "越权的年度项目", year: "2026", regionCode: "510402" })).toMatchObject({ ok: false, message: messages.errors.forbidden });
    }
    expect(await counts()).toEqual(before);
  });
});

describe("offline sessions", () => {
  let projectId: string;
  beforeAll(async () => {
    await as(CITY_REGULATOR);
    const done = await createProjectAction(null, { name: "2026年东区班组长现场培训项目", year: "2026", regionCode: "510402", providerId: (await sessionOf(PROVIDER)).id });
    if (!done.ok) throw new Error(done.message);
    projectId = done.data.id;
  });

  it("the project's provider creates a session: the session and its survey are written together", async () => {
    const provider = await as(PROVIDER);
    const enterprise = await db.enterprise.findFirstOrThrow({ where: { regionCode: "510402" }, select: { id: true, name: true } });
    const done = await createSessionAction(null, { projectId, title: "建筑企业班组长工伤预防培训", heldOn: "2026-04-10", location: "东区人社局三楼会议室", enterpriseId: enterprise.id, templateId: "standard-trainee", anonymous: "on" });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    const survey = await db.survey.findUniqueOrThrow({ where: { id: done.data.surveyId }, select: { target: true, sessionId: true, projectId: true, enterpriseId: true, regionCode: true, anonymous: true, code: true, opensAt: true } });
    expect(survey).toMatchObject({ target: "SESSION", sessionId: done.data.sessionId, projectId, enterpriseId: enterprise.id, regionCode: "510402", anonymous: true, code: done.data.code });
    expect(survey.opensAt.toISOString()).toBe("2026-04-09T16:00:00.000Z");

    const page = await managedProject(provider, projectId);
    expect(page.sessions).toHaveLength(1);
    expect(page.sessions[0]).toMatchObject({ title: "建筑企业班组长工伤预防培训", location: "东区人社局三楼会议室", enterpriseName: enterprise.name });
    expect(page.sessions[0]!.surveys).toEqual([expect.objectContaining({ id: done.data.surveyId, code: done.data.code, responses: 0 })]);
    expect(page.enterprises.every((e) => e.regionCode.startsWith("510402"))).toBe(true);
  });

  it("an enterprise outside the project's region writes neither the session nor its survey", async () => {
    await as(PROVIDER);
    const before = await counts();
    const outside = await db.enterprise.findFirstOrThrow({ where: { regionCode: "510411" }, select: { id: true } });
    const refused = await createSessionAction(null, { projectId, title: "越界企业的现场培训", heldOn: "2026-04-11", location: "仁和区某会议室", enterpriseId: outside.id, templateId: "standard-trainee" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { enterpriseId: [messages.validation.surveyEnterpriseOutside] } });
    const badDate = await createSessionAction(null, { projectId, title: "日期不对的现场培训", heldOn: "4月11日", location: "东区", templateId: "standard-trainee" });
    expect(badDate).toMatchObject({ ok: false, fieldErrors: { heldOn: [messages.validation.date] } });
    expect(await counts()).toEqual(before);
  });

  it("a provider not carrying out the project, and enterprise admins, are refused; the project page too", async () => {
    const before = await counts();
    const other = { ...(await sessionOf(PROVIDER)), id: otherProviderId };
    session.current = other;
    expect(await createSessionAction(null, { projectId, title: "别家机构的现场培训", heldOn: "2026-04-12", location: "东区", templateId: "standard-trainee" })).toMatchObject({ ok: false, message: messages.errors.forbidden });
    await as(ENTERPRISE_ADMIN);
    expect(await createSessionAction(null, { projectId, title: "企业管理员的现场培训", heldOn: "2026-04-12", location: "东区", templateId: "standard-trainee" })).toMatchObject({ ok: false, message: messages.errors.forbidden });
    expect(await counts()).toEqual(before);

    await expect(managedProject(other, projectId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(managedProject(await sessionOf(LEARNER), projectId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Regulators of its region and admins see it (the page is shared with providers).
    for (const mobile of [COUNTY_REGULATOR, CITY_REGULATOR, ADMIN]) expect((await managedProject(await sessionOf(mobile), projectId)).id).toBe(projectId);
    await expect(managedProject(await sessionOf(ADMIN), "no-such-project")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("closing a survey", () => {
  let surveyId: string;
  beforeAll(async () => {
    await as(PROVIDER);
    const done = await createSurveyAction(null, { templateId: "standard-trainee", target: "COURSE", courseId, regionCode: "510400" });
    if (!done.ok) throw new Error(done.message);
    surveyId = done.data.id;
  });
  const closesAt = async () => (await db.survey.findUniqueOrThrow({ where: { id: surveyId }, select: { closesAt: true } })).closesAt;

  it("is refused without the right to manage it", async () => {
    for (const mobile of [ENTERPRISE_ADMIN, LEARNER]) {
      await as(mobile);
      expect(await closeSurveyAction(null, { surveyId, confirm: "yes" })).toMatchObject({ ok: false, message: messages.errors.forbidden });
    }
    // Manage rights without the scope: a county regulator for a city-wide survey, another provider.
    await as(COUNTY_REGULATOR);
    expect(await closeSurveyAction(null, { surveyId, confirm: "yes" })).toMatchObject({ ok: false, message: messages.errors.forbidden });
    await expect(managedSurvey(await sessionOf(COUNTY_REGULATOR), surveyId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    session.current = { ...(await sessionOf(PROVIDER)), id: otherProviderId };
    expect(await closeSurveyAction(null, { surveyId, confirm: "yes" })).toMatchObject({ ok: false, message: messages.errors.forbidden });
    expect(await closesAt()).toBeNull();
  });

  it("needs the explicit confirmation", async () => {
    await as(PROVIDER);
    expect(await closeSurveyAction(null, { surveyId } as never)).toMatchObject({ ok: false, fieldErrors: { confirm: [messages.validation.confirmRequired] } });
    expect(await closesAt()).toBeNull();
  });

  it("closes it for its provider (and a regulator of the region may too)", async () => {
    const provider = await as(PROVIDER);
    expect(await closeSurveyAction(null, { surveyId, confirm: "yes" })).toEqual({ ok: true, data: { closed: true } });
    expect(surveyStatus((await managedSurvey(provider, surveyId)), new Date(Date.now() + 1000))).toBe("closed");
    await as(CITY_REGULATOR);
    expect(await closeSurveyAction(null, { surveyId, confirm: "yes" })).toEqual({ ok: true, data: { closed: false } });
  });

  it("a survey closed before its opening day reads as closed, not as not yet open", async () => {
    const provider = await as(PROVIDER);
    const later = await createSurveyAction(null, { templateId: "standard-trainee", target: "COURSE", courseId, regionCode: "510400", opensOn: "2035-06-01" });
    if (!later.ok) throw new Error(later.message);
    expect(surveyStatus(await managedSurvey(provider, later.data.id))).toBe("notYetOpen");
    expect(await closeSurveyAction(null, { surveyId: later.data.id, confirm: "yes" })).toEqual({ ok: true, data: { closed: true } });
    const closed = await managedSurvey(provider, later.data.id);
    expect(surveyStatus(closed, new Date(Date.now() + 1000))).toBe("closed");
    // It never opens: still closed on and after its opening day.
    expect(surveyStatus(closed, new Date("2035-06-02T00:00:00+08:00"))).toBe("closed");
  });
});
