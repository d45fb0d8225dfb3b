// The course families as learners meet them on a phone (390×844), against the real server and the
// synced content: a key enterprise's 两降两增 course opens with the shared template lesson, and its own
// module shows the enterprise's hazards with their rectification status and plays its rendered video.
import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, signIn } from "./support";

test.use({ viewport: { width: 390, height: 844 } });

test("a smelter team leader studies the customised course built on the smelter's hazard report", async ({ page }) => {
  await signIn(page, "13800000006");
  await page.getByRole("link", { name: /攀西钒钛冶炼“两降两增”定制化培训/ }).click();
  await expect(page).toHaveURL(/\/learn\/courses\/lj-panxi-fantai$/);
  // The course description carries the template's four goals and the enterprise's own investigation.
  await expect(page.getByText("降低工伤保险基金支出率").first()).toBeVisible();
  await expect(page.getByText(/共查出隐患 34 项/)).toBeVisible();
  // The lessons: the template's first, the smelter's two modules, the template's last.
  const lessonLinks = page.getByRole("link", { name: /“两降两增”：目标和步骤|本企业专题|隐患整改与回访巡查/ });
  await expect(lessonLinks).toHaveCount(4);
  await expect(lessonLinks.first()).toContainText("目标和步骤");
  await expect(lessonLinks.last()).toContainText("隐患整改与回访巡查");

  await page.getByRole("link", { name: /本企业专题一：熔融金属作业与吊运/ }).click();
  const hazards = page.getByTestId("lesson-hazards");
  await expect(hazards).toContainText("二号高炉出铁场东侧渣铁沟下方事故坑");
  await expect(hazards.getByText("重大").first()).toBeVisible();
  await expect(hazards).toContainText("整改中");
  await expectNoHorizontalScroll(page);

  // The lesson's video is the real rendered file and plays.
  const player = page.locator("mux-player");
  await expect(player).toBeAttached();
  await expect.poll(() => player.evaluate((el: HTMLMediaElement) => el.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  expect(await player.evaluate((el: HTMLMediaElement) => el.duration)).toBeCloseTo(56, 0);
});

test("a chemical plant's team leader gets the three-categories course: the shared core and the team leaders' module only", async ({ page }) => {
  await signIn(page, "13800000014");
  await page.getByRole("link", { name: /危险化学品企业“三类人员”工伤预防能力提升培训/ }).click();
  await expect(page).toHaveURL(/\/learn\/courses\/weihua-sanlei$/);
  await expect(page.getByTestId("course-hours")).toContainText("已学 0 / 24 学时");
  const lessons = page.getByTestId("lesson-list").getByRole("listitem");
  await expect(lessons).toHaveCount(12);
  await expect(page.getByTestId("lesson-list")).toContainText("刑法中的安全生产犯罪");
  await expect(page.getByTestId("lesson-list")).toContainText("交接班与巡回检查");
  await expect(page.getByTestId("lesson-list")).not.toContainText("分管负责人的安全职责");
  await expect(page.getByTestId("lesson-list")).not.toContainText("安全风险分级管控");
  await expectNoHorizontalScroll(page);
});

test("a technical-school student gets the 10-hour required course with its ten units", async ({ page }) => {
  await signIn(page, "13800000007");
  await page.getByRole("link", { name: /技工院校工伤预防必修课/ }).click();
  await expect(page.getByTestId("course-hours")).toContainText("已学 0 / 10 学时");
  await expect(page.getByTestId("lesson-list").getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: /应急处置与现场急救/ }).click();
  await expect(page.locator("article")).toContainText("本单元要点");
  await expect(page.getByTestId("practice-card")).toBeVisible();
});
