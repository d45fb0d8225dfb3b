// Survey management on a phone (390×844), against the real server and database (issue 7):
// - the demo provider builds a questionnaire of their own from the standard one (a text item added, one
//   removed; a refused submission keeps everything typed), puts a course survey required for the
//   certificate in front of a county nobody else uses, finds it in the list, opens its link and QR code,
//   downloads its (empty) responses and closes it, only once the confirmation is ticked;
// - the 东区 regulator opens an annual project with the demo provider (a bad form names its fields), runs
//   an anonymous offline session whose QR link a trainee answers, and sees the answer counted on the
//   county's satisfaction page, in its workbook, and in the session's responses file without the
//   trainee's name or mobile;
// - learners, a county regulator and the provider are refused what is not theirs, with 403.
// Other specs run beside this one: it asserts differences (before → after) where they share a region.
import ExcelJS from "exceljs";
import { mkdir, readFile } from "node:fs/promises";
import { expect, test, type Browser, type Download, type Page } from "@playwright/test";
import { E2E_SURVEY_ADMIN } from "./fixtures";
import { expectNoHorizontalScroll, signIn } from "./support";

test.use({ viewport: { width: 390, height: 844 } });

const PHONE = { viewport: { width: 390, height: 844 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" } as const;
/** The year the responses fall in (Beijing time), as the regulator's page reads them. */
const YEAR = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
const PROVIDER = "13800000005"; // 攀西工伤预防服务中心
const COUNTY = "13800000002"; // 东区人社局, 510402
const LEARNER = "13800000006"; // 张班长
/** Fresh names per run (the database is fresh too, but a rerun against a kept server stays readable). */
const RUN = Date.now().toString(36).slice(-4).toUpperCase();

/**
 * Screenshots of a page at the phone viewport, for a person to look at (SHOTS_DIR=/tmp/shots): the whole
 * page in screens from the top (name-1.png, name-2.png, …), as a reader scrolls it; the scroll is restored.
 */
async function shot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  const { height, inner, at } = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, inner: window.innerHeight, at: window.scrollY }));
  for (let i = 0, y = 0; y < height; i++, y += inner - 80) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.screenshot({ path: `${dir}/${name}-${i + 1}.png`, scale: "css" });
  }
  await page.evaluate((top) => window.scrollTo(0, top), at);
}

async function workbook(download: Download) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  return book;
}

/** Every cell of a workbook as text, to look for what must not be there. */
const allText = (book: ExcelJS.Workbook) => JSON.stringify(book.worksheets.map((w) => w.getSheetValues()));

async function as(browser: Browser, mobile: string, password?: string) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, mobile, password);
  return { context, page };
}

