// Plan periods are data (content/reference/plan-periods.yaml); which one is in force is asked here.
import "server-only";
import { db } from "@/lib/db";

/** The plan period in force in a year (periods are data: content/reference/plan-periods.yaml). */
export async function currentPlanPeriod(year = new Date().getFullYear()) {
  return (
    (await db.planPeriod.findFirst({ where: { startYear: { lte: year }, endYear: { gte: year } }, select: { id: true, name: true } })) ??
    (await db.planPeriod.findFirst({ orderBy: { endYear: "desc" }, select: { id: true, name: true } }))
  );
}
