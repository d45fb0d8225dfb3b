// Demo satisfaction surveys (issue 7): Panzhihua's 2026 annual project, carried out by the demo provider,
// with a project survey, a course survey and an offline session whose anonymous survey opens by QR code.
// Idempotent by fixed ids: rows are created once and never overwritten. Loaded by `npm start` and
// `npm run seed` after the demo accounts; the generated city (features/demo/city.ts) answers the project
// survey. Not part of seedDemo, so the tests' fixtures stay as they are.
import type { Db } from "@/lib/db";
import { DEMO_ACCOUNTS } from "./seed";

export const DEMO_PROJECT_ID = "demo-project-2026";
export const DEMO_PROJECT_SURVEY_ID = "demo-survey-project";
const TEMPLATE_ID = "standard-trainee";
const CITY = "510400";

export async function seedDemoSurveys(db: Db): Promise<{ created: boolean }> {
  if (await db.annualProject.findUnique({ where: { id: DEMO_PROJECT_ID }, select: { id: true } })) return { created: false };
  const mobiles = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role && a.printed)!.mobile;
  const [provider, regulator, template, enterprise] = await Promise.all([
    db.user.findUnique({ where: { mobile: mobiles("PROVIDER") }, select: { id: true } }),
    db.user.findFirst({ where: { role: "REGULATOR", regionCode: CITY }, select: { id: true } }),
    db.surveyTemplate.findUnique({ where: { id: TEMPLATE_ID }, select: { title: true, intro: true, items: true } }),
    db.enterprise.findFirst({ where: { name: "攀西钒钛冶炼有限公司（演示）" }, select: { id: true, regionCode: true } }),
  ]);
  if (!provider || !regulator || !template) return { created: false }; // demo accounts or content not loaded
  const common = { templateId: TEMPLATE_ID, intro: template.intro, items: template.items as object, projectId: DEMO_PROJECT_ID, providerId: provider.id, createdById: provider.id };
  await db.$transaction(async (tx) => {
    await tx.annualProject.create({
      data: { id: DEMO_PROJECT_ID, name: "2026年度攀枝花市工伤预防培训项目（演示）", year: 2026, regionCode: CITY, providerId: provider.id, satisfactionTarget: 85, createdById: regulator.id },
    });
    await tx.survey.create({
      data: { ...common, id: DEMO_PROJECT_SURVEY_ID, code: "PZH26PRJ", title: "2026年度工伤预防培训项目参训学员满意度调查", target: "PROJECT", regionCode: CITY, opensAt: new Date("2026-01-01T00:00:00+08:00") },
    });
    await tx.survey.create({
      data: {
        ...common,
        id: "demo-survey-course",
        code: "PZH26KCH",
        title: "《工伤预防入门》课程满意度调查",
        target: "COURSE",
        courseId: "gongshang-yufang-rumen",
        regionCode: CITY,
        opensAt: new Date("2026-01-01T00:00:00+08:00"),
      },
    });
    if (enterprise) {
      await tx.trainingSession.create({
        data: {
          id: "demo-session-2026-06",
          projectId: DEMO_PROJECT_ID,
          title: "钒钛冶炼企业班组长现场培训",
          heldOn: new Date("2026-06-18T00:00:00+08:00"),
          location: "攀西钒钛冶炼有限公司培训室",
          enterpriseId: enterprise.id,
          regionCode: enterprise.regionCode,
          createdById: provider.id,
        },
      });
      await tx.survey.create({
        data: {
          ...common,
          id: "demo-survey-session",
          code: "PZH26XCH",
          title: `${template.title}（钒钛冶炼企业班组长现场培训）`,
          target: "SESSION",
          sessionId: "demo-session-2026-06",
          regionCode: enterprise.regionCode,
          enterpriseId: enterprise.id,
          anonymous: true,
          opensAt: new Date("2026-06-18T00:00:00+08:00"),
        },
      });
    }
  });
  return { created: true };
}
