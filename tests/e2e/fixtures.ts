// Shared facts of the browser tests.
/** The test server's port per provider; E2E_SERVER_PORT overrides it (two Playwright runs side by side). */
export const E2E_PORT = {
  sqlite: Number(process.env.E2E_SERVER_PORT ?? 3100),
  postgresql: Number(process.env.E2E_SERVER_PORT ?? 3101),
} as const;

/** An account as a roster import creates it: it must change its password at first login. */
export const E2E_FORCED_CHANGE = { mobile: "13900000001", password: "Imported-2026" } as const;

/**
 * Technical-school students whose class hours are done, so the exam is open (tests/e2e/server.ts
 * records the hours as the ledger would): one per exam test, so the tests do not share attempts.
 */
export const E2E_EXAM_STUDENTS = {
  pass: { mobile: "13900000101", name: "考试学员甲" },
  retake: { mobile: "13900000102", name: "考试学员乙" },
} as const;
export const E2E_EXAM_PASSWORD = "Exam-2026-ok";
export const E2E_EXAM_COURSE = "jigong-bixiu";

/**
 * Satisfaction surveys (tests/e2e/surveys.spec.ts). A technical school of 盐边县, a county no other test
 * uses, so its satisfaction figure moves only with that test: its course survey of E2E_EXAM_COURSE holds
 * the certificate until answered, and one classmate answered it already (every item 一般: 60 points).
 * An offline session of an annual project in 米易县 has an anonymous survey behind a fixed link code.
 */
export const E2E_SURVEY = {
  regionCode: "510422",
  password: "Survey-2026-ok",
  /** Hours of the exam course done, exam not yet taken. */
  student: { mobile: "13900000201", name: "问卷学员丙" },
  /** Answered the course survey before the test: every rating 一般. */
  classmate: { mobile: "13900000202", name: "问卷学员丁" },
  /** An offline trainee with no organisation on the platform: answers by the QR link. */
  trainee: { mobile: "13900000203", name: "线下学员戊" },
  /** Imported by a roster, never signed in: must change the password first, then comes back to the survey. */
  firstLogin: { mobile: "13900000204", name: "线下学员庚", password: "Imported-2026-qr" },
  courseSurvey: { code: "CRSE2E34", title: "技工院校学生必修课培训满意度调查（E2E）" },
  session: { code: "QRTEST23", regionCode: "510421", title: "米易县道路运输企业现场培训（E2E）", location: "米易县攀莲镇培训中心" },
} as const;

/**
 * Survey management (tests/e2e/survey-admin.spec.ts). A trainee of 东区 with no enterprise (so no coverage
 * figure moves) answers the offline session the 东区 regulator creates in the test; a 西区 project with no
 * provider is one the 东区 regulator and the demo provider must both be refused.
 */
export const E2E_SURVEY_ADMIN = {
  password: "Survey-Admin-2026",
  trainee: { mobile: "13900000301", name: "东区现场学员己", regionCode: "510402" },
  otherProject: { id: "e2e-project-xiqu", name: "西区年度工伤预防项目（E2E）", regionCode: "510403" },
  /** A county no other test uses (自贡市自流井区): a certificate held by its course survey holds no one's. */
  courseSurveyRegion: { code: "510302", name: "自流井区" },
} as const;
