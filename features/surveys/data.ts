// Satisfaction surveys (issue 7; DOMAIN.md "Satisfaction (the 85% target)"): which survey a learner is
// offered, answering it once, the certificate gate, and what providers, regulators and admins manage.
// Figures are in ./report.ts; the rules in ./rules.ts.
//
// One response per learner per survey: the unique key (surveyId, respondentKey) decides, also when many
// submissions race. respondentKey is the user id, or in an anonymous survey a keyed hash of survey and
// user, so a second response is refused while nothing stored names the person.
import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { identifierSecret } from "@/lib/env";
import { conflict, forbidden, notFound, validation } from "@/lib/errors";
import { isWithinRegion, regionLevel, regionPrefix } from "@/lib/identifiers";
import { canAccessRegion } from "@/lib/scope";
import type { SessionUser } from "@/lib/session";
import { surveyItemSchema, type SurveyItem } from "./definition";
import { scoreResponse, type Level } from "./rules";
import { answersInput, answersSchema, type ProjectInput, type SessionInput, type SurveyInput, type TemplateInput } from "./schemas";

// ---- Small helpers ------------------------------------------------------------------------------------

const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
/** An 8-character code for the survey's link and QR code (no 0/O, 1/I/L mix-ups). */
function newSurveyCode(): string {
  return [...randomBytes(8)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
}

/** The region itself and the regions above it (county → city → province). */
export function regionAncestors(code: string): string[] {
  const level = regionLevel(code);
  const out = [code];
  if (level === "COUNTY") out.push(`${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`);
  if (level === "CITY") out.push(`${code.slice(0, 2)}0000`);
  return out;
}

/** The stored key of a response: the user id, or for an anonymous survey a keyed hash (not reversible). */
export function respondentKey(survey: { id: string; anonymous: boolean }, userId: string): string {
  if (!survey.anonymous) return userId;
  return `anon:${createHmac("sha256", identifierSecret()).update(`survey-response|${survey.id}|${userId}`).digest("base64url")}`;
}

/** The Beijing calendar day an instant falls on, as that day's midnight. */
export function beijingMidnight(at: Date): Date {
  return new Date(`${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+08:00`);
}

export function parseItems(items: unknown): SurveyItem[] {
  return surveyItemSchema.array().parse(items);
}

const ratingItems = (items: readonly SurveyItem[]) => items.filter((i) => i.type === "rating").map((i) => ({ id: i.id, required: i.required, overall: i.overall }));

/** Where a learner belongs: their enterprise's or school's region (or their own). */
async function learnerPlace(userId: string) {
  const u = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { regionCode: true, enterpriseId: true, enterprise: { select: { regionCode: true } }, school: { select: { regionCode: true } } },
  });
  return { enterpriseId: u.enterpriseId, regionCode: u.enterprise?.regionCode ?? u.school?.regionCode ?? u.regionCode ?? null };
}

const isOpen = (s: { opensAt: Date; closesAt: Date | null }, now: Date) => s.opensAt <= now && (s.closesAt === null || s.closesAt > now);

const surveySelect = {
  id: true,
  code: true,
  title: true,
  intro: true,
  items: true,
  target: true,
  courseId: true,
  projectId: true,
  sessionId: true,
  regionCode: true,
  enterpriseId: true,
  anonymous: true,
  requiredForCertificate: true,
  opensAt: true,
  closesAt: true,
} as const;

// ---- The learner ---------------------------------------------------------------------------------------

/** Has this learner answered the survey? (Also for anonymous surveys: the keyed hash is recomputed.) */
async function hasAnswered(survey: { id: string; anonymous: boolean }, userId: string): Promise<boolean> {
  const row = await db.surveyResponse.findUnique({ where: { surveyId_respondentKey: { surveyId: survey.id, respondentKey: respondentKey(survey, userId) } }, select: { id: true } });
  return row !== null;
}

