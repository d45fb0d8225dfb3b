// Issue 6, "Done when": a county regulator sees only its county, imports staff for one of its key
// enterprises, sees the figures move, drills down to the enterprise and one person, and downloads the
// dashboard's xlsx, parsed back here.
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, signIn } from "./support";

const BUILD = "攀枝花安建建筑工程有限公司（演示）"; // 东区, construction, key enterprise of 2026–2030
const BUILD_CREDIT = "91510402MA62B1Q7N8";
const OTHER_COUNTY = ["攀西钒钛冶炼有限公司（演示）", "攀枝花金沙精细化工有限公司（演示）"];

async function rosterFile() {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("花名册");
  sheet.addRow(["姓名", "手机号", "身份证号（选填）", "岗位类别", "入职日期", "统一社会信用代码"]);
  sheet.addRow(["覃安全", "17700009001", "", "安全管理部门主要负责人", "2021-04-01", BUILD_CREDIT]);
  sheet.addRow(["蒙班长", "17700009002", "", "一线班组长", "2023-09-15", BUILD_CREDIT]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test("a county regulator sees its county, imports staff, drills down to an enterprise and a person, and exports xlsx", async ({ page }) => {
  await signIn(page, "13800000002"); // 东区人社局, 510402
  await page.goto("/regulator");
  await expect(page.getByTestId("region-name")).toContainText("东区");
  const enterprises = page.getByTestId("enterprise-table");
  await expect(enterprises).toContainText(BUILD);
  for (const name of OTHER_COUNTY) await expect(page.getByText(name)).toHaveCount(0);
  // 周班长 completed both of his courses: 1 of 1.
  await expect(page.getByTestId("stat-coverage-value")).toHaveText("100.0%");
  // Satisfaction beside coverage: the year's figure of the satisfaction page (survey-admin.spec.ts may
  // have added a 东区 response already, so "no data" or a figure, but always the same as that page's).
  const satisfaction = (await page.getByTestId("stat-satisfaction-value").innerText()).trim();
  expect(satisfaction).toMatch(/^(暂无数据|\d+(\.\d)?)$/);
  await expectNoHorizontalScroll(page);
  await page.getByTestId("open-satisfaction").click();
  await expect(page).toHaveURL(/\/satisfaction\?year=\d{4}$/);
  if (satisfaction !== "暂无数据") await expect(page.getByTestId("sat-average-value")).toHaveText(satisfaction);
  else await expect(page.getByTestId("sat-respondents-value")).toHaveText("0");
  await page.goto("/regulator");

  // Import two more key-position staff of the construction enterprise.
  await page.goto("/regulator/import");
  await page.getByTestId("roster-file").setInputFiles({ name: "东区花名册.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await rosterFile() });
  await expect(page.getByTestId("summary-create")).toHaveText("2");
  await expect(page.getByTestId("summary-bad")).toHaveText("0");
  await page.getByLabel("初始密码", { exact: true }).fill("Chushi-2026");
  await page.getByLabel("确认初始密码").fill("Chushi-2026");
  await page.getByTestId("commit-import").click();
  await expect(page.getByTestId("import-done")).toContainText("新增 2 人");

  // 1 of 3 now; the two new people are listed as untrained.
  await page.goto("/regulator");
  await expect(page.getByTestId("stat-coverage-value")).toHaveText("33.3%");
  const untrained = page.getByTestId("untrained-table");
  await expect(untrained).toContainText("覃安全");
  await expect(untrained).toContainText("蒙班长");
  await expect(untrained).not.toContainText("周班长");

  // Drill down: the enterprise's record, then one person's.
  await enterprises.getByRole("link", { name: BUILD }).click();
  await expect(page).toHaveURL(/\/records\/enterprises\//);
  await expect(page.getByText("蒙班长").first()).toBeVisible();
  await page.goto("/regulator");
  await untrained.getByRole("link", { name: "蒙班长" }).click();
  await expect(page).toHaveURL(/\/records\/learners\//);
  await expect(page.getByRole("heading").first()).toBeVisible();
  await expect(page.getByText("蒙班长").first()).toBeVisible();

  // The export: every table, in the county's scope only.
  await page.goto("/regulator");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-xlsx").click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const overview = book.getWorksheet("概览")!;
  const figure = (label: string) => overview.getColumn(1).values.indexOf(label);
  expect(overview.getCell(figure("重点岗位人员总数"), 2).value).toBe(3);
  expect(overview.getCell(figure("已完成培训人数"), 2).value).toBe(1);
  const byEnterprise = book.getWorksheet("按企业")!;
  const rows = byEnterprise.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
  expect(rows.map((r) => r[0])).toEqual([BUILD]);
  expect(rows[0]!.slice(4, 6)).toEqual([3, 1]);
  expect(rows[0]![6]).toBeCloseTo(1 / 3, 10);
  const people = book.getWorksheet("未完成培训人员")!.getColumn(1).values.slice(2);
  expect([...people].sort()).toEqual(["蒙班长", "覃安全"].sort());
  expect(JSON.stringify(book.worksheets.map((w) => w.getSheetValues()))).not.toContain("钒钛");

  // Another county's dashboard is refused.
  expect((await page.goto("/regulator/regions/510411"))?.status()).toBe(403);
});
