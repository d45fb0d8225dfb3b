// The browser tests' data, loaded into the database DATABASE_URL names (set it first: lib/env reads it
// once): the repository's content, the demo data and the accounts and records tests/e2e/fixtures.ts
// describes. Used by tests/e2e/server.ts (the suite's server) and tests/support/faults-database.ts (the
// database of the server tests/e2e/faults.spec.ts starts and kills itself).
import path from "node:path";
import { E2E_EXAM_COURSE, E2E_EXAM_PASSWORD, E2E_EXAM_STUDENTS, E2E_FORCED_CHANGE, E2E_SURVEY, E2E_SURVEY_ADMIN } from "../e2e/fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Loads everything and disconnects. */
export async function seedBrowserTests(): Promise<void> {
  // Imported now, with DATABASE_URL set: lib/env reads it once.
  const { loadContent } = await import("@/features/content/load");
  const { syncContent } = await import("@/features/content/sync");
  const { seedDemo } = await import("@/features/demo/seed");
  const { hashPassword } = await import("@/features/accounts/password");
  const { db } = await import("@/lib/db");
  await syncContent(db, loadContent(path.join(ROOT, "content")));
  await seedDemo(db);
  await db.user.create({
    data: {
      mobile: E2E_FORCED_CHANGE.mobile,
      name: "导入学员",
      role: "LEARNER",
      passwordHash: await hashPassword(E2E_FORCED_CHANGE.password),
      mustChangePassword: true,
    },
  });
  // Students whose hours of the required course are done: lesson progress and the completion, as the
  // class-hour ledger writes them when the last lesson is finished.
  const school = await db.school.findFirstOrThrow();
  const lessons = await db.lesson.findMany({ where: { courseId: E2E_EXAM_COURSE, archivedAt: null } });
  const seconds = (l: (typeof lessons)[number]) => l.minReadingSeconds ?? l.durationSeconds ?? 0;
  for (const student of Object.values(E2E_EXAM_STUDENTS)) {
    const user = await db.user.create({
      data: { mobile: student.mobile, name: student.name, role: "LEARNER", schoolId: school.id, passwordHash: await hashPassword(E2E_EXAM_PASSWORD) },
    });
    await db.lessonProgress.createMany({
      data: lessons.map((l) => ({ userId: user.id, lessonId: l.id, courseId: E2E_EXAM_COURSE, creditedSeconds: seconds(l), completedAt: new Date() })),
    });
    await db.courseCompletion.create({ data: { userId: user.id, courseId: E2E_EXAM_COURSE, creditedSeconds: lessons.reduce((s, l) => s + seconds(l), 0) } });
  }
  // 东区's key construction enterprise: its team leader completed both of his assigned courses, so the
  // county's coverage starts at 1 of 1 (tests/e2e/coverage.spec.ts adds untrained staff by import).
  const leader = await db.user.findUniqueOrThrow({ where: { mobile: "13800000013" } });
  for (const courseId of ["gongshang-yufang-rumen", "lj-anjian-jianzhu"]) {
    await db.courseCompletion.create({ data: { userId: leader.id, courseId, creditedSeconds: 3600 } });
  }
  // Satisfaction surveys (tests/e2e/surveys.spec.ts; E2E_SURVEY says who is who).
  const surveySchool = await db.school.create({ data: { name: "盐边县示范技工学校（E2E）", regionCode: E2E_SURVEY.regionCode } });
  const surveyStudents: Record<string, string> = {};
  for (const [key, student] of Object.entries({ student: E2E_SURVEY.student, classmate: E2E_SURVEY.classmate })) {
    const user = await db.user.create({
      data: { mobile: student.mobile, name: student.name, role: "LEARNER", schoolId: surveySchool.id, passwordHash: await hashPassword(E2E_SURVEY.password) },
    });
    await db.lessonProgress.createMany({
      data: lessons.map((l) => ({ userId: user.id, lessonId: l.id, courseId: E2E_EXAM_COURSE, creditedSeconds: seconds(l), completedAt: new Date() })),
    });
    await db.courseCompletion.create({ data: { userId: user.id, courseId: E2E_EXAM_COURSE, creditedSeconds: lessons.reduce((s, l) => s + seconds(l), 0) } });
    surveyStudents[key] = user.id;
  }
  await db.user.create({
    data: { mobile: E2E_SURVEY.trainee.mobile, name: E2E_SURVEY.trainee.name, role: "LEARNER", passwordHash: await hashPassword(E2E_SURVEY.password) },
  });
  await db.user.create({
    data: { mobile: E2E_SURVEY.firstLogin.mobile, name: E2E_SURVEY.firstLogin.name, role: "LEARNER", passwordHash: await hashPassword(E2E_SURVEY.firstLogin.password), mustChangePassword: true },
  });
  const template = await db.surveyTemplate.findUniqueOrThrow({ where: { id: "standard-trainee" } });
  const surveyProvider = await db.user.findUniqueOrThrow({ where: { mobile: "13800000005" } });
  const yesterday = new Date(Date.now() - 24 * 3_600_000);
  const courseSurvey = await db.survey.create({
    data: {
      code: E2E_SURVEY.courseSurvey.code,
      title: E2E_SURVEY.courseSurvey.title,
      intro: template.intro,
      templateId: template.id,
      items: template.items as object,
      target: "COURSE",
      courseId: E2E_EXAM_COURSE,
      regionCode: E2E_SURVEY.regionCode,
      providerId: surveyProvider.id,
      requiredForCertificate: true,
      opensAt: yesterday,
      createdById: surveyProvider.id,
    },
  });
  // The classmate's questionnaire, stored as submitResponse stores it: all 一般, 60 points, valid.
  const ratings = (template.items as { id: string; type: string }[]).filter((i) => i.type === "rating");
  await db.surveyResponse.create({
    data: {
      surveyId: courseSurvey.id,
      respondentKey: surveyStudents.classmate!,
      userId: surveyStudents.classmate!,
      regionCode: E2E_SURVEY.regionCode,
      answers: Object.fromEntries(ratings.map((i) => [i.id, "NEUTRAL"])),
      valid: true,
      score: 60,
      overallLevel: "NEUTRAL",
      submittedAt: new Date(),
    },
  });
  const project = await db.annualProject.create({
    data: { name: "米易县年度工伤预防培训项目（E2E）", year: Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)), regionCode: E2E_SURVEY.session.regionCode, providerId: surveyProvider.id, createdById: surveyProvider.id },
  });
  const session = await db.trainingSession.create({
    data: { projectId: project.id, title: E2E_SURVEY.session.title, heldOn: yesterday, location: E2E_SURVEY.session.location, regionCode: E2E_SURVEY.session.regionCode, createdById: surveyProvider.id },
  });
  await db.survey.create({
    data: {
      code: E2E_SURVEY.session.code,
      title: `${template.title}（${E2E_SURVEY.session.title}）`,
      intro: template.intro,
      templateId: template.id,
      items: template.items as object,
      target: "SESSION",
      projectId: project.id,
      sessionId: session.id,
      regionCode: E2E_SURVEY.session.regionCode,
      providerId: surveyProvider.id,
      anonymous: true,
      opensAt: yesterday,
      createdById: surveyProvider.id,
    },
  });
  // Survey management (tests/e2e/survey-admin.spec.ts; E2E_SURVEY_ADMIN says who is who).
  await db.user.create({
    data: {
      mobile: E2E_SURVEY_ADMIN.trainee.mobile,
      name: E2E_SURVEY_ADMIN.trainee.name,
      role: "LEARNER",
      regionCode: E2E_SURVEY_ADMIN.trainee.regionCode,
      passwordHash: await hashPassword(E2E_SURVEY_ADMIN.password),
    },
  });
  const admin = await db.user.findUniqueOrThrow({ where: { mobile: "13800000000" } });
  await db.annualProject.create({
    data: { id: E2E_SURVEY_ADMIN.otherProject.id, name: E2E_SURVEY_ADMIN.otherProject.name, year: project.year, regionCode: E2E_SURVEY_ADMIN.otherProject.regionCode, createdById: admin.id },
  });
  await db.$disconnect();
}
