// Satisfaction surveys on a phone (390×844), against the real server and database (issue 7):
// - a student passes the exam of a course whose survey is required for the certificate: prompted for the
//   survey, the download is held (the PDF answers 403 to them), a draft survives a reload, a missing
//   required item is refused with nothing lost, a double click is recorded once, then the PDF downloads
//   and the city regulator's satisfaction figure for the county moves exactly as the answers say;
// - an offline trainee scans the session's QR link: sign in, back to the survey, answer once (a second
//   tab's submission is refused), and the login never follows a `next` that leaves the site.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { answerKeys } from "./db";
import { E2E_EXAM_COURSE, E2E_SURVEY } from "./fixtures";
import { expectNoHorizontalScroll, signIn } from "./support";

test.use({ viewport: { width: 390, height: 844 } });

const PHONE = { viewport: { width: 390, height: 844 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" } as const;
/** The year the responses fall in (Beijing time), as the regulator's page reads them. */
const YEAR = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

const item = (page: Page, id: string) => page.getByTestId(`survey-item-${id}`);
const level = (page: Page, id: string, label: string) => item(page, id).getByLabel(label, { exact: true });

/** Server-action posts sent by the page (a submission is one). */
function countActions(page: Page) {
  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) sent.push(r.url());
  });
  return sent;
}

async function takeExam(page: Page) {
  await page.goto(`/learn/courses/${E2E_EXAM_COURSE}/exam`);
  await page.getByRole("button", { name: "开始考试" }).click();
  await expect(page).toHaveURL(/\/learn\/exams\//);
  const question = page.getByTestId("exam-question");
  for (let i = 0; i < 60; i++) {
    const id = (await question.getAttribute("data-question-id"))!;
    for (const value of (await answerKeys([id])).get(id)!.answer) await question.locator(`input[value="${value}"]`).check();
    if (i < 59) {
      await page.getByRole("button", { name: "下一题" }).click();
      await expect(question).not.toHaveAttribute("data-question-id", id);
    }
  }
  await expect(page.getByTestId("save-state")).toHaveText("已保存");
  await page.getByRole("button", { name: "交卷" }).first().click();
  await page.getByTestId("confirm-submit").click();
  await expect(page.getByTestId("exam-passed")).toBeVisible({ timeout: 20_000 });
  await page.getByTestId("back-to-exam").click();
}

/** The regulator's satisfaction page of a region and year: the average (one decimal) and respondents. */
async function satisfactionFigure(page: Page, region: string) {
  await page.goto(`/regulator/regions/${region}/satisfaction?year=${YEAR}`);
  return { average: page.getByTestId("sat-average-value"), respondents: page.getByTestId("sat-respondents-value") };
}

async function regulator(browser: Browser) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, "13800000001"); // 攀枝花市人社局: 盐边县 is inside the city
  return { context, page };
}

