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
    where: { enterpriseId, role: "LEARNER", disabledAt: null, leftOn: null },
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

/** DOMAIN.md: each key enterprise of an annual project has at least 30 hazards found, 85% rectified. */
export const HAZARD_TARGETS = { minFound: 30, minRectifiedShare: 0.85 } as const;

/** The enterprise's 两降两增 hidden-hazard report (investigation, hazards, progress against targets). */
export async function hazardReport(user: SessionUser, enterprise: { id: string; regionCode: string; creditCode: string }) {
  if (!canAccessEnterprise(user, enterprise)) throw forbidden();
  const [investigation, hazards] = await Promise.all([
    db.hazardInvestigation.findFirst({ where: { creditCode: enterprise.creditCode, archivedAt: null } }),
    db.enterpriseHazard.findMany({
      where: { creditCode: enterprise.creditCode, archivedAt: null },
      orderBy: [{ status: "asc" }, { level: "desc" }, { foundOn: "asc" }, { id: "asc" }],
    }),
  ]);
  const rectified = hazards.filter((h) => h.status === "RECTIFIED").length;
  return {
    investigation,
    hazards,
    found: hazards.length,
    rectified,
    rectifiedShare: hazards.length ? rectified / hazards.length : 0,
    major: hazards.filter((h) => h.level === "MAJOR").length,
  };
}