/**
 * The survey of a course offered to this learner: open, attached to the course, for the learner's region
 * (or a region above it) and enterprise where one is set. The most recently opened wins. Null when none.
 */
export async function courseSurvey(user: Pick<SessionUser, "id">, courseId: string, now = new Date()) {
  const place = await learnerPlace(user.id);
  if (!place.regionCode) return null;
  const candidates = await db.survey.findMany({
    where: {
      target: "COURSE",
      courseId,
      regionCode: { in: regionAncestors(place.regionCode) },
      OR: [{ enterpriseId: null }, ...(place.enterpriseId ? [{ enterpriseId: place.enterpriseId }] : [])],
      opensAt: { lte: now },
    },
    orderBy: { opensAt: "desc" },
    select: { id: true, code: true, title: true, anonymous: true, requiredForCertificate: true, opensAt: true, closesAt: true },
  });
  // A survey answered stays the course's survey after it closes (the certificate is no longer held back).
  for (const s of candidates) {
    const answered = await hasAnswered(s, user.id);
    if (answered || isOpen(s, now)) return { ...s, answered, open: isOpen(s, now) };
  }
  return null;
}

/**
 * Is the learner's certificate of this course held back by a required survey not yet answered? Only the
 * holder is held back: admins and regulators in scope download it regardless.
 */
export async function certificateHeldBySurvey(userId: string, courseId: string, now = new Date()): Promise<{ surveyId: string } | null> {
  const s = await courseSurvey({ id: userId }, courseId, now);
  return s && s.requiredForCertificate && !s.answered && s.open ? { surveyId: s.id } : null;
}

/** Open surveys waiting for this learner: those of completed courses and of projects in their region. */
export async function pendingSurveys(user: SessionUser, now = new Date()) {
  const place = await learnerPlace(user.id);
  if (!place.regionCode) return [];
  const completed = (await db.courseCompletion.findMany({ where: { userId: user.id }, select: { courseId: true } })).map((c) => c.courseId);
  const surveys = await db.survey.findMany({
    where: {
      regionCode: { in: regionAncestors(place.regionCode) },
      opensAt: { lte: now },
      AND: [
        { OR: [{ enterpriseId: null }, ...(place.enterpriseId ? [{ enterpriseId: place.enterpriseId }] : [])] },
        { OR: [{ target: "PROJECT" }, { target: "COURSE", courseId: { in: completed } }] },
      ],
    },
    orderBy: { opensAt: "desc" },
    select: { id: true, code: true, title: true, target: true, courseId: true, anonymous: true, requiredForCertificate: true, closesAt: true, opensAt: true },
  });
  const out = [];
  for (const s of surveys) if (isOpen(s, now) && !(await hasAnswered(s, user.id))) out.push(s);
  return out;
}

/**
 * A survey as the answer page shows it, for a signed-in learner who may answer it: course surveys to those
 * who completed the course, project surveys to learners of its region, session surveys to anyone holding
 * the link (offline trainees scan its QR code). By id or by its public code.
 */
export async function surveyForLearner(user: SessionUser, idOrCode: string, now = new Date()) {
  const survey = await db.survey.findFirst({
    where: { OR: [{ id: idOrCode }, { code: idOrCode.toUpperCase() }] },
    select: { ...surveySelect, session: { select: { title: true, heldOn: true, location: true } } },
  });
  if (!survey) throw notFound();
  await mayAnswer(user, survey);
  const answered = await hasAnswered(survey, user.id);
  return {
    id: survey.id,
    code: survey.code,
    title: survey.title,
    intro: survey.intro,
    items: parseItems(survey.items),
    target: survey.target,
    courseId: survey.courseId,
    anonymous: survey.anonymous,
    requiredForCertificate: survey.requiredForCertificate,
    session: survey.session,
    answered,
    status: surveyStatus(survey, now),
  };
}

