// The committed migrations of the run's provider are all applied to a fresh database, and the schema
// they build is the one the generated client expects.
import { readdirSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

const provider = inject("databaseProvider");

describe(`migrations on ${provider}`, () => {
  it("applies every committed migration, each finished", async () => {
    const dir = path.resolve(import.meta.dirname, "../../prisma", provider, "migrations");
    const committed = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(committed.length).toBeGreaterThan(0);
    const applied = await db.$queryRawUnsafe<{ migration_name: string; finished_at: unknown; rolled_back_at: unknown }[]>(
      `SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(applied.map((m) => m.migration_name)).toEqual(committed);
    for (const m of applied) {
      expect(m.finished_at).not.toBeNull();
      expect(m.rolled_back_at).toBeNull();
    }
  });

  it("builds tables the client can write and read back, enums and JSON included", async () => {
    await db.region.upsert({ where: { code: "510000" }, create: { code: "510000", name: "四川省", level: "PROVINCE" }, update: {} });
    await db.industry.upsert({ where: { code: "OTHER" }, create: { code: "OTHER", name: "其他行业", nameEn: "Other" }, update: {} });
    const course = await db.course.create({
      data: {
        id: `migration-check-${Date.now()}`,
        title: "迁移检查",
        family: "GENERAL",
        classHours: 1,
        minutesPerClassHour: 30,
        audience: { schoolStudents: true, positions: ["TEAM_LEADER"], industries: [], enterprises: [] },
        sourcePath: "-",
        contentHash: "-",
      },
    });
    const back = await db.course.findUniqueOrThrow({ where: { id: course.id } });
    expect(back.family).toBe("GENERAL");
    expect(back.audience).toEqual({ schoolStudents: true, positions: ["TEAM_LEADER"], industries: [], enterprises: [] });
    await db.course.delete({ where: { id: course.id } });
  });
});