test("a student is prompted for the survey, the certificate waits for it, and the regulator's figure moves with the answers", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // The county's figure before: the classmate's questionnaire alone (every item 一般: 60 points).
  const city = await regulator(browser);
  await city.page.goto(`/regulator/regions/${E2E_SURVEY.regionCode}`);
  await expect(city.page.getByTestId("stat-satisfaction-value")).toHaveText("60.0");
  const before = await satisfactionFigure(city.page, E2E_SURVEY.regionCode);
  await expect(before.average).toHaveText("60.0");
  await expect(before.respondents).toHaveText("1");

  await signIn(page, E2E_SURVEY.student.mobile, E2E_SURVEY.password);
  // The hours are done: the course survey is waiting, on the home page and on the course page.
  await expect(page.getByTestId("pending-surveys")).toContainText(E2E_SURVEY.courseSurvey.title);
  await page.goto(`/learn/courses/${E2E_EXAM_COURSE}`);
  await expect(page.getByTestId("survey-prompt")).toContainText("请填写培训满意度调查");
  await expect(page.getByTestId("survey-prompt-certificate")).toContainText("填写后即可下载本课程的培训证书");

  // Passing the exam issues the certificate, but its download waits for the survey.
  await takeExam(page);
  await expect(page.getByTestId("certificate-card")).toBeVisible();
  await expect(page.getByTestId("certificate-survey-first")).toContainText("请先填写本课程的满意度调查");
  await expect(page.getByTestId("certificate-pdf")).toHaveCount(0);
  await expect(page.getByTestId("certificate-card").getByRole("link", { name: "在线核验" })).toBeVisible();
  await expect(page.getByTestId("survey-prompt")).toBeVisible();
  const code = ((await page.getByTestId("certificate-code").textContent()) ?? "").replace("证书编号：", "").trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  const held = await page.request.get(`/api/certificates/${code}/pdf`);
  expect(held.status()).toBe(403);

  // The survey: five large choices per item, the anonymity note absent (this one names the learner).
  await page.getByTestId("certificate-survey-link").click();
  await expect(page).toHaveURL(/\/learn\/surveys\//);
  await expect(page.getByTestId("survey-form")).toBeVisible();
  await expect(page.getByTestId("survey-anonymous")).toHaveCount(0);
  await expect(page.getByTestId("survey-certificate-note")).toBeVisible();
  await expect(item(page, "usefulness").getByRole("radio")).toHaveCount(5);
  for (const label of ["非常满意", "满意", "一般", "不满意", "非常不满意"]) {
    const box = await level(page, "usefulness", label).locator("xpath=ancestor::label[1]").boundingBox();
    expect(box!.height, label).toBeGreaterThanOrEqual(44);
  }
  await expectNoHorizontalScroll(page);

  // Six of seven ratings and a comment; a reload (or a dropped connection) keeps them as a draft.
  const answers: Record<string, string> = { usefulness: "非常满意", depth: "满意", teacher: "非常满意", methods: "非常满意", materials: "满意", organisation: "非常满意" };
  for (const [id, label] of Object.entries(answers)) await level(page, id, label).check();
  const comment = "多讲本岗位的真实案例";
  await item(page, "suggestion").getByRole("textbox").fill(comment);
  await expect(page.getByTestId("survey-counter-suggestion")).toHaveText(`${comment.length} / 500 字`);
  await page.reload();
  await expect(page.getByTestId("survey-draft-restored")).toBeVisible();
  for (const [id, label] of Object.entries(answers)) await expect(level(page, id, label)).toBeChecked();
  await expect(item(page, "suggestion").getByRole("textbox")).toHaveValue(comment);

  // The overall item is required: refused, the item says why, nothing typed or chosen is lost.
  await page.getByTestId("survey-submit").click();
  await expect(page.getByTestId("form-error")).toHaveText("还有必答题未作答，请按提示补全。");
  await expect(page.getByTestId("survey-error-overall")).toHaveText("此题必答。");
  await expect(page.getByTestId("survey-error-usefulness")).toBeEmpty();
  for (const [id, label] of Object.entries(answers)) await expect(level(page, id, label)).toBeChecked();
  await expect(item(page, "suggestion").getByRole("textbox")).toHaveValue(comment);
  // Still refused as far as the regulator can tell: nothing was stored.
  await city.page.reload();
  await expect(before.respondents).toHaveText("1");

  // Completed and double-clicked: one submission leaves the page, and it is thanked for (a second one
  // would have been refused as already answered and shown as an error).
  await level(page, "overall", "非常满意").check();
  await expect(page.getByTestId("survey-error-overall")).toBeEmpty();
  const sent = countActions(page);
  await page.getByTestId("survey-submit").dblclick();
  await expect(page.getByTestId("survey-thanks")).toContainText("提交成功，感谢您的反馈！");
  expect(sent).toHaveLength(1);
  await page.reload();
  await expect(page.getByTestId("survey-answered")).toContainText("已提交，感谢");
  await expect(page.getByTestId("survey-form")).toHaveCount(0);
  // The draft went with the submission.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("survey-draft:")))).toEqual([]);

  // Back to the exam page: the prompt is gone and the certificate downloads.
  await page.getByRole("link", { name: "返回课程考试与证书" }).click();
  await expect(page.getByTestId("certificate-card")).toBeVisible();
  await expect(page.getByTestId("survey-prompt")).toHaveCount(0);
  await expect(page.getByTestId("certificate-survey-first")).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("certificate-pdf").click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).subarray(0, 4).toString()).toBe("%PDF");
  const pdf = await page.request.get(`/api/certificates/${code}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");

  // Nothing left to answer; the record (一人一档) lists the questionnaire.
  await page.goto("/learn");
  await expect(page.getByTestId("course-list")).toBeVisible();
  await expect(page.getByTestId("pending-surveys")).toHaveCount(0);
  await page.goto("/learn/record");
  await expect(page.getByTestId("record-survey-summary")).toHaveText("已填写 1 份，待填写 0 份");
  await expect(page.getByTestId("record-surveys")).toContainText(`${E2E_SURVEY.courseSurvey.title}（`);

  // The regulator's figure: (60 + (5×100 + 2×80) / 7) / 2 = 77.14… over 2 valid questionnaires.
  const after = await satisfactionFigure(city.page, E2E_SURVEY.regionCode);
  await expect(after.average).toHaveText("77.1");
  await expect(after.respondents).toHaveText("2");
  // The county's card on the coverage dashboard says the same.
  await city.page.goto(`/regulator/regions/${E2E_SURVEY.regionCode}`);
  await expect(city.page.getByTestId("stat-satisfaction-value")).toHaveText("77.1");
  await city.context.close();
});

test("an offline trainee scans the QR link, signs in, comes back to the survey and answers it once", async ({ page, browser }) => {
  const { code, title, location } = E2E_SURVEY.session;
  // Not signed in: the link leads to the login, and the login back to the survey.
  await page.goto(`/s/${code.toLowerCase()}`);
  await expect(page).toHaveURL(new RegExp(`/login\\?next=/s/${code.toLowerCase()}$`));
  await page.getByLabel("手机号").fill(E2E_SURVEY.trainee.mobile);
  await page.getByLabel("密码", { exact: true }).fill(E2E_SURVEY.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${code.toLowerCase()}$`));
  await expect(page.getByTestId("survey-session")).toContainText(title);
  await expect(page.getByTestId("survey-session")).toContainText(location);
  await expect(page.getByTestId("survey-anonymous")).toContainText("匿名问卷");
  await expectNoHorizontalScroll(page);

  // A second tab with the same survey open, as happens on a phone.
  const other = await page.context().newPage();
  await other.goto(`/s/${code}`);
  await expect(other.getByTestId("survey-form")).toBeVisible();

  const ids = ["usefulness", "depth", "teacher", "methods", "materials", "organisation", "overall"];
  for (const id of ids) await level(page, id, "满意").check();
  const sent = countActions(page);
  await page.getByTestId("survey-submit").dblclick();
  await expect(page.getByTestId("survey-thanks")).toBeVisible();
  expect(sent).toHaveLength(1);
  await expect(page.getByTestId("survey-back")).toHaveAttribute("href", "/learn");

  // The other tab's submission is refused: one questionnaire per person, also in an anonymous survey.
  for (const id of ids) await level(other, id, "不满意").check();
  await other.getByTestId("survey-submit").click();
  await expect(other.getByTestId("form-error")).toHaveText("您已提交过这份问卷，每人只能提交一次。");
  await expect(other.getByTestId("survey-thanks")).toHaveCount(0);
  await other.reload();
  await expect(other.getByTestId("survey-answered")).toContainText("已提交，感谢");

  // A course survey is not theirs: they did not take the course, nor are they in its county.
  expect((await page.goto(`/learn/surveys/${E2E_SURVEY.courseSurvey.code}`))?.status()).toBe(403);

  // A regulator holding the link is refused: surveys are answered by trainees.
  const city = await browser.newContext(PHONE);
  const cityPage = await city.newPage();
  await signIn(cityPage, "13800000001");
  expect((await cityPage.goto(`/s/${code}`))?.status()).toBe(403);
  await city.close();
});

