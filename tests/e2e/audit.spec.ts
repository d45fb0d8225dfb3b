// The audit log in a real browser on a phone viewport: the administrator finds a learner, makes them
// 东区's regulator, and the change is in the audit log the county's regulator reads — and in the
// administrator's — with the actor named, the mobile masked and the action translated.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import pg from "pg";
import { expectNoHorizontalScroll, signIn } from "./support";

const ADMIN = "13800000000";
const COUNTY_REGULATOR = "13800000002"; // 东区人社局
/** A learner with no organisation that only this spec uses: its role change moves nobody's figures. */
const PERSON = { id: "e2e-audit-learner", mobile: "13900000501", name: "审计角色学员" };

/**
 * Adds the learner to the test server's database (tests/e2e/server.ts made it; the same facts as
 * tests/e2e/db.ts). Written with the driver, as Prisma would: an ISO time for SQLite's DATETIME text.
 */
async function createPerson() {
  const provider = process.env.TEST_DB === "postgresql" ? "postgresql" : "sqlite";
  const label = process.env.E2E_DATABASE_LABEL ?? `e2e_${provider}`;
  const now = new Date();
  const sql = `INSERT INTO "User" ("id","mobile","name","passwordHash","role","createdAt","updatedAt") VALUES `;
  if (provider === "sqlite") {
    const db = new Database(path.join(process.cwd(), "tests/.tmp", `${label}.db`));
    try {
      db.pragma("busy_timeout = 5000");
      const at = now.toISOString().replace("Z", "+00:00");
      db.prepare(`${sql}(?,?,?,'x','LEARNER',?,?) ON CONFLICT DO NOTHING`).run(PERSON.id, PERSON.mobile, PERSON.name, at, at);
    } finally {
      db.close();
    }
  } else {
    const u = new URL(process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
    u.pathname = `/test_${label}`;
    const client = new pg.Client({ connectionString: u.toString() });
    await client.connect();
    try {
      await client.query(`${sql}($1,$2,$3,'x','LEARNER',$4,$4) ON CONFLICT DO NOTHING`, [PERSON.id, PERSON.mobile, PERSON.name, now]);
    } finally {
      await client.end();
    }
  }
}

async function openAuditLog(page: Page) {
  await page.getByRole("link", { name: "操作日志" }).click();
  await expect(page).toHaveURL(/\/regulator\/audit$/);
  await expect(page.getByRole("heading", { name: "操作日志", level: 1 })).toBeVisible();
}

test("an administrator's role change is in the audit log of the county and of the administrator", async ({ page }) => {
  await createPerson();
  const masked = `${PERSON.mobile.slice(0, 3)}****${PERSON.mobile.slice(7)}`;

  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "用户管理" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByLabel("手机号或姓名").fill(PERSON.mobile);
  await page.getByRole("button", { name: "查找" }).click();
  await page.getByTestId("account-list").getByRole("link", { name: PERSON.name }).click();
  const panel = page.getByTestId("account-panel");
  await expect(panel.getByTestId("account-summary")).toContainText("学员");
  await panel.getByLabel("角色").selectOption({ label: "人社监管" });
  // Without the region the role needs, the change is refused on the field.
  await panel.getByRole("button", { name: "变更角色" }).click();
  await expect(panel.getByText("请选择管辖地区。")).toBeVisible();
  await panel.getByLabel("管辖地区").selectOption("510402");
  await panel.getByRole("button", { name: "变更角色" }).click();
  await expect(panel.getByTestId("role-result")).toHaveText("已变更为人社监管。");
  await expect(panel.getByTestId("account-summary")).toContainText("人社监管 · 东区");
  await expectNoHorizontalScroll(page);

  // The administrator reads every event: the change is there, with the address it came from.
  await page.goto("/admin");
  await openAuditLog(page);
  const adminCard = page.getByTestId("audit-card").filter({ hasText: PERSON.name }).first();
  await expect(adminCard).toContainText("变更角色");
  await expect(adminCard).toContainText("平台管理员 138****0000");
  await expect(adminCard).toContainText("IP");
  await expectNoHorizontalScroll(page);

  // 东区's regulator reads the events of 东区: the same change, named and masked, without the address.
  await page.context().clearCookies();
  await signIn(page, COUNTY_REGULATOR);
  await openAuditLog(page);
  await page.getByLabel("操作类型").selectOption({ label: "变更角色" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/action=account\.role\.change/);
  const card = page.getByTestId("audit-card").filter({ hasText: PERSON.name });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(`${PERSON.name} ${masked}`);
  await expect(card).toContainText("学员 → 人社监管（东区）");
  await expect(card).toContainText("平台管理员 138****0000");
  await expect(card).not.toContainText("IP");
  await expect(page.getByText(PERSON.mobile)).toHaveCount(0);
  await expectNoHorizontalScroll(page);

  // A filter that matches nothing says so.
  await page.getByLabel("操作人手机号").fill("13999999999");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByText("没有符合筛选条件的记录。")).toBeVisible();
});