test("a provider builds a template, puts a course survey in front of a county, exports it and closes it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, PROVIDER);
  await page.getByRole("link", { name: /满意度调查/ }).first().click();
  await expect(page).toHaveURL(/\/provider\/surveys$/);
  const list = page.getByTestId("survey-list");
  // The surveys of the provider's project and course seeded for the learner tests are listed already.
  await expect(list.getByRole("heading")).toContainText(/我管理的问卷（\d+ 份）/);
  const rowsBefore = await list.getByTestId("survey-row").count();
  await expectNoHorizontalScroll(page);
  await shot(page, "provider-surveys");

  // The builder: start from the standard questionnaire, add a text item, remove one.
  await page.getByTestId("link-templates").click();
  await expect(page).toHaveURL(/\/provider\/surveys\/templates$/);
  await expect(page.getByTestId("template-list")).toContainText("工伤预防培训参训学员满意度调查问卷");
  const builder = page.getByTestId("template-builder");
  const items = builder.getByTestId("builder-item");
  await builder.getByTestId("start-from-standard").click();
  await expect(items).toHaveCount(9);
  await expect(builder.getByRole("heading", { name: "题目（9 道）" })).toBeVisible();
  const title = `现场培训满意度问卷${RUN}`;
  await builder.getByLabel("模板标题").fill(title);
  // Remove the depth item (the 2nd) and add a text item at the end.
  const depth = "培训内容的深浅程度是否合适？";
  const texts = () => builder.getByLabel("题目内容").evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  await expect(items.nth(1).getByLabel("题目内容")).toHaveValue(depth);
  await items.nth(1).getByRole("button", { name: "删除此题" }).click();
  await expect(items).toHaveCount(8);
  expect(await texts()).not.toContain(depth);
  await builder.getByTestId("add-text").click();
  await expect(items).toHaveCount(9);
  const added = items.last();
  await expect(added).toContainText("文字题");
  // Blank text (spaces pass the browser's length check): refused at the item, nothing typed is lost.
  await added.getByLabel("题目内容").fill("    ");
  await builder.getByRole("button", { name: "保存模板" }).click();
  await expect(builder.getByTestId("form-error")).toBeVisible();
  await expect(added.getByRole("alert")).toHaveText("内容过短。");
  await expect(items.first().getByRole("alert")).toHaveCount(0);
  await expect(builder.getByLabel("模板标题")).toHaveValue(title);
  await expect(items).toHaveCount(9);
  const kept = await texts();
  expect(kept).not.toContain(depth);
  expect(kept[0]).toBe("培训内容对您的工作是否实用（能用于识别和防范本岗位的危险有害因素）？");
  expect(kept[8]).toBe("    ");
  await expectNoHorizontalScroll(page);
  await shot(page, "provider-templates-builder");
  const question = "您希望下次培训增加哪些内容？";
  await added.getByLabel("题目内容").fill(question);
  await builder.getByRole("button", { name: "保存模板" }).click();
  await expect(builder.getByTestId("template-created")).toBeVisible();
  await expect(items).toHaveCount(0);
  const own = page.getByTestId("template-row").filter({ hasText: title });
  await expect(own).toContainText("本机构模板");
  await expect(own).toContainText("9 道题");
  await own.locator("summary").click();
  await expect(own).toContainText(question);
  await expect(own).not.toContainText(depth);
  await expectNoHorizontalScroll(page);
  await shot(page, "provider-templates");

  // A course survey from it, required for the certificate, for a county no other test uses.
  await page.getByRole("link", { name: /返回满意度调查/ }).click();
  const form = page.getByTestId("survey-create");
  const surveyTitle = `自流井区入门课程满意度调查${RUN}`;
  await form.locator('select[name="templateId"]').selectOption({ label: title });
  await form.getByLabel("问卷标题（选填）").fill(surveyTitle);
  await expect(form.getByRole("radio", { name: "课程" })).toBeChecked();
  await form.locator('select[name="courseId"]').selectOption({ label: "工伤预防入门" });
  await form.locator('select[name="regionCode"]').selectOption(E2E_SURVEY_ADMIN.courseSurveyRegion.code);
  await form.getByLabel("填写问卷后才能下载培训证书").check();
  await form.getByRole("button", { name: "创建问卷" }).click();
  await expect(form.getByTestId("survey-created")).toBeVisible();
  const row = list.getByTestId("survey-row").filter({ hasText: surveyTitle });
  await expect(row).toBeVisible();
  await expect(list.getByTestId("survey-row")).toHaveCount(rowsBefore + 1);
  await expect(row).toContainText("工伤预防入门");
  await expect(row).toContainText(E2E_SURVEY_ADMIN.courseSurveyRegion.name);
  await expect(row).toContainText("填写后才能下载证书");
  await expect(row.getByTestId("survey-status")).toHaveText("收集中");
  await expect(row).toContainText("0 份答卷");
  // Status and answers in sight on the phone, not scrolled away to the right.
  await row.getByRole("link", { name: surveyTitle }).scrollIntoViewIfNeeded();
  await expect(row.getByTestId("survey-status")).toBeInViewport();
  await expectNoHorizontalScroll(page);

  // Its page: the /s/<code> link, an SVG QR code, the settings.
  await form.getByRole("link", { name: "查看问卷和二维码" }).click();
  await expect(page).toHaveURL(/\/provider\/surveys\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(surveyTitle);
  const link = page.getByTestId("survey-link");
  await expect(link).toHaveText(/^http:\/\/[^/]+\/s\/[2-9A-Z]{8}$/);
  const code = (await link.textContent())!.split("/s/")[1]!;
  await expect(page.getByTestId("survey-qr").locator("svg")).toBeVisible();
  await expect(page.getByTestId("survey-settings")).toContainText("工伤预防入门");
  await expect(page.getByTestId("survey-settings")).toContainText("填写问卷后才能下载培训证书是");
  await expect(page.getByTestId("response-count")).toHaveText("0");
  await expectNoHorizontalScroll(page);
  await shot(page, "provider-survey");

  // The responses file: no answers yet, but its header names the items as the survey asks them.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("survey-export").click()]);
  expect(download.suggestedFilename()).toBe(`问卷答卷-${surveyTitle}.xlsx`);
  const book = await workbook(download);
  const answers = book.getWorksheet("答卷")!;
  const header = (answers.getRow(1).values as unknown[]).slice(1).map(String);
  expect(header.slice(0, 6)).toEqual(["序号", "姓名", "手机号", "企业", "地区", "提交时间"]);
  expect(header).toContain("1. 培训内容对您的工作是否实用（能用于识别和防范本岗位的危险有害因素）？");
  expect(header).toContain(`9. ${question}`);
  expect(header.join("|")).not.toContain("深浅程度");
  expect(header.slice(-3)).toEqual(["问卷得分", "总体评价", "有效问卷"]);
  expect(answers.rowCount).toBe(1);

  // Closing: refused without the confirmation (still open), done with it.
  const close = page.getByTestId("close-survey");
  await close.getByRole("button", { name: "立即结束" }).click();
  await expect(close).toContainText("请勾选确认。");
  await page.reload();
  await expect(page.getByTestId("survey-status")).toHaveText("收集中");
  await close.getByLabel("我确认现在结束这份问卷的收集").check();
  await close.getByRole("button", { name: "立即结束" }).click();
  await expect(page.getByTestId("survey-status")).toHaveText("已结束");
  await page.reload();
  await expect(page.getByTestId("survey-status")).toHaveText("已结束");
  await expect(page.getByTestId("close-survey")).toHaveCount(0);
  await shot(page, "provider-survey-closed");
  await page.goto("/provider/surveys");
  await expect(list.getByTestId("survey-row").filter({ hasText: surveyTitle }).getByTestId("survey-status")).toHaveText("已结束");
});