async function mayAnswer(user: SessionUser, survey: { target: string; courseId: string | null; regionCode: string; enterpriseId: string | null }) {
  if (user.role !== "LEARNER") throw forbidden("errors.surveyLearnersOnly");
  if (survey.target === "SESSION") return;
  const place = await learnerPlace(user.id);
  const inRegion = place.regionCode !== null && isWithinRegion(survey.regionCode, place.regionCode) && (!survey.enterpriseId || survey.enterpriseId === place.enterpriseId);
  if (!inRegion) throw forbidden("errors.surveyNotForYou");
  if (survey.target === "COURSE") {
    const done = await db.courseCompletion.findUnique({ where: { userId_courseId: { userId: user.id, courseId: survey.courseId! } }, select: { userId: true } });
    if (!done) throw forbidden("errors.surveyCourseNotCompleted");
  }
}

/**
 * Saves one questionnaire: the answers checked against the survey's own items, scored as the rules say,
 * written once. A second submission (a double click, another tab, a retried request) is refused by the
 * unique key and reported as already answered, never written twice.
 */
export async function submitResponse(user: SessionUser, surveyId: string, raw: Record<string, unknown>, now = new Date()) {
  const survey = await db.survey.findUnique({ where: { id: surveyId }, select: surveySelect });
  if (!survey) throw notFound();
  await mayAnswer(user, survey);
  if (!isOpen(survey, now)) throw conflict(surveyStatus(survey, now) === "notYetOpen" ? "errors.surveyNotYetOpen" : "errors.surveyClosed");
  const items = parseItems(survey.items);
  const parsed = answersSchema(items).safeParse(answersInput(raw));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      // zod reports unknown items on the object itself (path []): name each unknown field instead.
      if (issue.code === "unrecognized_keys") {
        for (const k of issue.keys) (fieldErrors[`a.${k}`] ??= []).push("surveyUnknownItem");
        continue;
      }
      const key = issue.path.length ? `a.${issue.path.join(".")}` : "_";
      (fieldErrors[key] ??= []).push(issue.message === "Invalid input" || issue.code === "invalid_type" ? "surveyRequired" : issue.message);
    }
    throw validation(fieldErrors, "errors.surveyIncomplete");
  }
  const answers = parsed.data as Record<string, string | undefined>;
  const scored = scoreResponse(ratingItems(items), { id: "", answers: answers as Record<string, Level | undefined> });
  const place = await learnerPlace(user.id);
  try {
    const row = await db.surveyResponse.create({
      data: {
        surveyId: survey.id,
        respondentKey: respondentKey(survey, user.id),
        userId: survey.anonymous ? null : user.id,
        // Anonymous: no enterprise either (a small enterprise's figure would name its one respondent);
        // the county stays, for the regional figures.
        enterpriseId: survey.anonymous ? null : place.enterpriseId,
        regionCode: place.regionCode ?? survey.regionCode,
        answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)),
        valid: scored.valid,
        score: scored.score,
        overallLevel: scored.level,
        submittedAt: survey.anonymous ? beijingMidnight(now) : now,
      },
      select: { id: true },
    });
    return { responseId: row.id, courseId: survey.courseId };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw conflict("errors.surveyAlreadyAnswered");
    throw error;
  }
}

// ---- Providers, regulators and admins: templates, surveys, projects, sessions --------------------------

/** May this user manage the survey (its provider or author, a regulator of its region, an admin)? */
function canManage(user: SessionUser, s: { createdById: string; providerId: string | null; regionCode: string }) {
  if (user.role === "ADMIN") return true;
  if (user.role === "PROVIDER") return s.createdById === user.id || s.providerId === user.id;
  if (user.role === "REGULATOR") return canAccessRegion(user, s.regionCode);
  return false;
}

