// Course assignment from rules against the demo data: the intro course goes to school students and to
// the key-position staff of key enterprises as the plan period in force (2026–2030) defines them.
import { beforeAll, describe, expect, it } from "vitest";
import { assignedCourses } from "@/features/learning/data";
import { db } from "@/lib/db";
import { createAccount, loadDemo, sessionOf } from "./support";

const COURSE = "gongshang-yufang-rumen";

async function staff(regionCode: string, positionCode: string | null) {
  const account = await createAccount({ password: "Learner-2026" });
  const enterprise = await db.enterprise.findFirstOrThrow({ where: { regionCode } });
  await db.user.update({ where: { id: account.id }, data: { enterpriseId: enterprise.id, positionCode } });
  return sessionOf(account.mobile);
}
const assigned = async (user: Awaited<ReturnType<typeof sessionOf>>) => (await assignedCourses(user)).map((c) => c.id);

beforeAll(async () => {
  await loadDemo();
});

describe("assignment rules", () => {
  it("a team leader of a key enterprise gets the course", async () => {
    expect(await assigned(await staff("510411", "TEAM_LEADER"))).toContain(COURSE);
  });

  it("a principal head (key in 2026–2030) gets it too", async () => {
    expect(await assigned(await staff("510411", "PRINCIPAL_HEAD"))).toContain(COURSE);
  });

  it("an accident-prone post, key only in 2021–2025, does not", async () => {
    expect(await assigned(await staff("510411", "ACCIDENT_PRONE_WORKER"))).not.toContain(COURSE);
  });

  it("a team leader of an enterprise that is not a key enterprise does not", async () => {
    expect(await assigned(await staff("510421", "TEAM_LEADER"))).not.toContain(COURSE);
  });

  it("follows the regulator's designation: a new key enterprise's team leader gets it", async () => {
    const user = await staff("510421", "TEAM_LEADER");
    const enterprise = await db.enterprise.findFirstOrThrow({ where: { regionCode: "510421" } });
    await db.keyEnterprise.create({ data: { enterpriseId: enterprise.id, periodId: "2026-2030" } });
    expect(await assigned(user)).toContain(COURSE);
    await db.keyEnterprise.delete({ where: { enterpriseId_periodId: { enterpriseId: enterprise.id, periodId: "2026-2030" } } });
  });

  it("a technical-school student gets it", async () => {
    expect(await assigned(await sessionOf("13800000007"))).toContain(COURSE);
  });
});