test("a county regulator opens a project, runs an offline session, and sees its anonymous answer counted and exported", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await signIn(page, COUNTY);
  // The county's figure before (other tests may add to it too: only the difference is asserted).
  await page.goto(`/regulator/satisfaction?year=${YEAR}`);
  await expect(page.getByTestId("region-name")).toContainText("东区");
  const respondents = page.getByTestId("sat-respondents-value");
  const before = Number(await respondents.textContent());

  await page.goto("/regulator");
  await page.getByRole("link", { name: "年度项目" }).first().click();
  await expect(page).toHaveURL(/\/regulator\/projects$/);
  await expectNoHorizontalScroll(page);

  // A bad form (as an old browser would send it, without its own checks): each field says what is wrong,
  // and what was typed stays.
  const form = page.getByTestId("project-create");
  await form.evaluate((f: HTMLFormElement) => (f.noValidate = true));
  await form.getByLabel("项目名称").fill("项目");
  await form.getByLabel("年度").fill("2019");
  await form.getByLabel("满意度目标（分）").fill("120");
  await form.getByRole("button", { name: "创建项目" }).click();
  await expect(form.getByTestId("form-error")).toBeVisible();
  await expect(page.locator("#name-error")).toHaveText("内容过短。");
  await expect(page.locator("#year-error")).toHaveText("年度应在 2021—2035 之间。");
  await expect(page.locator("#satisfactionTarget-error")).toHaveText("应在 0—100 之间。");
  await expect(form.getByLabel("项目名称")).toHaveValue("项目");
  await expect(form.getByLabel("项目名称")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("project-created")).toHaveCount(0);

  const name = `${YEAR}年东区工伤预防培训项目${RUN}`;
  await form.getByLabel("项目名称").fill(name);
  await form.getByLabel("年度").fill(String(YEAR));
  await form.getByLabel("满意度目标（分）").fill("85");
  // A county regulator's only region is its county.
  await expect(form.locator('select[name="regionCode"]')).toHaveValue(E2E_SURVEY_ADMIN.trainee.regionCode);
  await form.locator('select[name="providerId"]').selectOption({ label: "攀西工伤预防服务中心" });
  await form.getByRole("button", { name: "创建项目" }).click();
  await expect(page.getByTestId("project-created")).toBeVisible();
  await expect(page.locator("#name-error")).toHaveCount(0);
  const projectRow = page.getByTestId("project-row").filter({ hasText: name });
  await expect(projectRow).toContainText(`${YEAR} 年 · 东区 · 服务机构：攀西工伤预防服务中心 · 满意度目标 85 分`);
  await expect(projectRow).toContainText("线下培训 0 场 · 问卷 0 份");
  await expectNoHorizontalScroll(page);
  await shot(page, "regulator-projects");

  // The project's page: an anonymous offline session, its link and QR code.
  await page.getByTestId("project-created").getByRole("link", { name: "查看项目" }).click();
  await expect(page).toHaveURL(/\/provider\/projects\/[^/]+$/);
  const projectUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("project-meta")).toContainText("服务机构：攀西工伤预防服务中心");
  const sessionForm = page.getByTestId("session-create");
  const sessionTitle = `东区建筑企业班组长现场培训${RUN}`;
  await sessionForm.getByLabel("培训名称").fill(sessionTitle);
  await sessionForm.getByLabel("培训地点").fill("东区人社局三楼会议室");
  await sessionForm.getByLabel("匿名问卷").check();
  await sessionForm.getByRole("button", { name: "创建培训和问卷" }).click();
  await expect(page.getByTestId("session-created")).toContainText(/问卷码 [2-9A-Z]{8}/);
  const code = /问卷码 ([2-9A-Z]{8})/.exec((await page.getByTestId("session-created").textContent())!)![1]!;
  const session = page.getByTestId("session-row").filter({ hasText: sessionTitle });
  await expect(session).toContainText("东区人社局三楼会议室");
  await expect(session.getByTestId("survey-status")).toHaveText("收集中");
  await session.getByText("显示二维码和链接").click();
  await expect(session.getByTestId("survey-link")).toHaveText(new RegExp(`/s/${code}$`));
  await expect(session.getByTestId("survey-qr").locator("svg")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await shot(page, "project");

  // A trainee of the county scans the link and answers (every item 满意, the overall 非常满意).
  const trainee = await as(browser, E2E_SURVEY_ADMIN.trainee.mobile, E2E_SURVEY_ADMIN.password);
  await trainee.page.goto(`/s/${code}`);
  await expect(trainee.page.getByTestId("survey-session")).toContainText(sessionTitle);
  await expect(trainee.page.getByTestId("survey-anonymous")).toContainText("匿名问卷");
  for (const id of ["usefulness", "depth", "teacher", "methods", "materials", "organisation"]) {
    await trainee.page.getByTestId(`survey-item-${id}`).getByLabel("满意", { exact: true }).check();
  }
  await trainee.page.getByTestId("survey-item-overall").getByLabel("非常满意", { exact: true }).check();
  await trainee.page.getByTestId("survey-submit").click();
  await expect(trainee.page.getByTestId("survey-thanks")).toBeVisible();
  await trainee.context.close();

  // The project page counts it.
  await page.goto(projectUrl);
  await expect(session).toContainText("1 份答卷");

  // The county's satisfaction page: one more valid questionnaire, the session's survey in the table.
  await page.goto(`/regulator/satisfaction?year=${YEAR}`);
  await expect(respondents).toHaveText(String(before + 1));
  const surveyRow = page.getByTestId("sat-survey-table").locator("tbody tr").filter({ hasText: sessionTitle });
  // Survey, course (none), anonymous, valid questionnaires, average, satisfied share, status.
  await expect(surveyRow.locator("td")).toHaveText([new RegExp(sessionTitle), "", "是", "1", "82.8", "100.0%", "未达标"]);
  await expect(page.getByTestId("sat-project-table")).toContainText(name);
  // Each item's average beside its dimension (these are the county's figures, other answers included):
  // at least this one's items are listed with a figure.
  const itemRows = page.getByTestId("sat-item-row");
  await expect(itemRows.filter({ hasText: "总体满意度" }).getByTestId("sat-item-average")).toHaveText(/^\d{2,3}\.\d$/);
  await expect(itemRows.filter({ hasText: "内容实用性" })).toContainText(/作答数 \d+/);
  await expectNoHorizontalScroll(page);
  await shot(page, "regulator-satisfaction");
  // The same page by the county's code.
  await page.goto(`/regulator/regions/510402/satisfaction?year=${YEAR}`);
  await expect(respondents).toHaveText(String(before + 1));
  await expect(page.getByTestId("up-link")).toHaveCount(0); // its own county: nothing above it to go to
  await expect(page.getByTestId("sat-survey-table")).toContainText(sessionTitle);
  await expectNoHorizontalScroll(page);
  await shot(page, "region-satisfaction");

  // The workbook says the same.
  const exportLink = page.getByTestId("sat-export-xlsx");
  await expect(exportLink).toHaveAttribute("href", `/api/satisfaction/xlsx?region=510402&year=${YEAR}`);
  const [report] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
  const book = await workbook(report);
  const overview = book.getWorksheet("概览")!;
  const figure = (label: string) => overview.getCell(overview.getColumn(1).values.indexOf(label), 2).value;
  expect(figure("地区")).toBe("东区");
  expect(figure("统计年度")).toBe(YEAR);
  const valid = Number(figure("有效问卷"));
  expect(valid).toBeGreaterThanOrEqual(before + 1);
  await page.reload();
  await expect(respondents).toHaveText(String(valid)); // nothing else answered between the two reads
  const bySurvey = book.getWorksheet("按问卷")!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
  const mine = bySurvey.find((r) => String(r[0]).includes(sessionTitle))!;
  expect(mine).toBeDefined();
  // Columns: survey, code, kind, course, anonymous, valid, average, satisfied share, status.
  expect([mine[1], mine[2], mine[4], mine[5]]).toEqual([code, "线下培训问卷", "是", 1]);
  // (6×80 + 100) / 7 = 82.857… → 82.8 (truncated), below 85; the one overall answer is 非常满意.
  expect([mine[6], mine[7], mine[8]]).toEqual([82.8, 1, "未达标"]);

  // The session's responses: one row, nothing that names the trainee.
  await page.goto(projectUrl);
  await session.getByRole("link", { name: new RegExp(sessionTitle) }).click();
  await expect(page.getByTestId("response-count")).toHaveText("1");
  await expect(page.getByTestId("survey-responses")).toContainText("匿名问卷");
  const [responses] = await Promise.all([page.waitForEvent("download"), page.getByTestId("survey-export").click()]);
  const file = await workbook(responses);
  const rows = file.getWorksheet("答卷")!;
  expect(rows.rowCount).toBe(2);
  const head = (rows.getRow(1).values as unknown[]).slice(1).map(String);
  expect(head.slice(0, 3)).toEqual(["序号", "地区", "日期"]);
  const answer = (rows.getRow(2).values as unknown[]).slice(1);
  expect(answer.slice(0, 2)).toEqual([1, "东区"]);
  expect(answer.slice(-3)).toEqual([82.8, "非常满意", "是"]);
  const text = allText(file);
  const { mobile, name: person } = E2E_SURVEY_ADMIN.trainee;
  for (const identifier of [person, mobile, `${mobile.slice(0, 3)}****${mobile.slice(7)}`, "姓名", "手机号"]) expect(text).not.toContain(identifier);
});