/** Templates a user may start a survey from: content templates and, for a provider, their own. */
export async function templatesFor(user: SessionUser) {
  const rows = await db.surveyTemplate.findMany({
    where: { archivedAt: null, OR: [{ ownerId: null }, ...(user.role === "ADMIN" ? [{ ownerId: { not: null } }] : [{ ownerId: user.id }])] },
    orderBy: [{ ownerId: "asc" }, { createdAt: "desc" }],
    select: { id: true, title: true, intro: true, items: true, ownerId: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, items: parseItems(r.items), own: r.ownerId !== null }));
}

export async function createTemplate(user: SessionUser, input: TemplateInput) {
  if (user.role !== "PROVIDER" && user.role !== "ADMIN") throw forbidden();
  const ids = new Set<string>();
  const fieldErrors: Record<string, string[]> = {};
  input.items.forEach((item, i) => {
    if (ids.has(item.id)) (fieldErrors[`items.${i}.id`] ??= []).push("surveyDuplicateItem");
    ids.add(item.id);
  });
  if (!input.items.some((i) => i.type === "rating")) (fieldErrors.items ??= []).push("surveyNeedsRating");
  if (input.items.filter((i) => i.type === "rating" && i.overall).length > 1) (fieldErrors.items ??= []).push("surveyOneOverall");
  if (Object.keys(fieldErrors).length) throw validation(fieldErrors);
  return db.surveyTemplate.create({
    data: { id: `own-${randomBytes(9).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "x")}`, title: input.title, intro: input.intro, items: input.items, ownerId: user.id },
    select: { id: true },
  });
}

async function templateFor(user: SessionUser, templateId: string) {
  const t = await db.surveyTemplate.findUnique({ where: { id: templateId }, select: { id: true, title: true, intro: true, items: true, ownerId: true, archivedAt: true } });
  if (!t || t.archivedAt) throw validation({ templateId: ["surveyTemplateUnknown"] });
  if (t.ownerId && t.ownerId !== user.id && user.role !== "ADMIN") throw forbidden();
  return t;
}

async function projectFor(user: SessionUser, projectId: string) {
  const p = await db.annualProject.findUnique({ where: { id: projectId }, select: { id: true, name: true, year: true, regionCode: true, providerId: true, createdById: true, archivedAt: true } });
  if (!p || p.archivedAt) throw validation({ projectId: ["surveyProjectUnknown"] });
  if (!canManageProject(user, p)) throw forbidden();
  return p;
}

/** May this user run the project's sessions and surveys (its provider, a regulator of its region, an admin)? */
function canManageProject(user: SessionUser, p: { providerId: string | null; regionCode: string }) {
  return user.role === "ADMIN" || (user.role === "PROVIDER" && p.providerId === user.id) || (user.role === "REGULATOR" && canAccessRegion(user, p.regionCode));
}

/** A survey attached to a course or a project, the template's items copied in. */
export async function createSurvey(user: SessionUser, input: SurveyInput, now = new Date()) {
  if (!["PROVIDER", "REGULATOR", "ADMIN"].includes(user.role)) throw forbidden();
  const template = await templateFor(user, input.templateId);
  const project = input.projectId ? await projectFor(user, input.projectId) : null;
  const regionCode = project?.regionCode ?? input.regionCode!;
  if (user.role === "REGULATOR" && !canAccessRegion(user, regionCode)) throw forbidden();
  if (!(await db.region.findUnique({ where: { code: regionCode }, select: { code: true } }))) throw validation({ regionCode: ["regionCode"] });
  if (input.courseId) {
    const course = await db.course.findUnique({ where: { id: input.courseId }, select: { archivedAt: true } });
    if (!course || course.archivedAt) throw validation({ courseId: ["surveyCourseUnknown"] });
  }
  return db.survey.create({
    data: {
      code: newSurveyCode(),
      title: input.title ?? template.title,
      intro: template.intro,
      templateId: template.id,
      items: template.items as object,
      target: input.target,
      courseId: input.target === "COURSE" ? input.courseId! : null,
      projectId: project?.id ?? null,
      regionCode,
      providerId: project?.providerId ?? (user.role === "PROVIDER" ? user.id : null),
      anonymous: input.anonymous,
      requiredForCertificate: input.target === "COURSE" && input.requiredForCertificate,
      opensAt: input.opensOn ?? now,
      closesAt: input.closesOn ? new Date(input.closesOn.getTime() + 86_400_000) : null,
      createdById: user.id,
    },
    select: { id: true, code: true },
  });
}

