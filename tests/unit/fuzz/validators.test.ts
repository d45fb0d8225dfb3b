// Property-based tests of every boundary validator (issue 9, bad input): the zod schemas of
// features/*/schemas.ts and the identifier validators of lib/identifiers.ts, fed malformed values —
// wrong types, missing and extra fields, huge strings, control and unicode characters, NaN/Infinity,
// negative and huge numbers, BigInts, Maps, Dates, Files, prototype-pollution keys. Each must answer with
// issues whose messages are clear (a message key under "validation" that exists, or ready text), never
// throw, never touch Object.prototype; and values built from the rules must still pass.
//
// Inputs run: 47 schemas × 150 malformed values (counted only when the schema refused them: accepted
// mutations are skipped by fc.pre and not counted) = 7,050; 8 strict schemas × 50 extra keys = 400;
// 21 request schemas × 50 values with NUL or half a surrogate pair = 1,050; identifiers: 4 × 300 arbitrary
// strings + 2 × 200 one-character corruptions + 2 × 200 wrong lengths = 2,000; 60 impossible calendar
// days × 2 schemas = 120 — 10,620 malformed inputs. Plus 47 × 100 + 100 valid ones (4,800).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { changePasswordSchema, localeSchema, loginSchema, newPasswordSchema } from "@/features/accounts/schemas";
import { changeRoleSchema, setDisabledSchema, userSearchSchema } from "@/features/admin/schemas";
import { revokeCertificateSchema } from "@/features/certificates/schemas";
import {
  audienceSchema,
  contentId,
  courseFrontmatterSchema,
  hazardsFileSchema,
  industriesFileSchema,
  lessonFrontmatterSchema,
  planPeriodsFileSchema,
  positionsFileSchema,
  questionSchema,
  questionsFileSchema,
  regionsFileSchema,
  templateFrontmatterSchema,
} from "@/features/content/schemas";
import { annexRowSchema, annexSchema, coverageQuerySchema } from "@/features/coverage/schemas";
import { focusEventsSchema, saveAnswerSchema, startExamSchema, submitExamSchema } from "@/features/exams/schemas";
import { checkpointAnswerSchema, quizAttemptSchema } from "@/features/learning/schemas";
import { createEnterpriseSchema, HAZCHEM_TYPES, setKeyEnterpriseSchema } from "@/features/regions/schemas";
import { commitSchema, previewFieldsSchema, setLeftSchema, templateQuerySchema } from "@/features/rosters/schemas";
import { surveyItemSchema } from "@/features/surveys/definition";
import { LEVELS } from "@/features/surveys/rules";
import {
  answersSchema,
  closeSurveySchema,
  projectInputSchema,
  reportQuerySchema,
  sessionInputSchema,
  submitSurveySchema,
  surveyInputSchema,
  templateInputSchema,
} from "@/features/surveys/schemas";
import {
  creditCodeProblem,
  creditCodeSchema,
  isValidCreditCode,
  isValidMobile,
  isValidRegionCode,
  isStorableText,
  isValidResidentId,
  maskMobile,
  maskResidentId,
  mobileSchema,
  regionCodeSchema,
  regionLevel,
  residentIdProblem,
  residentIdSchema,
} from "@/lib/identifiers";
import {
  isClearMessage,
  malformedFrom,
  nastyString,
  nastyValue,
  prototypeIntact,
  PROTOTYPE_KEYS,
  setOwn,
  text,
  validCreditCode,
  validDay,
  validMobile,
  validRegionCode,
  validResidentId,
} from "./arbitraries";

const MALFORMED_RUNS = 150;
const VALID_RUNS = 100;

// ---- Valid values, built from the rules ----------------------------------------------------------

/** A new password by the rules: 8–128 characters, not a common one, more than two distinct characters. */
const newPassword = text(4, 100).map((s) => `Zq9!${s}`);
const id = (max: number) => text(1, max);
const chosenKeys = fc.subarray(["A", "B", "C", "D", "E", "F", "G", "H", "T"], { maxLength: 8 });
const ratingItem = fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9-]{0,39}$/), type: fc.constant("rating"), text: text(4, 200) });
const count = (n: number) => fc.oneof(fc.constant(n), fc.constant(String(n)));

