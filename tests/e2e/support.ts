import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo2026!";

/** Signs in through the login form (Chinese labels) and waits to leave the login page. */
export async function signIn(page: Page, mobile: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("手机号").fill(mobile);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** The page fits the phone: nothing wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}