/** An annual project of a region (regulators of the region and admins). */
export async function createProject(user: SessionUser, input: ProjectInput) {
  if (user.role !== "REGULATOR" && user.role !== "ADMIN") throw forbidden();
  if (!canAccessRegion(user, input.regionCode)) throw forbidden();
  if (!(await db.region.findUnique({ where: { code: input.regionCode }, select: { code: true } }))) throw validation({ regionCode: ["regionCode"] });
  if (input.providerId) {
    const provider = await db.user.findUnique({ where: { id: input.providerId }, select: { role: true, disabledAt: true } });
    if (provider?.role !== "PROVIDER" || provider.disabledAt) throw validation({ providerId: ["surveyProviderUnknown"] });
  }
  return db.annualProject.create({
    data: { name: input.name, year: input.year, regionCode: input.regionCode, providerId: input.providerId ?? null, satisfactionTarget: input.satisfactionTarget, createdById: user.id },
    select: { id: true },
  });
}

/** An offline training session of a project and its survey, in one transaction (both or neither). */
export async function createSession(user: SessionUser, input: SessionInput) {
  const project = await projectFor(user, input.projectId);
  const template = await templateFor(user, input.templateId);
  let regionCode = project.regionCode;
  if (input.enterpriseId) {
    const e = await db.enterprise.findUnique({ where: { id: input.enterpriseId }, select: { regionCode: true } });
    if (!e || !isWithinRegion(project.regionCode, e.regionCode)) throw validation({ enterpriseId: ["surveyEnterpriseOutside"] });
    regionCode = e.regionCode;
  }
  return db.$transaction(async (tx) => {
    const session = await tx.trainingSession.create({
      data: { projectId: project.id, title: input.title, heldOn: input.heldOn, location: input.location, enterpriseId: input.enterpriseId ?? null, regionCode, createdById: user.id },
      select: { id: true },
    });
    const survey = await tx.survey.create({
      data: {
        code: newSurveyCode(),
        title: `${template.title}（${input.title}）`.slice(0, 120),
        intro: template.intro,
        templateId: template.id,
        items: template.items as object,
        target: "SESSION",
        projectId: project.id,
        sessionId: session.id,
        regionCode,
        enterpriseId: input.enterpriseId ?? null,
        providerId: project.providerId,
        anonymous: input.anonymous,
        opensAt: input.heldOn,
        createdById: user.id,
      },
      select: { id: true, code: true },
    });
    return { sessionId: session.id, surveyId: survey.id, code: survey.code };
  });
}

/** Closes a survey now (after an explicit confirmation in the form); answers already given stay. */
export async function closeSurvey(user: SessionUser, surveyId: string, now = new Date()) {
  const s = await db.survey.findUnique({ where: { id: surveyId }, select: { createdById: true, providerId: true, regionCode: true, closesAt: true } });
  if (!s) throw notFound();
  if (!canManage(user, s)) throw forbidden();
  if (s.closesAt && s.closesAt <= now) return { closed: false };
  await db.survey.update({ where: { id: surveyId }, data: { closesAt: now } });
  return { closed: true };
}

