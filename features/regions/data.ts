import "server-only";
import { canAccessRegion, regionWhere } from "@/lib/authz";
import { forbidden, notFound } from "@/lib/errors";
import { db } from "@/lib/db";
import { regionPrefix } from "@/lib/identifiers";
import type { SessionUser } from "@/lib/session";
import { currentPlanPeriod } from "./periods";

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
  if (isKey) {
    await db.keyEnterprise.upsert({ where: key, create: { enterpriseId, periodId: period.id, designatedById: user.id }, update: {} });
  } else {
    await db.keyEnterprise.deleteMany({ where: { enterpriseId, periodId: period.id } });
  }
  return { enterpriseId, periodId: period.id, isKey };
}
