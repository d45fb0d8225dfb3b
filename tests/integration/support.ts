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
