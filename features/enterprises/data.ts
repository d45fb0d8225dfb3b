import "server-only";
import { canAccessEnterprise } from "@/lib/authz";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import type { SessionUser } from "@/lib/session";

/** 一企一档 (start): an enterprise's facts, key-enterprise periods and staff by position. */
export async function enterpriseOverview(user: SessionUser, enterpriseId: string) {
  const enterprise = await db.enterprise.findUnique({
    where: { id: enterpriseId },
    select: {
      id: true,
      name: true,
      creditCode: true,
      regionCode: true,
      hazchemType: true,
      industry: { select: { name: true, nameEn: true } },
      region: { select: { name: true, parent: { select: { name: true } } } },
      keyDesignations: { select: { period: { select: { id: true, name: true } } }, orderBy: { periodId: "asc" } },
    },
  });
  if (!enterprise) throw notFound();
  if (!canAccessEnterprise(user, enterprise)) throw forbidden();
  const staff = await db.user.groupBy({
    by: ["positionCode"],
    where: { enterpriseId, role: "LEARNER", disabledAt: null },
    _count: { _all: true },
  });
  const positions = await db.positionCategory.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, name: true, nameEn: true } });
  return {
    ...enterprise,
    staffByPosition: positions
      .map((p) => ({ ...p, count: staff.find((s) => s.positionCode === p.code)?._count._all ?? 0 }))
      .filter((p) => p.count > 0),
    staffWithoutPosition: staff.find((s) => s.positionCode === null)?._count._all ?? 0,
    staffTotal: staff.reduce((n, s) => n + s._count._all, 0),
  };
}
