// Seed 002's annex table (重点行业企业基本情况表): per key industry of the plan period, enterprise counts
// from the platform and the figures it has no source for (insured enterprises and employees, employees,
// accidents in the base year: the year before the period), entered by the regulator for its region.
import "server-only";
import { db } from "@/lib/db";
import { forbidden, notFound, validation } from "@/lib/errors";
import { regionPrefix } from "@/lib/identifiers";
import { canAccessRegion } from "@/lib/scope";
import type { SessionUser } from "@/lib/session";
import type { AnnexRow } from "./export";
import type { AnnexInput } from "./schemas";

async function periodAndRegion(user: SessionUser, regionCode: string, periodId?: string) {
  if (!canAccessRegion(user, regionCode)) throw forbidden();
  const [region, period] = await Promise.all([
    db.region.findUnique({ where: { code: regionCode }, select: { code: true, name: true } }),
    periodId
      ? db.planPeriod.findUnique({ where: { id: periodId }, select: { id: true, name: true, startYear: true, industries: { select: { industryCode: true } } } })
      : db.planPeriod.findFirst({ orderBy: { startYear: "asc" }, select: { id: true, name: true, startYear: true, industries: { select: { industryCode: true } } } }),
  ]);
  if (!region || !period) throw notFound();
  return { region, period, baseYear: period.startYear - 1 };
}

export async function annexData(user: SessionUser, regionCode: string, periodId?: string) {
  const { region, period, baseYear } = await periodAndRegion(user, regionCode, periodId);
  const codes = period.industries.map((i) => i.industryCode);
  const [industries, counts, figures] = await Promise.all([
    db.industry.findMany({ where: { code: { in: codes } }, orderBy: { sortOrder: "asc" }, select: { code: true, name: true } }),
    db.enterprise.groupBy({ by: ["industryCode"], where: { regionCode: { startsWith: regionPrefix(regionCode) }, industryCode: { in: codes } }, _count: { _all: true } }),
    db.annexFigure.findMany({ where: { regionCode, year: baseYear, industryCode: { in: codes } } }),
  ]);
  const rows: AnnexRow[] = industries.map((i) => {
    const f = figures.find((x) => x.industryCode === i.code);
    return {
      industryCode: i.code,
      industryName: i.name,
      enterprises: counts.find((c) => c.industryCode === i.code)?._count._all ?? 0,
      insuredEnterprises: f?.insuredEnterprises ?? null,
      employees: f?.employees ?? null,
      insuredEmployees: f?.insuredEmployees ?? null,
      accidents: f?.accidents ?? null,
    };
  });
  return { region, period: { id: period.id, name: period.name }, baseYear, rows };
}

/** Saves the entered figures of every industry at once (all or nothing). */
export async function saveAnnex(user: SessionUser, input: AnnexInput) {
  const { baseYear, period } = await periodAndRegion(user, input.regionCode, input.periodId);
  const allowed = new Set(period.industries.map((i) => i.industryCode));
  const bad = input.rows.filter((r) => !allowed.has(r.industryCode));
  if (bad.length) throw validation({ rows: ["unknownIndustry"] });
  await db.$transaction(
    input.rows.map((r) => {
      const data = { insuredEnterprises: r.insuredEnterprises, employees: r.employees, insuredEmployees: r.insuredEmployees, accidents: r.accidents, updatedById: user.id };
      return db.annexFigure.upsert({
        where: { regionCode_industryCode_year: { regionCode: input.regionCode, industryCode: r.industryCode, year: baseYear } },
        create: { regionCode: input.regionCode, industryCode: r.industryCode, year: baseYear, ...data },
        update: data,
      });
    }),
  );
  return { saved: input.rows.length };
}
