// Satisfaction surveys against a real database (issue 7; DOMAIN.md "Satisfaction (the 85% target)"):
// one response per learner per survey, also under 50 racing submissions; anonymous responses that keep
// no user id and only the Beijing day; answers checked against the survey's items and scored when stored;
// who may answer what; the certificate held by a required course survey; a session and its survey
// written together or not at all.
//
// Isolation: each test uses fresh learners. courseSurvey/certificateHeldBySurvey pick the newest open
// survey of a course in the learner's region (or a region above it), so the tests that call them each
// have a county of their own for COURSE:
//   510411 仁和区 (enterprise vt)  races, validation, scoring, eligibility — never asks courseSurvey
//   510422 盐边县  anonymous mode            510403 西区  certificate held by a required survey
//   510421 米易县  survey not required       510402 东区  the region a vt learner is outside of
// Surveys at a fixed time open in March 2027; the certificate tests run at the real time (the PDF check
// takes no clock), on surveys opened at creation.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { newVerifyCode } from "@/features/certificates/code";
import { certificateForPdf } from "@/features/certificates/data";
import { DEMO_ENTERPRISES, demoCreditCode } from "@/features/demo/seed";
import {
  certificateHeldBySurvey,
  closeSurvey,
  courseSurvey,
  createProject,
  createSession,
  createSurvey,
  createTemplate,
  pendingSurveys,
  respondentKey,
  submitResponse,
  surveyForLearner,
} from "@/features/surveys/data";
import { aggregate, LEVELS, type Level } from "@/features/surveys/rules";
import { projectInputSchema, sessionInputSchema, surveyInputSchema, templateInputSchema } from "@/features/surveys/schemas";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/session";
import { createAccount, loadDemo, sessionOf } from "./support";

// A switch that makes the survey code generator repeat itself, to break the second insert of a
// transaction on purpose (createSession). Everything else in node:crypto is the real thing.
const sameSurveyCode = vi.hoisted(() => ({ on: false }));
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  const randomBytes = ((size: number, ...rest: unknown[]) =>
    sameSurveyCode.on && size === 8 ? Buffer.alloc(8, 7) : (actual.randomBytes as (...a: unknown[]) => Buffer)(size, ...rest)) as typeof actual.randomBytes;
  return { ...actual, default: { ...actual, randomBytes }, randomBytes };
});

const COURSE = "gongshang-yufang-rumen";
/** 2027-03-15 10:30 in Beijing. */
const T0 = Date.UTC(2027, 2, 15, 2, 30, 0);
const at = (seconds: number) => new Date(T0 + seconds * 1000);

/** The standard template's rating items (content/surveys/standard-trainee.yaml), "overall" the overall one. */
const RATINGS = ["usefulness", "depth", "teacher", "methods", "materials", "organisation", "overall"] as const;
type Answers = Partial<Record<(typeof RATINGS)[number] | "gain" | "suggestion", string>>;
const every = (level: Level): Answers => Object.fromEntries(RATINGS.map((id) => [id, level]));
/** The answers as the form posts them: `a.<itemId>` fields beside the survey id. */
const form = (answers: Record<string, unknown>) => ({ ...Object.fromEntries(Object.entries(answers).map(([k, v]) => [`a.${k}`, v])) });

let admin: SessionUser;
let provider: SessionUser;
let regulator: SessionUser;
const enterprise = {} as Record<(typeof DEMO_ENTERPRISES)[number]["key"], string>;

/** A fresh learner of a demo enterprise or of a region (no enterprise), the course completed unless told. */
async function learner(place: { enterprise?: keyof typeof enterprise; regionCode?: string } = { enterprise: "vt" }, completed = true) {
  const account = await createAccount({ password: "Learner-2027" });
  await db.user.update({ where: { id: account.id }, data: { enterpriseId: place.enterprise ? enterprise[place.enterprise] : null, regionCode: place.regionCode ?? null } });
  if (completed) await db.courseCompletion.create({ data: { userId: account.id, courseId: COURSE, completedAt: at(-86_400), creditedSeconds: 1800 } });
  return sessionOf(account.mobile);
}

