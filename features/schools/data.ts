import "server-only";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import type { SessionUser } from "@/lib/session";

export async function schoolOverview(user: SessionUser, schoolId: string) {
  if (user.role !== "ADMIN" && user.schoolId !== schoolId) throw forbidden();
  const school = await db.school.findUnique({
    where: { id: schoolId },
    select: { id: true, name: true, region: { select: { name: true, parent: { select: { name: true } } } } },
  });
  if (!school) throw notFound();
  const students = await db.user.count({ where: { schoolId, role: "LEARNER", disabledAt: null } });
  return { ...school, students };
}
