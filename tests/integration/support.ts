// Shared set-up of the integration tests: the repository's content and the demo data, loaded into the
// run's database the way `npm start` loads them.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { loadContent } from "@/features/content/load";
import { syncContent } from "@/features/content/sync";
import { seedDemo } from "@/features/demo/seed";
import { hashPassword } from "@/features/accounts/password";
import { db } from "@/lib/db";
import { findSessionUser } from "@/features/accounts/data";

export async function loadDemo() {
  await syncContent(db, loadContent(path.resolve(import.meta.dirname, "../../content")));
  await seedDemo(db);
}

/** The session user of a demo account, as lib/session would return it. */
export async function sessionOf(mobile: string) {
  const row = await db.user.findUniqueOrThrow({ where: { mobile }, select: { id: true } });
  const user = await findSessionUser(row.id);
  if (!user) throw new Error(`no session user for ${mobile}`);
  return user;
}

/** A fresh account with a unique mobile number, for tests that must not share state. */
export async function createAccount(opts: { password: string; role?: "LEARNER" | "REGULATOR"; mustChangePassword?: boolean }) {
  const mobile = `139${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, "0")}`;
  return db.user.create({
    data: {
      mobile,
      name: "测试用户",
      role: opts.role ?? "LEARNER",
      passwordHash: await hashPassword(opts.password),
      mustChangePassword: opts.mustChangePassword ?? false,
    },
    select: { id: true, mobile: true },
  });
}

/** A random private-range address, so each test has its own per-address throttle. */
export function randomIp() {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

/**
 * A construction enterprise in 东区 (510402) with its admin account (created once, kept across tests of
 * a file), optionally a key enterprise of the 2026–2030 period. Returns the enterprise id.
 */
export async function enterpriseWithAdmin(opts: { creditCode: string; name: string; adminMobile: string; adminName: string; key?: boolean }) {
  const e = await db.enterprise.upsert({
    where: { creditCode: opts.creditCode },
    create: { name: opts.name, creditCode: opts.creditCode, industryCode: "CONSTRUCTION", regionCode: "510402" },
    update: {},
  });
  if (opts.key) await db.keyEnterprise.upsert({ where: { enterpriseId_periodId: { enterpriseId: e.id, periodId: "2026-2030" } }, create: { enterpriseId: e.id, periodId: "2026-2030" }, update: {} });
  await db.user.upsert({
    where: { mobile: opts.adminMobile },
    create: { mobile: opts.adminMobile, name: opts.adminName, role: "ENTERPRISE_ADMIN", passwordHash: "x", enterpriseId: e.id },
    update: {},
  });
  return e.id;
}

/** A fresh team leader of the demo enterprise in 仁和区 (the intro course and its reading lesson are assigned). */
export async function freshTeamLeader() {
  const account = await createAccount({ password: "Learner-2026" });
  const vt = await db.enterprise.findFirstOrThrow({ where: { regionCode: "510411" } });
  await db.user.update({ where: { id: account.id }, data: { enterpriseId: vt.id, positionCode: "TEAM_LEADER" } });
  return sessionOf(account.mobile);
}

/**
 * A fresh technical-school student whose hours of `courseId` are done, as the ledger records them, with an
 * exam attempt started now, and a valid choice per question of the paper (the first option; true/false "T").
 */
export async function studentInExam(courseId: string) {
  const { startAttempt } = await import("@/features/exams/data");
  const account = await createAccount({ password: "Student-2026" });
  const school = await db.school.findFirstOrThrow();
  await db.user.update({ where: { id: account.id }, data: { schoolId: school.id } });
  const lessons = await db.lesson.findMany({ where: { courseId, archivedAt: null } });
  const seconds = (l: (typeof lessons)[number]) => l.minReadingSeconds ?? l.durationSeconds ?? 0;
  await db.lessonProgress.createMany({ data: lessons.map((l) => ({ userId: account.id, lessonId: l.id, courseId, creditedSeconds: seconds(l), completedAt: new Date() })) });
  await db.courseCompletion.create({ data: { userId: account.id, courseId, creditedSeconds: lessons.reduce((s, l) => s + seconds(l), 0) } });
  const user = await sessionOf(account.mobile);
  const { attemptId } = await startAttempt(user, courseId);
  const paper = (await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { paper: true } })).paper as { questionId: string; type: string; options: string[] }[];
  return { user, attemptId, answers: paper.map((p) => ({ questionId: p.questionId, chosen: [p.type === "true_false" ? "T" : p.options[0]!] })) };
}