/** The surveys a user manages, newest first, with their response counts. */
export async function managedSurveys(user: SessionUser) {
  const where =
    user.role === "ADMIN"
      ? {}
      : user.role === "PROVIDER"
        ? { OR: [{ createdById: user.id }, { providerId: user.id }] }
        : user.role === "REGULATOR" && user.regionCode
          ? { regionCode: { startsWith: regionPrefix(user.regionCode) } }
          : { id: "#none" };
  const rows = await db.survey.findMany({
    where,
    orderBy: { createdAt: "desc" },
    select: {
      ...surveySelect,
      createdById: true,
      providerId: true,
      createdAt: true,
      project: { select: { name: true } },
      session: { select: { title: true, heldOn: true, location: true } },
      _count: { select: { responses: true } },
    },
  });
  const courseIds = [...new Set(rows.flatMap((r) => (r.courseId ? [r.courseId] : [])))];
  const courses = new Map((await db.course.findMany({ where: { id: { in: courseIds } }, select: { id: true, title: true } })).map((c) => [c.id, c.title]));
  return rows.map(({ items: _items, _count, ...r }) => ({ ...r, courseTitle: r.courseId ? (courses.get(r.courseId) ?? r.courseId) : null, responses: _count.responses }));
}

/** Projects a user can attach surveys and sessions to. */
export async function projectsFor(user: SessionUser) {
  const where =
    user.role === "ADMIN"
      ? {}
      : user.role === "PROVIDER"
        ? { providerId: user.id }
        : user.role === "REGULATOR" && user.regionCode
          ? { regionCode: { in: await regionsWithin(user.regionCode) } }
          : { id: "#none" };
  return db.annualProject.findMany({
    where: { ...where, archivedAt: null },
    orderBy: [{ year: "desc" }, { name: "asc" }],
    select: { id: true, name: true, year: true, regionCode: true, providerId: true, satisfactionTarget: true, _count: { select: { sessions: true, surveys: true } } },
  });
}

async function regionsWithin(code: string): Promise<string[]> {
  return (await db.region.findMany({ where: { code: { startsWith: regionPrefix(code) } }, select: { code: true } })).map((r) => r.code);
}

