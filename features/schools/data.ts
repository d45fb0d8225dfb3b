import "server-only";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { canAccessRegion } from "@/lib/scope";
import type { SessionUser } from "@/lib/session";

/** A school with its classes: students on the roll, and how many completed the required curriculum. */
export async function schoolOverview(user: SessionUser, schoolId: string) {
  const school = await db.school.findUnique({
    where: { id: schoolId },
    select: { id: true, name: true, regionCode: true, region: { select: { name: true, parent: { select: { name: true } } } } },
  });
  if (!school) throw notFound();
  if (!(user.role === "SCHOOL_ADMIN" ? user.schoolId === schoolId : canAccessRegion(user, school.regionCode))) throw forbidden();
  const onRoll = { schoolId, role: "LEARNER" as const, disabledAt: null, leftOn: null };
  const [students, classes, completed] = await Promise.all([
    db.user.count({ where: onRoll }),
    db.schoolClass.findMany({ where: { schoolId }, orderBy: { name: "asc" }, select: { id: true, name: true, _count: { select: { students: { where: onRoll } } } } }),
    // DOMAIN.md: technical-school students complete the required curriculum (TECH_SCHOOL family).
    db.user.groupBy({
      by: ["classId"],
      where: { ...onRoll, courseCompletions: { some: { course: { family: "TECH_SCHOOL" } } } },
      _count: { _all: true },
    }),
  ]);
  const done = new Map(completed.map((c) => [c.classId, c._count._all]));
  return {
    ...school,
    students,
    completed: completed.reduce((n, c) => n + c._count._all, 0),
    classes: classes.map((c) => ({ id: c.id, name: c.name, students: c._count.students, completed: done.get(c.id) ?? 0 })),
    withoutClass: { students: students - classes.reduce((n, c) => n + c._count.students, 0), completed: done.get(null) ?? 0 },
  };
}
