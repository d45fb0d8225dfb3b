// 一企一档 and 一人一档 on a phone: the enterprise's admin opens the enterprise record, downloads it as
// xlsx (parsed back), and opens one learner's record; a regulator of another county is refused.
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, signIn } from "./support";

test.use({ viewport: { width: 390, height: 844 } });

test("an enterprise admin opens the enterprise record, exports it, and opens a learner's record", async ({ page }) => {
  await signIn(page, "13800000003");
  await page.getByTestId("enterprise-record-link").click();
  await expect(page.getByTestId("enterprise-record")).toContainText("张班长");
  await expectNoHorizontalScroll(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("enterprise-record-xlsx").click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
  const sheet = book.getWorksheet("一企一档")!;
  const names = sheet.getColumn(1).values.map(String);
  expect(names).toContain("张班长");
  expect(String(sheet.getRow(1).getCell(1).value)).toContain("91510411MA6230K1X7");

  await page.getByRole("link", { name: "张班长" }).click();
  await expect(page.getByTestId("learner-record")).toContainText("138****0006");
  await expect(page.getByTestId("learner-record")).toContainText("攀西钒钛冶炼“两降两增”定制化培训");
});

test("a county regulator is refused the record of an enterprise in another county", async ({ page }) => {
  // Sign in as the smelter's admin to learn the enterprise's id, then as the 东区 regulator.
  await signIn(page, "13800000003");
  await page.getByTestId("enterprise-record-link").click();
  const url = page.url();
  await page.context().clearCookies();
  await signIn(page, "13800000002");
  const response = await page.goto(url);
  expect(response?.status()).toBe(403);
});