/** Provider accounts, for the project form. */
export async function providerAccounts() {
  return db.user.findMany({ where: { role: "PROVIDER", disabledAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** A survey's page for those who manage it: settings, counts and the offline session's link. */
export async function managedSurvey(user: SessionUser, surveyId: string) {
  const s = await db.survey.findUnique({
    where: { id: surveyId },
    select: { ...surveySelect, createdById: true, providerId: true, createdAt: true, project: { select: { id: true, name: true } }, session: { select: { title: true, heldOn: true, location: true } }, _count: { select: { responses: true } } },
  });
  if (!s) throw notFound();
  if (!canManage(user, s)) throw forbidden();
  const [course, region, enterprise] = await Promise.all([
    s.courseId ? db.course.findUnique({ where: { id: s.courseId }, select: { title: true } }) : null,
    db.region.findUnique({ where: { code: s.regionCode }, select: { name: true } }),
    s.enterpriseId ? db.enterprise.findUnique({ where: { id: s.enterpriseId }, select: { name: true } }) : null,
  ]);
  return { ...s, items: parseItems(s.items), courseTitle: course?.title ?? s.courseId, regionName: region?.name ?? s.regionCode, enterpriseName: enterprise?.name ?? null };
}

export { canManage as canManageSurvey };

// ---- What the management pages show: options of their forms, a project's page ----------------------

/**
 * Not yet open, open, or closed at `now`. Closed wins: a survey closed before its opening day (closing
 * sets closesAt to now) never opens, so it must not read as "not yet open".
 */
export function surveyStatus(s: { opensAt: Date; closesAt: Date | null }, now = new Date()): "notYetOpen" | "open" | "closed" {
  return s.closesAt && s.closesAt <= now ? "closed" : s.opensAt > now ? "notYetOpen" : "open";
}

/** Active courses a survey can be attached to. */
export async function surveyCourses() {
  return db.course.findMany({ where: { archivedAt: null }, orderBy: { title: "asc" }, select: { id: true, title: true } });
}

/**
 * Regions a user may address a survey or a project to: a regulator its own region and those inside it;
 * a provider or an admin every province, city and county on the platform. Others none.
 */
export async function surveyRegions(user: SessionUser) {
  const where =
    user.role === "PROVIDER" || user.role === "ADMIN"
      ? {}
      : user.role === "REGULATOR" && user.regionCode
        ? { code: { startsWith: regionPrefix(user.regionCode) } }
        : { code: "#none" };
  return db.region.findMany({ where, orderBy: { code: "asc" }, select: { code: true, name: true, level: true, parentCode: true } });
}

/** Region names by code (for lists that store only the code). */
export async function regionNames(codes: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  return new Map((await db.region.findMany({ where: { code: { in: unique } }, select: { code: true, name: true } })).map((r) => [r.code, r.name]));
}

/** The projects a user may manage (projectsFor) with their region's and provider's names. */
export async function projectList(user: SessionUser) {
  const rows = await projectsFor(user);
  const providerIds = [...new Set(rows.flatMap((r) => (r.providerId ? [r.providerId] : [])))];
  const [regions, providers] = await Promise.all([
    regionNames(rows.map((r) => r.regionCode)),
    db.user.findMany({ where: { id: { in: providerIds } }, select: { id: true, name: true } }),
  ]);
  const providerName = new Map(providers.map((p) => [p.id, p.name]));
  return rows.map(({ _count, ...r }) => ({
    ...r,
    regionName: regions.get(r.regionCode) ?? r.regionCode,
    providerName: r.providerId ? (providerName.get(r.providerId) ?? null) : null,
    sessions: _count.sessions,
    surveys: _count.surveys,
  }));
}

const surveySummary = { id: true, code: true, title: true, target: true, anonymous: true, opensAt: true, closesAt: true, _count: { select: { responses: true } } } as const;

/**
 * A project's page for those who may run it (its provider, regulators of its region, admins): its offline
 * sessions with their surveys and response counts, its other surveys, and the enterprises of its region
 * (for the session form).
 */
export async function managedProject(user: SessionUser, projectId: string) {
  const p = await db.annualProject.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      name: true,
      year: true,
      regionCode: true,
      providerId: true,
      satisfactionTarget: true,
      archivedAt: true,
      sessions: {
        orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
        select: { id: true, title: true, heldOn: true, location: true, enterpriseId: true, regionCode: true, surveys: { orderBy: { createdAt: "asc" }, select: surveySummary } },
      },
      surveys: { where: { sessionId: null }, orderBy: { createdAt: "desc" }, select: surveySummary },
    },
  });
  if (!p) throw notFound();
  if (!canManageProject(user, p)) throw forbidden();
  const [region, provider, enterprises] = await Promise.all([
    db.region.findUnique({ where: { code: p.regionCode }, select: { name: true } }),
    p.providerId ? db.user.findUnique({ where: { id: p.providerId }, select: { name: true } }) : null,
    db.enterprise.findMany({ where: { regionCode: { startsWith: regionPrefix(p.regionCode) } }, orderBy: [{ regionCode: "asc" }, { name: "asc" }], select: { id: true, name: true, regionCode: true } }),
  ]);
  const enterpriseName = new Map(enterprises.map((e) => [e.id, e.name]));
  return {
    id: p.id,
    name: p.name,
    year: p.year,
    regionCode: p.regionCode,
    regionName: region?.name ?? p.regionCode,
    providerName: provider?.name ?? null,
    satisfactionTarget: p.satisfactionTarget,
    archived: p.archivedAt !== null,
    sessions: p.sessions.map(({ surveys, ...s }) => ({
      ...s,
      enterpriseName: s.enterpriseId ? (enterpriseName.get(s.enterpriseId) ?? null) : null,
      surveys: surveys.map(({ _count, ...v }) => ({ ...v, responses: _count.responses })),
    })),
    surveys: p.surveys.map(({ _count, ...v }) => ({ ...v, responses: _count.responses })),
    enterprises,
  };
}