const surveyItems = surveyItemSchema.array().parse([
  { id: "teacher", type: "rating", text: "授课教师是否满意？" },
  { id: "overall", type: "rating", text: "总体是否满意？", overall: true },
  { id: "gain", type: "text", text: "收获最大的内容？", maxLength: 20 },
  { id: "hazard", type: "text", text: "本岗位最大的危险？", required: true, maxLength: 10 },
]);

const validQuestion = fc
  .tuple(contentIdArb(), fc.constantFrom("single", "multiple"), fc.integer({ min: 2, max: 8 }))
  .map(([qid, type, n]) => {
    const keys = "ABCDEFGH".slice(0, n).split("");
    return {
      id: qid,
      pool: "exam",
      type,
      stem: "下列哪项属于工伤？",
      options: keys.map((key) => ({ key, text: `选项${key}` })),
      answer: type === "single" ? ["A"] : ["A", "B"],
      explanation: "依据条例规定。",
      basis: "《工伤保险条例》第十四条",
    };
  });

function contentIdArb() {
  return fc.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 5 }).map((parts) => parts.join("-"));
}

const hazard = {
  id: "h-01",
  category: "MACHINERY",
  level: "GENERAL",
  location: "一号车间",
  description: "皮带输送机尾轮防护罩缺失。",
  foundOn: "2026-03-10",
  status: "RECTIFIED",
  rectifiedOn: "2026-03-20",
};

type Case = { name: string; schema: z.ZodType; valid: fc.Arbitrary<unknown>; strict?: boolean };

