// Course assignment from rules against the demo data: the intro course goes to school students and to
// the key-position staff of key enterprises as the plan period in force (2026–2030) defines them.
import { beforeAll, describe, expect, it } from "vitest";
import { assignedCourse, assignedCourses, lessonPage } from "@/features/learning/data";
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

describe("两降两增 customised courses", () => {
  const SMELTER_COURSE = "lj-panxi-fantai";
  const CONTRACTOR_COURSE = "lj-anjian-jianzhu";

  it("go to the staff of their own enterprise only, whatever the position", async () => {
    const smelterWorker = await assigned(await staff("510411", "ACCIDENT_PRONE_WORKER"));
    expect(smelterWorker).toContain(SMELTER_COURSE);
    expect(smelterWorker).not.toContain(CONTRACTOR_COURSE);
    const contractorLeader = await assigned(await staff("510402", "TEAM_LEADER"));
    expect(contractorLeader).toContain(CONTRACTOR_COURSE);
    expect(contractorLeader).not.toContain(SMELTER_COURSE);
    expect(await assigned(await sessionOf("13800000007"))).not.toContain(SMELTER_COURSE);
  });

  it("include the shared template's lessons around the enterprise's own modules", async () => {
    const course = await assignedCourse(await staff("510411", "TEAM_LEADER"), SMELTER_COURSE);
    expect(course?.lessons.map((l) => l.id)).toEqual([
      `${SMELTER_COURSE}-mubiao-yu-buzhou`,
      "pxft-rongrong-jinshu",
      "pxft-meiqi-youxian",
      `${SMELTER_COURSE}-huifang-zhenggai`,
    ]);
  });

  it("a module's lesson page lists the enterprise's hazards it is built on, with their current status", async () => {
    const user = await staff("510411", "TEAM_LEADER");
    const page = await lessonPage(user, SMELTER_COURSE, "pxft-rongrong-jinshu");
    expect(page?.hazards.map((h) => h.id).slice(0, 3)).toEqual(["pxft-h01", "pxft-h03", "pxft-h04"]);
    expect(page?.hazards[0]).toMatchObject({ level: "MAJOR", status: "RECTIFIED", location: "二号高炉出铁场东侧渣铁沟下方事故坑" });
    expect(page?.hazards.find((h) => h.id === "pxft-h03")).toMatchObject({ status: "RECTIFYING", deadline: new Date("2026-05-31T00:00:00Z") });
    // The template's lessons name no hazards.
    expect((await lessonPage(user, SMELTER_COURSE, `${SMELTER_COURSE}-mubiao-yu-buzhou`))?.hazards).toEqual([]);
    // Another enterprise's staff cannot open the module at all.
    expect(await lessonPage(await staff("510402", "TEAM_LEADER"), SMELTER_COURSE, "pxft-rongrong-jinshu")).toBeNull();
  });
});
