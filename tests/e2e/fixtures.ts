// Shared facts of the browser tests.
export const E2E_PORT = { sqlite: 3100, postgresql: 3101 } as const;

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