const CASES: Case[] = [
  // accounts
  { name: "loginSchema", schema: loginSchema, valid: fc.record({ mobile: validMobile, password: fc.string({ minLength: 1, maxLength: 128 }) }) },
  { name: "newPasswordSchema", schema: newPasswordSchema, valid: newPassword },
  {
    name: "changePasswordSchema",
    schema: changePasswordSchema,
    valid: fc.tuple(text(1, 100), newPassword).map(([current, next]) => ({ currentPassword: `cur-${current}`, newPassword: next, confirmPassword: next })),
  },
  { name: "localeSchema", schema: localeSchema, valid: fc.record({ locale: fc.constantFrom("zh-CN", "en") }) },
  // admin
  {
    name: "changeRoleSchema",
    schema: changeRoleSchema,
    valid: fc.oneof(
      fc.record({ userId: id(40), role: fc.constantFrom("PROVIDER", "ADMIN") }),
      fc.record({ userId: id(40), role: fc.constant("REGULATOR"), regionCode: validRegionCode }),
      fc.record({ userId: id(40), role: fc.constant("ENTERPRISE_ADMIN"), creditCode: validCreditCode, schoolId: fc.constant("") }),
      fc.record({ userId: id(40), role: fc.constant("LEARNER"), schoolId: id(40) }),
    ),
  },
  { name: "setDisabledSchema", schema: setDisabledSchema, valid: fc.oneof(fc.record({ userId: id(40), disabled: fc.constant("true"), confirm: fc.constant("yes") }), fc.record({ userId: id(40), disabled: fc.constant("false") })) },
  { name: "userSearchSchema", schema: userSearchSchema, valid: fc.record({ q: id(40), user: id(40) }, { requiredKeys: [] }) },
  // certificates
  {
    name: "revokeCertificateSchema",
    schema: revokeCertificateSchema,
    valid: fc.record({ code: fc.stringMatching(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/), reason: text(4, 200), confirm: fc.constant("yes") }),
  },
  // coverage
  {
    name: "annexSchema",
    schema: annexSchema,
    valid: fc.record({
      regionCode: validRegionCode,
      periodId: id(20),
      rows: fc.array(
        fc.tuple(id(40), fc.nat(100_000_000), fc.nat(1_000), fc.nat(100)).chain(([industryCode, employees, enterprises, accidents]) =>
          fc.record({ industryCode: fc.constant(industryCode), insuredEnterprises: count(enterprises), employees: count(employees), insuredEmployees: fc.nat(employees).chain(count), accidents: fc.constantFrom(accidents, "", null) }),
        ),
        { minLength: 1, maxLength: 50 },
      ),
    }),
  },
  { name: "annexRowSchema", schema: annexRowSchema, valid: fc.record({ industryCode: id(40), insuredEnterprises: fc.constant(""), employees: fc.constant(10), insuredEmployees: fc.nat(10), accidents: fc.constant(null) }) },
  { name: "coverageQuerySchema", schema: coverageQuerySchema, valid: fc.record({ region: validRegionCode, period: id(20) }, { requiredKeys: [] }) },
  // exams
  { name: "startExamSchema", schema: startExamSchema, valid: fc.record({ courseId: id(100) }) },
  { name: "saveAnswerSchema", schema: saveAnswerSchema, valid: fc.record({ attemptId: id(100), questionId: id(100), chosen: chosenKeys }) },
  { name: "submitExamSchema", schema: submitExamSchema, valid: fc.record({ attemptId: id(100) }) },
  {
    name: "focusEventsSchema",
    schema: focusEventsSchema,
    valid: fc.record({
      attemptId: id(100),
      events: fc.array(fc.record({ kind: fc.constantFrom("hidden", "blur"), at: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).chain((d) => fc.constantFrom<unknown>(d, d.toISOString(), d.getTime())) }), { minLength: 1, maxLength: 50 }),
    }),
  },
  // learning
  { name: "checkpointAnswerSchema", schema: checkpointAnswerSchema, valid: fc.record({ lessonId: id(80), checkpointId: id(120), chosen: fc.subarray(["A", "B", "C", "T", "F"], { minLength: 1 }) }) },
  {
    name: "quizAttemptSchema",
    schema: quizAttemptSchema,
    valid: fc.record({ lessonId: id(80), answers: fc.array(fc.record({ questionId: id(80), chosen: fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 8 }) }), { minLength: 1, maxLength: 100 }) }),
  },
  // regions
  { name: "setKeyEnterpriseSchema", schema: setKeyEnterpriseSchema, valid: fc.record({ enterpriseId: id(64), isKey: fc.constantFrom("true", "false") }) },
  {
    name: "createEnterpriseSchema",
    schema: createEnterpriseSchema,
    valid: fc.oneof(
      fc.record({ name: text(2, 100), creditCode: validCreditCode, industryCode: fc.constantFrom("CONSTRUCTION", "MANUFACTURING"), regionCode: validRegionCode, isKey: fc.constantFrom("on", "true", "", undefined) }),
      fc.record({ name: text(2, 100), creditCode: validCreditCode, industryCode: fc.constant("HAZCHEM"), regionCode: validRegionCode, hazchemType: fc.constantFrom(...HAZCHEM_TYPES) }),
    ),
  },
  // rosters
  { name: "previewFieldsSchema", schema: previewFieldsSchema, valid: fc.record({ kind: fc.constantFrom("STAFF", "STUDENTS"), schoolId: id(40), fullRoster: fc.constantFrom("true", "false") }, { requiredKeys: ["kind"] }) },
  { name: "commitSchema", schema: commitSchema, valid: fc.oneof(fc.constant({}), newPassword.map((p) => ({ initialPassword: p, confirmPassword: p }))) },
  { name: "setLeftSchema", schema: setLeftSchema, valid: fc.record({ personId: id(40), leftOn: fc.oneof(validDay, fc.constant(null), fc.constant("")) }) },
  { name: "templateQuerySchema", schema: templateQuerySchema, valid: fc.record({ kind: fc.constantFrom("STAFF", "STUDENTS") }, { requiredKeys: [] }) },
  // surveys
  { name: "submitSurveySchema", schema: submitSurveySchema, valid: fc.record({ surveyId: id(64), "a.teacher": fc.constantFrom(...LEVELS) }) },
  {
    name: "answersSchema",
    schema: answersSchema(surveyItems),
    valid: fc.record({ teacher: fc.constantFrom(...LEVELS), overall: fc.constantFrom(...LEVELS), gain: text(0, 20), hazard: text(1, 10) }, { requiredKeys: ["teacher", "overall", "hazard"] }),
    strict: true,
  },
  { name: "templateInputSchema", schema: templateInputSchema, valid: fc.record({ title: text(4, 100), intro: text(0, 500), items: fc.array(ratingItem, { minLength: 1, maxLength: 40 }) }) },
  {
    name: "surveyInputSchema",
    schema: surveyInputSchema,
    valid: fc.oneof(
      fc.record({ templateId: id(64), target: fc.constant("COURSE"), courseId: id(64), regionCode: validRegionCode, anonymous: fc.constantFrom("on", undefined) }),
      fc.tuple(id(64), id(64), validDay, validDay).map(([templateId, projectId, a, b]) => ({ templateId, target: "PROJECT", projectId, opensOn: a < b ? a : b, closesOn: a < b ? b : a })),
    ),
  },
  {
    name: "projectInputSchema",
    schema: projectInputSchema,
    valid: fc.record({ name: text(4, 100), year: fc.integer({ min: 2021, max: 2035 }).chain(count), regionCode: validRegionCode, satisfactionTarget: fc.integer({ min: 0, max: 100 }).chain(count) }),
  },
  {
    name: "sessionInputSchema",
    schema: sessionInputSchema,
    valid: fc.record({ projectId: id(64), title: text(4, 100), heldOn: validDay, location: text(2, 100), templateId: id(64), enterpriseId: fc.constantFrom("", "e1") }),
  },
  { name: "closeSurveySchema", schema: closeSurveySchema, valid: fc.record({ surveyId: id(64), confirm: fc.constant("yes") }) },
  { name: "reportQuerySchema", schema: reportQuerySchema, valid: fc.record({ region: validRegionCode, year: fc.integer({ min: 2021, max: 2100 }).chain(count) }) },
  // identifiers
  { name: "mobileSchema", schema: mobileSchema, valid: validMobile },
  { name: "residentIdSchema", schema: residentIdSchema, valid: validResidentId },
  { name: "creditCodeSchema", schema: creditCodeSchema, valid: validCreditCode },
  { name: "regionCodeSchema", schema: regionCodeSchema, valid: validRegionCode },
  // content (files an author writes; the sync names the file and field of each problem)
  { name: "contentId", schema: contentId, valid: contentIdArb() },
  { name: "questionSchema", schema: questionSchema, valid: validQuestion, strict: true },
  { name: "questionsFileSchema", schema: questionsFileSchema, valid: fc.array(validQuestion, { minLength: 1, maxLength: 3 }).map((questions) => ({ questions })), strict: true },
  { name: "audienceSchema", schema: audienceSchema, valid: fc.constant({ schoolStudents: true, positions: ["TEAM_LEADER"], enterprises: ["91510400MA0000000X"] }), strict: true },
  {
    name: "courseFrontmatterSchema",
    schema: courseFrontmatterSchema,
    valid: fc.constant({ id: "gongshang-yufang", title: "工伤预防入门", family: "GENERAL", classHours: 8, minutesPerClassHour: 45 }),
    strict: true,
  },
  { name: "templateFrontmatterSchema", schema: templateFrontmatterSchema, valid: fc.constant({ id: "liangjiang", title: "两降两增", family: "TWO_REDUCTIONS" }), strict: true },
  {
    name: "lessonFrontmatterSchema",
    schema: lessonFrontmatterSchema,
    valid: fc.constant({ id: "l-01", title: "第一课", kind: "video", video: { src: "/v.mp4", durationSeconds: 600 }, checkpoints: [{ at: 30, question: "q-01" }] }),
    strict: true,
  },
  {
    name: "hazardsFileSchema",
    schema: hazardsFileSchema,
    valid: fc.constant({ enterprise: "91510411MA6230K1X0", investigation: { by: "服务中心", startedOn: "2026-03-09", endedOn: "2026-03-13", summary: "现场排查。" }, hazards: [hazard] }),
    strict: true,
  },
  { name: "regionsFileSchema", schema: regionsFileSchema, valid: fc.constant({ provinces: [{ code: "510000", name: "四川省", cities: [{ code: "510400", name: "攀枝花市", counties: [{ code: "510402", name: "东区" }] }] }] }) },
  { name: "industriesFileSchema", schema: industriesFileSchema, valid: fc.constant({ industries: [{ code: "CONSTRUCTION", name: "建筑业", nameEn: "Construction" }] }) },
  { name: "positionsFileSchema", schema: positionsFileSchema, valid: fc.constant({ positions: [{ code: "TEAM_LEADER", name: "班组长", nameEn: "Team leader" }] }) },
  {
    name: "planPeriodsFileSchema",
    schema: planPeriodsFileSchema,
    valid: fc.constant({
      periods: [
        {
          id: "2026-2030",
          name: "十五五",
          nameEn: "15th",
          startYear: 2026,
          endYear: 2030,
          coverageTarget: 0.9,
          satisfactionTarget: 85,
          keyPositions: ["TEAM_LEADER"],
          keyIndustries: ["CONSTRUCTION"],
          milestones: [{ year: 2027, coverageTarget: 0.5 }],
        },
      ],
    }),
  },
];