/** A course survey on the standard template, made the way the provider's form makes it. */
async function courseSurveyIn(regionCode: string, opts: { anonymous?: boolean; required?: boolean; opensOn?: string; closesOn?: string; courseId?: string } = {}) {
  const input = surveyInputSchema.parse({
    templateId: "standard-trainee",
    target: "COURSE",
    courseId: opts.courseId ?? COURSE,
    regionCode,
    anonymous: opts.anonymous ? "on" : "",
    requiredForCertificate: opts.required ? "on" : "",
    opensOn: "opensOn" in opts ? opts.opensOn : "2027-03-01",
    closesOn: "closesOn" in opts ? opts.closesOn : "2027-03-31",
  });
  return createSurvey(provider, input);
}

/** The AppError a promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  await loadDemo();
  [admin, provider, regulator] = await Promise.all([sessionOf("13800000000"), sessionOf("13800000005"), sessionOf("13800000002")]);
  for (const e of DEMO_ENTERPRISES) enterprise[e.key] = (await db.enterprise.findUniqueOrThrow({ where: { creditCode: demoCreditCode(e.regionCode, e.body) } })).id;
});

describe("one response per learner per survey", () => {
  it("refuses a second submission as already answered and keeps the first", async () => {
    const user = await learner();
    const { id } = await courseSurveyIn("510411");
    await submitResponse(user, id, form(every("SATISFIED")), at(0));
    const again = await refusal(submitResponse(user, id, form(every("VERY_SATISFIED")), at(60)));
    expect(again).toMatchObject({ code: "CONFLICT", message: "errors.surveyAlreadyAnswered" });
    const rows = await db.surveyResponse.findMany({ where: { surveyId: id } });
    expect(rows).toHaveLength(1);
    // A named survey keeps who answered and when, to the millisecond; the first answers (all 满意 → 80) stand.
    expect(rows[0]).toMatchObject({ userId: user.id, respondentKey: user.id, score: 80, overallLevel: "SATISFIED", regionCode: "510411", enterpriseId: enterprise.vt });
    expect(rows[0]!.submittedAt.getTime()).toBe(at(0).getTime());
  });

  it.each([
    ["named", false],
    ["anonymous", true],
  ])("50 racing submissions of one learner (%s survey) store exactly one", async (_, anonymous) => {
    const user = await learner();
    const { id } = await courseSurveyIn("510411", { anonymous });
    // Submission i answers every item with level i mod 5, so a stored row mixing two submissions would show.
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => submitResponse(user, id, { answers: every(LEVELS[i % 5]!) }, at(i))));
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(49);
    for (const r of rejected) expect(r.reason).toMatchObject({ code: "CONFLICT", message: "errors.surveyAlreadyAnswered" });
    const rows = await db.surveyResponse.findMany({ where: { surveyId: id } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.id).toBe((fulfilled[0] as PromiseFulfilledResult<{ responseId: string }>).value.responseId);
    // One whole questionnaire: seven equal answers, its score the score of that level (e.g. 一般 → 60).
    const levels = new Set(Object.values(row.answers as Record<string, string>));
    expect(levels.size).toBe(1);
    const level = [...levels][0] as Level;
    expect(row.score).toBe({ VERY_SATISFIED: 100, SATISFIED: 80, NEUTRAL: 60, DISSATISFIED: 40, VERY_DISSATISFIED: 20 }[level]);
    expect(row.userId).toBe(anonymous ? null : user.id);
    // Anonymous responses keep the county but not the enterprise (a small enterprise would name its respondent).
    expect(row).toMatchObject({ regionCode: "510411", enterpriseId: anonymous ? null : enterprise.vt });
  });

  it("does not stop different learners answering the same survey at once", async () => {
    const learners = await Promise.all(Array.from({ length: 10 }, () => learner()));
    const { id } = await courseSurveyIn("510411", { anonymous: true });
    await Promise.all(learners.map((u, i) => submitResponse(u, id, { answers: every(i % 2 ? "SATISFIED" : "VERY_SATISFIED") }, at(i))));
    const rows = await db.surveyResponse.findMany({ where: { surveyId: id }, select: { respondentKey: true } });
    // Ten learners, ten responses, ten different keyed hashes.
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.respondentKey)).size).toBe(10);
  });
});

describe("anonymous surveys", () => {
  it("keep no user id and only the Beijing day, and still refuse a second response", async () => {
    const user = await learner({ regionCode: "510422" });
    const other = await learner({ regionCode: "510422" });
    const { id } = await courseSurveyIn("510422", { anonymous: true });
    // 2027-03-16 07:30 in Beijing is still 2027-03-15 23:30 UTC: the stored day must be the Beijing one,
    // 2027-03-16 00:00 +08:00 = 2027-03-15T16:00:00Z (a UTC truncation would give 2027-03-15T00:00:00Z).
    const when = new Date("2027-03-16T07:30:00+08:00");
    const pendingIds = async (who: SessionUser) => (await pendingSurveys(who, when)).map((s) => s.id);
    expect(await pendingIds(user)).toContain(id);
    await submitResponse(user, id, form({ ...every("VERY_SATISFIED"), suggestion: "多讲本厂的事故案例" }), when);

    const row = await db.surveyResponse.findFirstOrThrow({ where: { surveyId: id } });
    expect(row.userId).toBeNull();
    expect(row.submittedAt.toISOString()).toBe("2027-03-15T16:00:00.000Z");
    expect(row.respondentKey).toMatch(/^anon:[A-Za-z0-9_-]{43}$/); // HMAC-SHA256, base64url
    expect(row.respondentKey).toBe(respondentKey({ id, anonymous: true }, user.id));
    // Nothing stored names the person: not the id, not the mobile number.
    expect(JSON.stringify(row)).not.toContain(user.id);
    expect(JSON.stringify(row)).not.toContain(user.mobile);
    // The hash is per survey, so two anonymous responses of one person cannot be linked.
    expect(respondentKey({ id: `${id}x`, anonymous: true }, user.id)).not.toBe(row.respondentKey);
    // Where the trainee belongs is kept for the figures by region (no enterprise here).
    expect(row).toMatchObject({ regionCode: "510422", enterpriseId: null, valid: true, score: 100, overallLevel: "VERY_SATISFIED" });

    const again = await refusal(submitResponse(user, id, form(every("NEUTRAL")), new Date("2027-03-17T09:00:00+08:00")));
    expect(again).toMatchObject({ code: "CONFLICT", message: "errors.surveyAlreadyAnswered" });
    expect(await db.surveyResponse.count({ where: { surveyId: id } })).toBe(1);

    // The learner is known to have answered (the hash is recomputed); the other learner is not.
    expect(await courseSurvey(user, COURSE, when)).toMatchObject({ id, anonymous: true, answered: true, open: true });
    expect(await courseSurvey(other, COURSE, when)).toMatchObject({ id, answered: false, open: true });
    expect((await surveyForLearner(user, id, when)).answered).toBe(true);
    expect(await pendingIds(user)).not.toContain(id);
    expect(await pendingIds(other)).toContain(id);
  });
});

describe("answers are checked against the survey's own items", () => {
  it("refuses a missing rating, an unknown level, an unknown item and too long a text, writing nothing", async () => {
    const user = await learner();
    const { id } = await courseSurveyIn("510411");
    const { overall: _overall, ...withoutOverall } = every("SATISFIED");
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [form(withoutOverall), { "a.overall": ["surveyRequired"] }],
      [form({ ...every("SATISFIED"), overall: "   " }), { "a.overall": ["surveyRequired"] }], // blank is not an answer
      [form({ ...every("SATISFIED"), teacher: "GREAT" }), { "a.teacher": ["surveyLevel"] }],
      [form({ ...every("SATISFIED"), safety: "SATISFIED" }), { "a.safety": ["surveyUnknownItem"] }],
      [{ answers: { ...every("SATISFIED"), safety: "SATISFIED" } }, { "a.safety": ["surveyUnknownItem"] }], // the JSON shape
      [form({ ...every("SATISFIED"), gain: "好".repeat(501) }), { "a.gain": ["surveyTooLong"] }], // maxLength 500 (the default)
      // Several problems at once: each reported on its own field.
      [form({ usefulness: "SATISFIED", teacher: "OK", gain: "x".repeat(600), extra: "1" }), {
        "a.depth": ["surveyRequired"],
        "a.teacher": ["surveyLevel"],
        "a.methods": ["surveyRequired"],
        "a.materials": ["surveyRequired"],
        "a.organisation": ["surveyRequired"],
        "a.overall": ["surveyRequired"],
        "a.gain": ["surveyTooLong"],
        "a.extra": ["surveyUnknownItem"],
      }],
    ];
    for (const [raw, fieldErrors] of cases) {
      const error = await refusal(submitResponse(user, id, raw, at(0)));
      expect(error).toMatchObject({ code: "VALIDATION", message: "errors.surveyIncomplete" });
      expect(error.fieldErrors).toEqual(fieldErrors);
    }
    expect(await db.surveyResponse.count({ where: { surveyId: id } })).toBe(0);

    // Refusals do not use up the learner's one response.
    await submitResponse(user, id, form(every("SATISFIED")), at(60));
    expect(await db.surveyResponse.count({ where: { surveyId: id } })).toBe(1);
  });

  it("trims text answers and does not store blank optional ones", async () => {
    const user = await learner();
    const { id } = await courseSurveyIn("510411");
    // 500 characters between spaces: within maxLength 500 once trimmed.
    const long = "隐".repeat(500);
    await submitResponse(user, id, form({ ...every("SATISFIED"), gain: `  学会了班前安全讲话\n `, suggestion: "   " }), at(0));
    const row = await db.surveyResponse.findFirstOrThrow({ where: { surveyId: id } });
    expect(row.answers).toEqual({ ...every("SATISFIED"), gain: "学会了班前安全讲话" });
    expect(Object.keys(row.answers as object)).not.toContain("suggestion");

    const second = await learner();
    await submitResponse(second, id, form({ ...every("SATISFIED"), gain: "", suggestion: `  ${long}  ` }), at(0));
    const secondRow = await db.surveyResponse.findFirstOrThrow({ where: { surveyId: id, userId: second.id } });
    expect(secondRow.answers).toEqual({ ...every("SATISFIED"), suggestion: long });
  });
});

describe("scores are stored with each response", () => {
  it("scores the standard questionnaire as the rules say", async () => {
    const { id } = await courseSurveyIn("510411");
    const sets: { answers: Answers; score: number; level: Level }[] = [
      // All 非常满意: 7 × 100 / 7 = 100.
      { answers: every("VERY_SATISFIED"), score: 100, level: "VERY_SATISFIED" },
      // 100 + 80 + 100 + 60 + 80 + 80 + 80 = 580; 580 / 7 = 82.857…; the overall item says 满意.
      {
        answers: { usefulness: "VERY_SATISFIED", depth: "SATISFIED", teacher: "VERY_SATISFIED", methods: "NEUTRAL", materials: "SATISFIED", organisation: "SATISFIED", overall: "SATISFIED", gain: "事故案例" },
        score: 580 / 7,
        level: "SATISFIED",
      },
      // Six 不满意 (6 × 40 = 240) and an overall 非常满意 (100): 340 / 7 = 48.571…; the level is still the
      // overall item's (非常满意), not the one nearest the score (不满意).
      { answers: { ...every("DISSATISFIED"), overall: "VERY_SATISFIED" }, score: 340 / 7, level: "VERY_SATISFIED" },
    ];
    for (const set of sets) {
      const user = await learner();
      const { responseId, courseId } = await submitResponse(user, id, form(set.answers), at(0));
      expect(courseId).toBe(COURSE);
      const row = await db.surveyResponse.findUniqueOrThrow({ where: { id: responseId } });
      expect(row.valid).toBe(true);
      expect(row.score).toBeCloseTo(set.score, 10);
      expect(row.overallLevel).toBe(set.level);
    }
    // The two figures over these three: average (700 + 580 + 340) / 21 = 1620 / 21 = 77.142… (below 85),
    // while all three are satisfied by their overall level: share 3 / 3.
    const rows = await db.surveyResponse.findMany({ where: { surveyId: id }, select: { valid: true, score: true, overallLevel: true } });
    const figures = aggregate(rows.map((r) => ({ valid: r.valid, score: r.score, level: r.overallLevel as Level | null })));
    expect(figures.respondents).toBe(3);
    expect(figures.average).toBeCloseTo(1620 / 21, 10);
    expect(figures.satisfiedShare).toBe(1);
    expect(figures.meetsTarget).toBe(false);
  });

  it("without an overall item takes the nearest level, and a questionnaire with no rating is not valid", async () => {
    const template = await createTemplate(
      provider,
      templateInputSchema.parse({
        title: "线下培训简版问卷",
        items: [
          { id: "teacher", type: "rating", text: "您对授课教师是否满意？", required: false },
          { id: "site", type: "rating", text: "您对培训场地是否满意？", required: false },
          { id: "note", type: "text", text: "其他意见或建议" },
        ],
      }),
    );
    const { id } = await createSurvey(provider, surveyInputSchema.parse({ templateId: template.id, target: "COURSE", courseId: COURSE, regionCode: "510411", opensOn: "2027-03-01" }));
    const stored = async (answers: Record<string, string>) => {
      const { responseId } = await submitResponse(await learner(), id, form(answers), at(0));
      return db.surveyResponse.findUniqueOrThrow({ where: { id: responseId }, select: { valid: true, score: true, overallLevel: true } });
    };
    // (60 + 40) / 2 = 50: equally near 一般 (60) and 不满意 (40) → the higher, 一般.
    expect(await stored({ teacher: "NEUTRAL", site: "DISSATISFIED" })).toEqual({ valid: true, score: 50, overallLevel: "NEUTRAL" });
    // One rating answered: 80 → 满意.
    expect(await stored({ site: "SATISFIED" })).toEqual({ valid: true, score: 80, overallLevel: "SATISFIED" });
    // Only text: no score, no level, not a valid questionnaire (it will not count in the figures).
    expect(await stored({ note: "时间太短" })).toEqual({ valid: false, score: null, overallLevel: null });
  });
});

describe("who may answer", () => {
  it("a course survey: only learners who completed the course", async () => {
    const user = await learner({ enterprise: "vt" }, false);
    const { id } = await courseSurveyIn("510411");
    for (const attempt of [() => submitResponse(user, id, form(every("SATISFIED")), at(0)), () => surveyForLearner(user, id, at(0))]) {
      expect(await refusal(attempt())).toMatchObject({ code: "FORBIDDEN", message: "errors.surveyCourseNotCompleted" });
    }
    expect((await pendingSurveys(user, at(0))).map((s) => s.id)).not.toContain(id);
    await db.courseCompletion.create({ data: { userId: user.id, courseId: COURSE, completedAt: at(0), creditedSeconds: 1800 } });
    expect(await surveyForLearner(user, id, at(1))).toMatchObject({ id, target: "COURSE", courseId: COURSE, status: "open", answered: false, anonymous: false });
    await submitResponse(user, id, form(every("SATISFIED")), at(2));
    expect(await db.surveyResponse.count({ where: { surveyId: id } })).toBe(1);
  });

  it("only learners of the survey's region (or a region inside it)", async () => {
    const user = await learner({ enterprise: "vt" }); // 仁和区 510411
    const eastDistrict = await courseSurveyIn("510402"); // 东区
    for (const attempt of [() => submitResponse(user, eastDistrict.id, form(every("SATISFIED")), at(0)), () => surveyForLearner(user, eastDistrict.id, at(0))]) {
      expect(await refusal(attempt())).toMatchObject({ code: "FORBIDDEN", message: "errors.surveyNotForYou" });
    }
    // A learner without any region cannot be placed inside one either.
    const nowhere = await learner({});
    expect(await refusal(submitResponse(nowhere, eastDistrict.id, form(every("SATISFIED")), at(0)))).toMatchObject({ code: "FORBIDDEN", message: "errors.surveyNotForYou" });
    // A survey of the whole city (攀枝花市 510400) reaches the 仁和区 learner (another course, so the county
    // tests' courseSurvey is not affected).
    await db.courseCompletion.create({ data: { userId: user.id, courseId: "weihua-sanlei", completedAt: at(0), creditedSeconds: 1800 } });
    const city = await courseSurveyIn("510400", { courseId: "weihua-sanlei" });
    await submitResponse(user, city.id, form(every("SATISFIED")), at(0));
    expect(await db.surveyResponse.count({ where: { surveyId: { in: [eastDistrict.id, city.id] } } })).toBe(1);
  });

  it("only learners: an admin, a provider and a regulator are refused", async () => {
    const { id } = await courseSurveyIn("510411");
    for (const who of [admin, provider, regulator]) {
      expect(await refusal(submitResponse(who, id, form(every("SATISFIED")), at(0)))).toMatchObject({ code: "FORBIDDEN", message: "errors.surveyLearnersOnly" });
      expect(await refusal(surveyForLearner(who, id, at(0)))).toMatchObject({ code: "FORBIDDEN", message: "errors.surveyLearnersOnly" });
    }
    expect(await db.surveyResponse.count({ where: { surveyId: id } })).toBe(0);
  });

  it("refuses submissions before a survey opens and after it closes", async () => {
    const user = await learner();
    // Opens 2027-04-01 00:00 Beijing: T0 (03-15) is before.
    const later = await courseSurveyIn("510411", { opensOn: "2027-04-01", closesOn: "2027-04-30" });
    expect(await refusal(submitResponse(user, later.id, form(every("SATISFIED")), at(0)))).toMatchObject({ code: "CONFLICT", message: "errors.surveyNotYetOpen" });
    expect((await surveyForLearner(user, later.id, at(0))).status).toBe("notYetOpen");
    // Closed by its provider before it opened: it never opens, and says so (closed, not "not yet open").
    expect(await closeSurvey(provider, later.id, at(0))).toEqual({ closed: true });
    expect((await surveyForLearner(user, later.id, at(1))).status).toBe("closed");
    expect(await refusal(submitResponse(user, later.id, form(every("SATISFIED")), at(1)))).toMatchObject({ code: "CONFLICT", message: "errors.surveyClosed" });
    expect((await surveyForLearner(user, later.id, new Date("2027-04-02T00:00:00+08:00"))).status).toBe("closed");
    // Closed on 2027-03-10: the last day counts in full, so it closes at 2027-03-11 00:00 Beijing.
    const past = await courseSurveyIn("510411", { opensOn: "2027-03-01", closesOn: "2027-03-10" });
    expect(await refusal(submitResponse(user, past.id, form(every("SATISFIED")), at(0)))).toMatchObject({ code: "CONFLICT", message: "errors.surveyClosed" });
    expect((await surveyForLearner(user, past.id, at(0))).status).toBe("closed");
    // 2027-03-10 23:59 Beijing is still inside the last day.
    await submitResponse(user, past.id, form(every("SATISFIED")), new Date("2027-03-10T23:59:00+08:00"));
    // Closed by its provider now: refused a minute later.
    const open = await courseSurveyIn("510411");
    expect(await closeSurvey(provider, open.id, at(0))).toEqual({ closed: true });
    expect(await refusal(submitResponse(user, open.id, form(every("SATISFIED")), at(60)))).toMatchObject({ code: "CONFLICT", message: "errors.surveyClosed" });
    expect(await db.surveyResponse.count({ where: { surveyId: { in: [later.id, open.id] } } })).toBe(0);
    expect(await db.surveyResponse.count({ where: { surveyId: past.id } })).toBe(1);
  });

  it("a session survey: any learner holding its code, typed in any case", async () => {
    const project = await createProject(regulator, projectInputSchema.parse({ name: "2027年东区工伤预防项目", year: "2027", regionCode: "510402", providerId: provider.id }));
    const session = await createSession(
      provider,
      sessionInputSchema.parse({ projectId: project.id, title: "东区建筑施工班组长线下培训", heldOn: "2027-03-15", location: "东区人社局三楼会议室", templateId: "standard-trainee", anonymous: "" }),
    );
    expect(session.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
    // A learner of another city (成都市锦江区) who never took a course, and one with no region at all.
    for (const user of [await learner({ regionCode: "510104" }, false), await learner({}, false)]) {
      const shown = await surveyForLearner(user, session.code.toLowerCase(), at(0));
      expect(shown).toMatchObject({ id: session.surveyId, target: "SESSION", status: "open", answered: false, session: { title: "东区建筑施工班组长线下培训", location: "东区人社局三楼会议室" } });
      expect(shown.items.map((i) => i.id)).toEqual([...RATINGS, "gain", "suggestion"]);
      await submitResponse(user, session.surveyId, form(every("VERY_SATISFIED")), at(0));
      expect((await surveyForLearner(user, session.code, at(1))).answered).toBe(true);
    }
    // Responses keep where each trainee belongs, or the session's region when they belong nowhere.
    const rows = await db.surveyResponse.findMany({ where: { surveyId: session.surveyId }, select: { regionCode: true }, orderBy: { regionCode: "asc" } });
    expect(rows.map((r) => r.regionCode)).toEqual(["510104", "510402"]);
    // Still learners only, and an unknown code is not found.
    expect(await refusal(surveyForLearner(admin, session.code, at(0)))).toMatchObject({ code: "FORBIDDEN", message: "errors.surveyLearnersOnly" });
    expect(await refusal(surveyForLearner(await learner(), "ZZZZZZZZ", at(0)))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the certificate held by a required course survey", () => {
  /** A certificate of the course for the learner, as issueCertificateIfEligible would have written it. */
  async function certificateOf(user: SessionUser) {
    return db.certificate.create({
      data: { code: newVerifyCode(), userId: user.id, courseId: COURSE, holderName: user.name, courseTitle: "工伤预防入门", classHours: 1, issuer: "攀枝花市人力资源和社会保障局", issuedAt: new Date() },
      select: { code: true },
    });
  }

  it("holds the holder's download until the survey is answered; an admin gets it regardless", async () => {
    const user = await learner({ regionCode: "510403" });
    const cert = await certificateOf(user);
    // Opens now (the certificate check runs at the real time).
    const survey = await courseSurveyIn("510403", { required: true, opensOn: undefined, closesOn: undefined });
    expect(await certificateHeldBySurvey(user.id, COURSE)).toEqual({ surveyId: survey.id });
    expect(await refusal(certificateForPdf(user, cert.code))).toMatchObject({ code: "FORBIDDEN", message: "errors.surveyRequiredForCertificate" });
    expect(await certificateForPdf(admin, cert.code)).toMatchObject({ code: cert.code, holderName: user.name, classHours: 1 });

    await submitResponse(user, survey.id, form(every("SATISFIED")));
    expect(await certificateHeldBySurvey(user.id, COURSE)).toBeNull();
    expect(await certificateForPdf(user, cert.code)).toMatchObject({ code: cert.code, holderName: user.name });

    // A learner who had not answered when the survey was closed is no longer held (it cannot be answered).
    const late = await learner({ regionCode: "510403" });
    const lateCert = await certificateOf(late);
    expect(await certificateHeldBySurvey(late.id, COURSE)).toEqual({ surveyId: survey.id });
    await closeSurvey(provider, survey.id);
    expect(await certificateHeldBySurvey(late.id, COURSE)).toBeNull();
    expect(await certificateForPdf(late, lateCert.code)).toMatchObject({ code: lateCert.code });
    // The answered survey stays the course's survey after it closes.
    expect(await courseSurvey(user, COURSE)).toMatchObject({ id: survey.id, answered: true, open: false });
  });

  it("a survey not required never holds the certificate", async () => {
    const user = await learner({ regionCode: "510421" });
    const cert = await certificateOf(user);
    const survey = await courseSurveyIn("510421", { opensOn: undefined, closesOn: undefined });
    expect(await courseSurvey(user, COURSE)).toMatchObject({ id: survey.id, requiredForCertificate: false, answered: false, open: true });
    expect(await certificateHeldBySurvey(user.id, COURSE)).toBeNull();
    expect(await certificateForPdf(user, cert.code)).toMatchObject({ code: cert.code });
  });
});