test("learners, a county regulator and the provider are refused what is not theirs", async ({ page, browser }) => {
  await signIn(page, LEARNER);
  for (const path of ["/provider/surveys", "/provider/surveys/templates", "/regulator/projects", "/regulator/satisfaction", `/provider/projects/${E2E_SURVEY_ADMIN.otherProject.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  }
  expect((await page.request.get(`/api/satisfaction/xlsx?region=510402&year=${YEAR}`)).status()).toBe(403);

  const county = await as(browser, COUNTY);
  expect((await county.page.goto("/regulator/regions/510403/satisfaction"))?.status()).toBe(403);
  await expect(county.page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  expect((await county.page.goto(`/provider/projects/${E2E_SURVEY_ADMIN.otherProject.id}`))?.status()).toBe(403);
  await expect(county.page.getByText(E2E_SURVEY_ADMIN.otherProject.name)).toHaveCount(0);
  expect((await county.page.request.get(`/api/satisfaction/xlsx?region=510403&year=${YEAR}`)).status()).toBe(403);
  // Its projects page lists its county's projects only.
  await county.page.goto("/regulator/projects");
  await expect(county.page.getByTestId("project-list")).not.toContainText(E2E_SURVEY_ADMIN.otherProject.name);
  await expect(county.page.getByTestId("project-list")).not.toContainText("米易县");
  await county.context.close();

  // The provider carries out none of the 西区 project: refused, and not listed.
  const provider = await as(browser, PROVIDER);
  expect((await provider.page.goto(`/provider/projects/${E2E_SURVEY_ADMIN.otherProject.id}`))?.status()).toBe(403);
  await provider.page.goto("/provider/surveys");
  await expect(provider.page.getByTestId("project-links")).not.toContainText(E2E_SURVEY_ADMIN.otherProject.name);
  // Nor does it see the regulator's pages.
  expect((await provider.page.goto("/regulator/projects"))?.status()).toBe(403);
  expect((await provider.page.goto("/regulator/satisfaction"))?.status()).toBe(403);
  await provider.context.close();
});