/** The schema's issues are there and each message is clear. */
function expectClearIssues(name: string, issues: readonly z.core.$ZodIssue[]) {
  expect(issues.length, name).toBeGreaterThan(0);
  for (const issue of issues) expect(isClearMessage(issue.message), `${name}: ${JSON.stringify(issue.message)} at ${issue.path.join(".")}`).toBe(true);
}

describe("every boundary schema, given malformed values", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s never throws, and refuses with clear messages", (name, { schema, valid }) => {
    fc.assert(
      fc.property(malformedFrom(valid), (input) => {
        const result = schema.safeParse(input); // a throw fails the property
        expect(prototypeIntact()).toBe(true);
        fc.pre(!result.success);
        expectClearIssues(name, result.error!.issues);
      }),
      { numRuns: MALFORMED_RUNS },
    );
  });

  it.each(CASES.filter((c) => c.strict).map((c) => [c.name, c] as const))("%s refuses a field it does not know", (name, { schema, valid }) => {
    fc.assert(
      fc.property(valid, fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ minLength: 1, maxLength: 12 }).map((k) => `x-${k}`)), nastyValue, (input, key, value) => {
        const object = structuredClone(input) as Record<string, unknown>;
        setOwn(object, key, value);
        const result = schema.safeParse(object);
        expect(result.success, `${name} accepted the extra key ${key}`).toBe(false);
        expectClearIssues(name, result.error!.issues);
        expect(prototypeIntact()).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe("request schemas, given text the database cannot store", () => {
  // NUL (PostgreSQL refuses it) or half a surrogate pair (Prisma refuses it), which a JSON payload can carry.
  const REQUEST_SCHEMAS = [
    "revokeCertificateSchema", "annexSchema", "coverageQuerySchema", "startExamSchema", "saveAnswerSchema", "submitExamSchema", "focusEventsSchema",
    "checkpointAnswerSchema", "quizAttemptSchema", "setKeyEnterpriseSchema", "createEnterpriseSchema", "previewFieldsSchema", "setLeftSchema",
    "submitSurveySchema", "templateInputSchema", "surveyInputSchema", "projectInputSchema", "sessionInputSchema", "closeSurveySchema",
    "changeRoleSchema", "setDisabledSchema",
  ];
  /** The paths of the string fields of a value. */
  const stringPaths = (v: unknown, path: (string | number)[] = []): (string | number)[][] =>
    typeof v === "string" ? [path] : v && typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => stringPaths(x, [...path, Array.isArray(v) ? Number(k) : k])) : [];

  it.each(CASES.filter((c) => REQUEST_SCHEMAS.includes(c.name)).map((c) => [c.name, c] as const))("%s refuses it at the field, or keeps none of it", (name, { schema, valid }) => {
    fc.assert(
      fc.property(valid, fc.nat(), fc.constantFrom("\u0000", "\ud800", "\udfff", "\ud83d"), fc.nat(), (input, which, bad, at) => {
        const paths = stringPaths(input);
        fc.pre(paths.length > 0);
        const path = paths[which % paths.length]!;
        const object = structuredClone(input) as Record<string | number, unknown>;
        const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, object);
        const old = parent[path[path.length - 1]!] as string;
        parent[path[path.length - 1]!] = old.slice(0, at % (old.length + 1)) + bad + old.slice(at % (old.length + 1));
        const result = schema.safeParse(object);
        // Refused at the field, or the value was not kept as text (a checkbox's "\u0000on" is just unticked).
        if (result.success) for (const p of stringPaths(result.data)) expect(isStorableText(p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], result.data) as string), `${name} kept ${JSON.stringify(p)}`).toBe(true);
        else expectClearIssues(name, result.error.issues);
      }),
      { numRuns: 50 },
    );
  });
});

