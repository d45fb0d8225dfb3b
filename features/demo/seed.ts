// Demo data for a fresh install: a few fictional enterprises and a school in Panzhihua (攀枝花市,
// seed 001), and one account per role. Idempotent: rows are created once and never overwritten, so a
// demo password someone changed stays changed. Names carry （演示） so nobody mistakes them for real ones.
import { hashPassword } from "@/features/accounts/password";
import type { Db } from "@/lib/db";
import { creditCodeCheckChar } from "@/lib/identifiers";
import type { Role } from "@/lib/roles";

export const DEMO_PASSWORD = "Demo2026!";

/** Builds a valid unified social credit code (GB 32100-2015) from a region code and a 9-char body. */
export function demoCreditCode(regionCode: string, body9: string): string {
  const first17 = `91${regionCode}${body9}`;
  return first17 + creditCodeCheckChar(first17);
}

export const DEMO_ENTERPRISES = [
  { key: "vt", name: "攀西钒钛冶炼有限公司（演示）", industryCode: "VANADIUM_TITANIUM", regionCode: "510411", body: "MA6230K1X", keyPeriods: ["2021-2025", "2026-2030"], hazchemType: null },
  { key: "build", name: "攀枝花安建建筑工程有限公司（演示）", industryCode: "CONSTRUCTION", regionCode: "510402", body: "MA62B1Q7N", keyPeriods: ["2026-2030"], hazchemType: null },
  { key: "chem", name: "攀枝花金沙精细化工有限公司（演示）", industryCode: "HAZCHEM", regionCode: "510403", body: "MA62D8R4U", keyPeriods: ["2021-2025", "2026-2030"], hazchemType: "PRODUCER" },
  { key: "trans", name: "米易顺达道路运输有限公司（演示）", industryCode: "TRANSPORT", regionCode: "510421", body: "MA64E2T9W", keyPeriods: [], hazchemType: null },
] as const;

export const DEMO_SCHOOL = { name: "攀枝花示范技工学校（演示）", regionCode: "510402" };

type DemoAccount = {
  mobile: string;
  name: string;
  role: Role;
  label: string;
  regionCode?: string;
  enterprise?: (typeof DEMO_ENTERPRISES)[number]["key"];
  school?: boolean;
  positionCode?: string;
  /** Printed by `npm start` (one per role); the rest fill the demo rosters. */
  printed?: boolean;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { mobile: "13800000000", name: "平台管理员", role: "ADMIN", label: "平台管理员 admin", printed: true },
  { mobile: "13800000001", name: "攀枝花市人社局", role: "REGULATOR", label: "市级人社监管 city regulator (攀枝花市)", regionCode: "510400", printed: true },
  { mobile: "13800000002", name: "东区人社局", role: "REGULATOR", label: "区县人社监管 county regulator (东区)", regionCode: "510402", printed: true },
  { mobile: "13800000003", name: "王安全", role: "ENTERPRISE_ADMIN", label: "企业管理员 enterprise admin", enterprise: "vt", printed: true },
  { mobile: "13800000004", name: "李老师", role: "SCHOOL_ADMIN", label: "院校管理员 school admin", school: true, printed: true },
  { mobile: "13800000005", name: "攀西工伤预防服务中心", role: "PROVIDER", label: "服务机构 provider", printed: true },
  { mobile: "13800000006", name: "张班长", role: "LEARNER", label: "学员 learner (一线班组长)", enterprise: "vt", positionCode: "TEAM_LEADER", printed: true },
  { mobile: "13800000007", name: "刘同学", role: "LEARNER", label: "学员 learner (技工院校学生)", school: true },
  { mobile: "13800000010", name: "赵副总", role: "LEARNER", label: "", enterprise: "vt", positionCode: "SAFETY_EXECUTIVE" },
  { mobile: "13800000011", name: "钱部长", role: "LEARNER", label: "", enterprise: "vt", positionCode: "SAFETY_DEPT_HEAD" },
  { mobile: "13800000012", name: "孙师傅", role: "LEARNER", label: "", enterprise: "vt", positionCode: "ACCIDENT_PRONE_WORKER" },
  { mobile: "13800000013", name: "周班长", role: "LEARNER", label: "", enterprise: "build", positionCode: "TEAM_LEADER" },
  { mobile: "13800000014", name: "吴主任", role: "LEARNER", label: "", enterprise: "chem", positionCode: "TEAM_LEADER" },
  { mobile: "13800000015", name: "郑经理", role: "LEARNER", label: "", enterprise: "chem", positionCode: "FULLTIME_SAFETY_MANAGER" },
  { mobile: "13800000016", name: "冯师傅", role: "LEARNER", label: "", enterprise: "trans", positionCode: "TEAM_LEADER" },
];

/**
 * Loads the demo enterprises, school and accounts once: when the first demo account exists the demo is
 * considered loaded and nothing is touched, so changes made in the product (a key enterprise removed,
 * a password changed) survive every later `npm start`. All or nothing, in one transaction.
 */
export async function seedDemo(db: Db): Promise<{ created: number }> {
  if (await db.user.findUnique({ where: { mobile: DEMO_ACCOUNTS[0]!.mobile }, select: { id: true } })) return { created: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.$transaction(async (tx) => {
    const enterpriseIds = new Map<string, string>();
    for (const e of DEMO_ENTERPRISES) {
      const creditCode = demoCreditCode(e.regionCode, e.body);
      const row = await tx.enterprise.upsert({
        where: { creditCode },
        create: { name: e.name, creditCode, industryCode: e.industryCode, regionCode: e.regionCode, hazchemType: e.hazchemType },
        update: {},
        select: { id: true },
      });
      enterpriseIds.set(e.key, row.id);
      for (const periodId of e.keyPeriods) {
        await tx.keyEnterprise.upsert({
          where: { enterpriseId_periodId: { enterpriseId: row.id, periodId } },
          create: { enterpriseId: row.id, periodId },
          update: {},
        });
      }
    }
    const school =
      (await tx.school.findFirst({ where: { name: DEMO_SCHOOL.name }, select: { id: true } })) ??
      (await tx.school.create({ data: DEMO_SCHOOL, select: { id: true } }));

    let created = 0;
    for (const a of DEMO_ACCOUNTS) {
      if (await tx.user.findUnique({ where: { mobile: a.mobile }, select: { id: true } })) continue;
      await tx.user.create({
        data: {
          mobile: a.mobile,
          name: a.name,
          role: a.role,
          passwordHash,
          regionCode: a.regionCode ?? null,
          enterpriseId: a.enterprise ? enterpriseIds.get(a.enterprise)! : null,
          schoolId: a.school ? school.id : null,
          positionCode: a.positionCode ?? null,
        },
      });
      created++;
    }
    return { created };
  });
}
