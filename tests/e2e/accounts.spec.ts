// Accounts in a real browser on a phone viewport: the Chinese login page, each printed demo account
// landing on its role's home, logout, language switch, lock-out after repeated failures, and the forced
// password change of an imported account.
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/features/demo/seed";
import { ROLE_HOME } from "@/lib/roles";
import { E2E_FORCED_CHANGE } from "./fixtures";
import { DEMO_PASSWORD, expectNoHorizontalScroll, signIn } from "./support";

test("the login page is in Simplified Chinese and fits a phone", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "工伤预防培训平台" })).toBeVisible();
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test("the language switch shows the page in English and back", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel("Language").selectOption("zh-CN");
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
});

test("a malformed mobile number is refused with a message on the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("手机号").fill("12345");
  await page.getByLabel("密码", { exact: true }).fill("whatever");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("#mobile-error")).toHaveText("请输入11位手机号码");
});

for (const account of DEMO_ACCOUNTS.filter((a) => a.printed)) {
  test(`demo account ${account.mobile} (${account.role}) lands on ${ROLE_HOME[account.role]}`, async ({ page }) => {
    await signIn(page, account.mobile);
    await expect(page).toHaveURL(new RegExp(`${ROLE_HOME[account.role]}$`));
    await expect(page.locator("h1").first()).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.getByRole("button", { name: "退出" }).click();
    await expect(page).toHaveURL(/\/login$/);
    // The session is gone: the home page sends back to the login page.
    await page.goto(ROLE_HOME[account.role]);
    await expect(page).toHaveURL(/\/login$/);
  });
}

test("a signed-out visitor is sent to the login page", async ({ page }) => {
  await page.goto("/regulator");
  await expect(page).toHaveURL(/\/login$/);
});

test("after 10 failures the account is locked with a clear message, even for the right password", async ({ page }) => {
  const mobile = "13800000016"; // a roster learner no other test signs in as
  await page.goto("/login");
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("手机号").fill(mobile);
    await page.getByLabel("密码", { exact: true }).fill(`wrong-${i}`);
    await page.getByRole("button", { name: "登录" }).click();
    // React resets the form when the action returns: wait for that before the next attempt.
    await expect(page.getByLabel("密码", { exact: true })).toHaveValue("");
    await expect(page.getByTestId("form-error")).toHaveText("手机号或密码不正确。");
  }
  await page.getByLabel("手机号").fill(mobile);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("form-error")).toContainText("已暂时锁定");
  await expect(page).toHaveURL(/\/login$/);
});

test("an imported account must change its password before anything else", async ({ page }) => {
  await signIn(page, E2E_FORCED_CHANGE.mobile, E2E_FORCED_CHANGE.password);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByText("首次登录须先修改初始密码")).toBeVisible();

  // No way around it.
  await page.goto("/learn");
  await expect(page).toHaveURL(/\/account\/password$/);

  // A common password is refused on its field.
  await page.getByLabel("当前密码").fill(E2E_FORCED_CHANGE.password);
  await page.getByLabel("新密码", { exact: true }).fill("12345678");
  await page.getByLabel("确认新密码").fill("12345678");
  await page.getByRole("button", { name: "确认修改" }).click();
  await expect(page.locator("#newPassword-error")).toHaveText("这个密码太容易被猜到，请换一个");

  const fresh = "Panzhihua-safe-2026";
  await page.getByLabel("当前密码").fill(E2E_FORCED_CHANGE.password);
  await page.getByLabel("新密码", { exact: true }).fill(fresh);
  await page.getByLabel("确认新密码").fill(fresh);
  await page.getByRole("button", { name: "确认修改" }).click();
  await expect(page).toHaveURL(/\/login\?changed=1$/);
  await expect(page.getByRole("status")).toContainText("密码已修改");

  await signIn(page, E2E_FORCED_CHANGE.mobile, fresh);
  await expect(page).toHaveURL(/\/learn$/);
});
