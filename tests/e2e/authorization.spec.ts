// Access enforced on the server, seen from a browser: the response itself is a 403, not a hidden link.
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("a learner is refused the regulator pages with 403", async ({ page }) => {
  await signIn(page, "13800000006");
  for (const path of ["/regulator", "/regulator/regions/510400", "/admin", "/enterprise"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  }
});

test("a county regulator sees its county and is refused another county with 403", async ({ page }) => {
  await signIn(page, "13800000002"); // 东区 510402
  const own = await page.goto("/regulator/regions/510402");
  expect(own?.status()).toBe(200);
  await expect(page.getByTestId("enterprise-table").getByText("攀枝花安建建筑工程有限公司（演示）")).toBeVisible();

  const other = await page.goto("/regulator/regions/510403");
  expect(other?.status()).toBe(403);
  await expect(page.getByText("攀枝花金沙精细化工有限公司（演示）")).toHaveCount(0);

  const city = await page.goto("/regulator/regions/510400");
  expect(city?.status()).toBe(403);
});

test("the city regulator sees every county of the city", async ({ page }) => {
  await signIn(page, "13800000001");
  await page.goto("/regulator/regions/510400");
  for (const county of ["东区", "西区", "仁和区", "米易县", "盐边县"]) {
    await expect(page.getByRole("link", { name: new RegExp(county) })).toBeVisible();
  }
});
