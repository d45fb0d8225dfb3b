import "server-only";
import { db } from "@/lib/db";

export async function pingDatabase() {
  await db.region.findFirst({ select: { code: true } });
}

export async function platformCounts() {
  const [byRole, enterprises, schools, courses, questions, regions] = await Promise.all([
    db.user.groupBy({ by: ["role"], _count: { _all: true } }),
    db.enterprise.count(),
    db.school.count(),
    db.course.count({ where: { archivedAt: null } }),
    db.question.count({ where: { archivedAt: null } }),
    db.region.count(),
  ]);
  return {
    usersByRole: Object.fromEntries(byRole.map((r) => [r.role, r._count._all])) as Record<string, number>,
    enterprises,
    schools,
    courses,
    questions,
    regions,
  };
}