describe("an offline session and its survey", () => {
  const counts = async () => ({ sessions: await db.trainingSession.count(), surveys: await db.survey.count() });
  const sessionInput = (projectId: string, enterpriseId?: string) =>
    sessionInputSchema.parse({ projectId, title: "安全生产法律法规专题培训", heldOn: "2027-03-20", location: "企业培训中心", enterpriseId: enterpriseId ?? "", templateId: "standard-trainee", anonymous: "on" });

  it("refuses an enterprise outside the project's region and writes nothing", async () => {
    const project = await createProject(regulator, projectInputSchema.parse({ name: "2027年东区重点企业培训项目", year: 2027, regionCode: "510402", providerId: provider.id }));
    const before = await counts();
    for (const outside of [enterprise.chem /* 西区 510403 */, "no-such-enterprise"]) {
      const error = await refusal(createSession(provider, sessionInput(project.id, outside)));
      expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { enterpriseId: ["surveyEnterpriseOutside"] } });
    }
    expect(await counts()).toEqual(before);
  });

  it("writes the session and its survey together, in the enterprise's region", async () => {
    const project = await createProject(regulator, projectInputSchema.parse({ name: "2027年东区建筑施工培训项目", year: 2027, regionCode: "510402", providerId: provider.id }));
    const before = await counts();
    const done = await createSession(provider, sessionInput(project.id, enterprise.build)); // 东区 510402
    expect(await counts()).toEqual({ sessions: before.sessions + 1, surveys: before.surveys + 1 });
    const survey = await db.survey.findUniqueOrThrow({ where: { id: done.surveyId }, include: { session: true } });
    const template = await db.surveyTemplate.findUniqueOrThrow({ where: { id: "standard-trainee" } });
    expect(survey).toMatchObject({
      code: done.code,
      target: "SESSION",
      projectId: project.id,
      sessionId: done.sessionId,
      regionCode: "510402",
      enterpriseId: enterprise.build,
      providerId: provider.id,
      anonymous: true,
      requiredForCertificate: false,
      closesAt: null,
      session: { projectId: project.id, enterpriseId: enterprise.build, regionCode: "510402", location: "企业培训中心" },
    });
    // Opens on the day it is held, 2027-03-20 00:00 Beijing; the template's items copied in.
    expect(survey.opensAt.toISOString()).toBe("2027-03-19T16:00:00.000Z");
    expect(survey.session!.heldOn.toISOString()).toBe("2027-03-19T16:00:00.000Z");
    expect(survey.items).toEqual(template.items);
    expect(survey.title).toContain("安全生产法律法规专题培训");
  });

  it("writes neither when the survey cannot be written after the session was", async () => {
    const project = await createProject(regulator, projectInputSchema.parse({ name: "2027年东区线下培训项目", year: 2027, regionCode: "510402", providerId: provider.id }));
    sameSurveyCode.on = true;
    try {
      // The first session takes the code the generator now repeats; the second session's survey collides
      // with it on the unique code after its session row was inserted, so that insert must roll back.
      const first = await createSession(provider, sessionInput(project.id));
      const before = await counts();
      await expect(createSession(provider, sessionInput(project.id))).rejects.toMatchObject({ code: "P2002" });
      expect(await counts()).toEqual(before);
      expect(await db.trainingSession.count({ where: { projectId: project.id } })).toBe(1);
      expect(await db.survey.count({ where: { projectId: project.id } })).toBe(1);
      expect((await db.survey.findUniqueOrThrow({ where: { id: first.surveyId } })).sessionId).toBe(first.sessionId);
    } finally {
      sameSurveyCode.on = false;
    }
  });
});