describe("every boundary schema, given values built from its rules", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s accepts them", (name, { schema, valid }) => {
    fc.assert(
      fc.property(valid, (input) => {
        const result = schema.safeParse(input);
        expect(result.success ? [] : result.error.issues, name).toEqual([]);
      }),
      { numRuns: VALID_RUNS },
    );
  });
});

describe("identifiers", () => {
  const checks = [
    { name: "mobile", isValid: isValidMobile, valid: validMobile, charset: "0123456789" },
    { name: "resident ID", isValid: isValidResidentId, valid: validResidentId, charset: "0123456789X" },
    { name: "credit code", isValid: isValidCreditCode, valid: validCreditCode, charset: "0123456789ABCDEFGHJKLMNPQRTUWXY" },
    { name: "region code", isValid: isValidRegionCode, valid: validRegionCode, charset: "0123456789" },
  ];

  it.each(checks.map((c) => [c.name, c] as const))("%s: the checks never throw on any string", (_name, { isValid }) => {
    fc.assert(
      fc.property(nastyString, (s) => {
        expect(typeof isValid(s)).toBe("boolean");
        expect(residentIdProblem(s) === null || typeof residentIdProblem(s) === "string").toBe(true);
        expect(creditCodeProblem(s) === null || typeof creditCodeProblem(s) === "string").toBe(true);
        expect(typeof maskMobile(s)).toBe("string");
        expect(typeof maskResidentId(s)).toBe("string");
        if (isValidRegionCode(s)) expect(["PROVINCE", "CITY", "COUNTY"]).toContain(regionLevel(s));
      }),
      { numRuns: 300 },
    );
  });

  // Mobile and region codes have no check digit: a changed digit there may make another valid number.
  it.each(checks.filter((c) => c.name === "resident ID" || c.name === "credit code").map((c) => [c.name, c] as const))(
    "%s: any one character changed is refused (the check character catches it)",
    (_name, { isValid, valid, charset }) => {
      fc.assert(
        fc.property(valid, fc.nat(17), fc.constantFrom(...charset.split("")), (value, at, ch) => {
          fc.pre(value[at] !== ch);
          expect(isValid(value)).toBe(true);
          expect(isValid(value.slice(0, at) + ch + value.slice(at + 1))).toBe(false);
        }),
        { numRuns: 200 },
      );
    },
  );

  it.each(checks.filter((c) => c.name === "mobile" || c.name === "region code").map((c) => [c.name, c] as const))("%s: one character too many or too few is refused", (_name, { isValid, valid }) => {
    fc.assert(
      fc.property(valid, fc.boolean(), fc.constantFrom(..."0123456789"), (value, longer, ch) => {
        expect(isValid(value)).toBe(true);
        expect(isValid(longer ? value + ch : value.slice(0, -1))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("the zod schemas trim and upper-case what people type around a valid identifier", () => {
    fc.assert(
      fc.property(validResidentId, validCreditCode, validMobile, fc.constantFrom(" ", "\t", "\n", "  "), (rid, cc, mobile, ws) => {
        expect(residentIdSchema.parse(`${ws}${rid.toLowerCase()}${ws}`)).toBe(rid);
        expect(creditCodeSchema.parse(`${ws}${cc.toLowerCase()}${ws}`)).toBe(cc);
        expect(mobileSchema.parse(`${ws}${mobile}${ws}`)).toBe(mobile);
      }),
      { numRuns: VALID_RUNS },
    );
  });
});

describe("calendar days", () => {
  /** yyyy-mm-dd strings of days that do not exist: Feb 30, Apr 31, month 13, day 00. */
  const impossibleDay = fc.oneof(
    fc.tuple(fc.integer({ min: 1990, max: 2035 }), fc.constantFrom("02-30", "02-31", "04-31", "06-31", "09-31", "11-31", "00-10", "13-01", "01-00", "01-32", "99-99")).map(([y, md]) => `${y}-${md}`),
    fc.integer({ min: 1990, max: 2035 }).filter((y) => y % 4 !== 0).map((y) => `${y}-02-29`),
  );

  it("a day that does not exist is refused, not moved to the next month", () => {
    fc.assert(
      fc.property(impossibleDay, (day) => {
        for (const result of [
          sessionInputSchema.safeParse({ projectId: "p", title: "线下培训", heldOn: day, location: "会议室", templateId: "t" }),
          setLeftSchema.safeParse({ personId: "u", leftOn: day }),
        ]) {
          expect(result.success, day).toBe(false);
          expectClearIssues(day, result.error!.issues);
        }
      }),
      { numRuns: 60 },
    );
  });
});