test("an imported trainee's first login from the QR link changes the password and still lands on the survey", async ({ page }) => {
  const { code } = E2E_SURVEY.session;
  const { mobile, password } = E2E_SURVEY.firstLogin;
  await page.goto(`/s/${code}`);
  await page.getByLabel("手机号").fill(mobile);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  // The forced password change comes first and carries the way back.
  await expect(page).toHaveURL(new RegExp(`/account/password\\?next=%2Fs%2F${code}$`));
  const fresh = "Milian-town-2026";
  await page.getByLabel("当前密码").fill(password);
  await page.getByLabel("新密码", { exact: true }).fill(fresh);
  await page.getByLabel("确认新密码").fill(fresh);
  await page.getByRole("button", { name: "确认修改" }).click();
  await expect(page).toHaveURL(new RegExp(`/login\\?changed=1&next=%2Fs%2F${code}$`));
  await page.getByLabel("手机号").fill(mobile);
  await page.getByLabel("密码", { exact: true }).fill(fresh);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${code}$`));
  await expect(page.getByTestId("survey-form")).toBeVisible();
  for (const id of ["usefulness", "depth", "teacher", "methods", "materials", "organisation", "overall"]) await level(page, id, "非常满意").check();
  await page.getByTestId("survey-submit").click();
  await expect(page.getByTestId("survey-thanks")).toBeVisible();
});

test("the login follows `next` only within the site", async ({ page }) => {
  for (const next of ["https://evil.example/s/QRTEST23", "//evil.example/s/QRTEST23", "/\\evil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel("手机号").fill(E2E_SURVEY.trainee.mobile);
    await page.getByLabel("密码", { exact: true }).fill(E2E_SURVEY.password);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/learn$/);
  }
  // Signed in already: /login?next= goes straight there.
  await page.goto(`/login?next=${encodeURIComponent("/learn/record")}`);
  await expect(page).toHaveURL(/\/learn\/record$/);
});
