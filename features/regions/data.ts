import "server-only";
import { recordAudit } from "@/features/audit/data";
import { canAccessRegion, regionWhere } from "@/lib/scope";
import { forbidden, notFound, validation } from "@/lib/errors";
import { db } from "@/lib/db";
import { regionPrefix } from "@/lib/identifiers";
import type { SessionUser } from "@/lib/session";
import { currentPlanPeriod } from "./periods";
import type { CreateEnterpriseInput } from "./schemas";

export { currentPlanPeriod };

/**
 * A region the user may see, with its sub-regions (enterprise and key-enterprise counts each) and the
 * enterprises directly inside it. Throws Forbidden outside the user's scope.
 */
export async function regionOverview(user: SessionUser, code: string) {
  if (!canAccessRegion(user, code)) throw forbidden();
  const region = await db.region.findUnique({ where: { code }, select: { code: true, name: true, level: true, parentCode: true } });
  if (!region) throw notFound();
  const period = await currentPlanPeriod();

  const [children, enterprises] = await Promise.all([
    db.region.findMany({ where: { parentCode: code }, orderBy: { code: "asc" }, select: { code: true, name: true } }),
    db.enterprise.findMany({
      where: { AND: [regionWhere(user), { regionCode: { startsWith: regionPrefix(code) } }] },
      orderBy: [{ regionCode: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        creditCode: true,
        regionCode: true,
        region: { select: { name: true } },
        industry: { select: { code: true, name: true, nameEn: true } },
        keyDesignations: { where: { periodId: period?.id ?? "" }, select: { periodId: true } },
        // The roster: active learner accounts of the enterprise (its admins are not on it).
        _count: { select: { users: { where: { role: "LEARNER", disabledAt: null } } } },
      },
    }),
  ]);

  const childStats = children.map((child) => {
    const inside = enterprises.filter((e) => e.regionCode.startsWith(regionPrefix(child.code)));
    return { ...child, enterprises: inside.length, keyEnterprises: inside.filter((e) => e.keyDesignations.length > 0).length };
  });

  return {
    region,
    period,
    children: childStats,
    enterprises: enterprises.map(({ keyDesignations, _count, region: r, ...e }) => ({
      ...e,
      regionName: r.name,
      isKey: keyDesignations.length > 0,
      staff: _count.users,
    })),
  };
}

/** Designates (or un-designates) a key enterprise for the current plan period, within the user's region. */
export async function setKeyEnterprise(user: SessionUser, enterpriseId: string, isKey: boolean) {
  const enterprise = await db.enterprise.findUnique({ where: { id: enterpriseId }, select: { id: true, regionCode: true } });
  if (!enterprise) throw notFound();
  if (!canAccessRegion(user, enterprise.regionCode)) throw forbidden();
  const period = await currentPlanPeriod();
  if (!period) throw notFound("errors.noPlanPeriod");
  const key = { enterpriseId_periodId: { enterpriseId, periodId: period.id } };
  await db.$transaction(async (tx) => {
    // Audited only when the designation changes: setting what already holds records nothing.
    let changed: boolean;
    if (isKey) {
      changed = !(await tx.keyEnterprise.findUnique({ where: key, select: { periodId: true } }));
      await tx.keyEnterprise.upsert({ where: key, create: { enterpriseId, periodId: period.id, designatedById: user.id }, update: {} });
    } else {
      changed = (await tx.keyEnterprise.deleteMany({ where: { enterpriseId, periodId: period.id } })).count > 0;
    }
    if (changed) {
      await recordAudit(tx, {
        actor: user,
        action: isKey ? "key-enterprise.designate" : "key-enterprise.undesignate",
        target: { type: "Enterprise", id: enterpriseId },
        scope: { enterpriseId },
        detail: { period: period.id },
      });
    }
  });
  return { enterpriseId, periodId: period.id, isKey };
}

/**
 * Registers an enterprise in a county of the user's region (name, credit code, industry, hazardous-
 * chemicals type), optionally as a key enterprise of the current plan period, in one transaction.
 */
export async function createEnterprise(user: SessionUser, input: CreateEnterpriseInput) {
  if (!canAccessRegion(user, input.regionCode)) throw forbidden();
  const [region, industry, existing, period] = await Promise.all([
    db.region.findUnique({ where: { code: input.regionCode }, select: { level: true } }),
    db.industry.findUnique({ where: { code: input.industryCode }, select: { code: true } }),
    db.enterprise.findUnique({ where: { creditCode: input.creditCode }, select: { id: true } }),
    currentPlanPeriod(),
  ]);
  if (!region || region.level !== "COUNTY") throw validation({ regionCode: ["countyRequired"] });
  if (!industry) throw validation({ industryCode: ["required"] });
  if (existing) throw validation({ creditCode: ["creditCodeTaken"] });
  return db.$transaction(async (tx) => {
    const e = await tx.enterprise.create({
      data: { name: input.name, creditCode: input.creditCode, industryCode: input.industryCode, regionCode: input.regionCode, hazchemType: input.industryCode === "HAZCHEM" ? input.hazchemType : null },
      select: { id: true, name: true },
    });
    if (input.isKey && period) {
      await tx.keyEnterprise.create({ data: { enterpriseId: e.id, periodId: period.id, designatedById: user.id } });
      await recordAudit(tx, { actor: user, action: "key-enterprise.designate", target: { type: "Enterprise", id: e.id }, scope: { enterpriseId: e.id }, detail: { period: period.id, registered: true } });
    }
    return e;
  });
}

/** What the registration form offers: the counties of the region and the industries. */
export async function enterpriseFormOptions(user: SessionUser, code: string) {
  if (!canAccessRegion(user, code)) throw forbidden();
  const prefix = regionPrefix(code);
  const [counties, industries] = await Promise.all([
    db.region.findMany({ where: { code: { startsWith: prefix }, level: "COUNTY" }, orderBy: { code: "asc" }, select: { code: true, name: true } }),
    db.industry.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, name: true } }),
  ]);
  return { counties, industries };
}
