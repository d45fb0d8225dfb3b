// The final exam on a phone (390×844) in Debian Chromium, against the real server and database: pass
// an exam (reloading mid-way and finding every answer kept, double-clicking the submit), with no answer
// key or explanation in any page or payload during the attempt; download the certificate PDF and find
// the hours in it; verify the certificate as an anonymous visitor; fail an exam and pass the retake.
import { expect, test, type Page } from "@playwright/test";
import { PDFParse } from "pdf-parse";
import { answerKeys } from "./db";
import { E2E_EXAM_COURSE, E2E_EXAM_PASSWORD, E2E_EXAM_STUDENTS } from "./fixtures";
import { expectNoHorizontalScroll, signIn } from "./support";

test.use({ viewport: { width: 390, height: 844 } });

const question = (page: Page) => page.getByTestId("exam-question");

/** Answers the question on screen, rightly or wrongly, by tapping its options; returns its id. */
async function answer(page: Page, right: boolean): Promise<string> {
  const id = (await question(page).getAttribute("data-question-id"))!;
  const key = (await answerKeys([id])).get(id)!.answer;
  const values = await question(page).locator("input").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const chosen = right ? key : values.filter((v) => !key.includes(v)).slice(0, 1);
  for (const value of chosen) await question(page).locator(`input[value="${value}"]`).check();
  return id;
}

async function next(page: Page) {
  const before = await question(page).getAttribute("data-question-id");
  await page.getByRole("button", { name: "下一题" }).click();
  await expect(question(page)).not.toHaveAttribute("data-question-id", before!);
}

async function openExam(page: Page, mobile: string) {
  await signIn(page, mobile, E2E_EXAM_PASSWORD);
  await page.goto(`/learn/courses/${E2E_EXAM_COURSE}`);
  await page.getByTestId("open-exam").click();
  await expect(page.getByTestId("exam-rules")).toContainText("共 60 题，满分 100 分，80 分及格，限时 60 分钟");
}

async function submit(page: Page, opts: { doubleClick?: boolean } = {}) {
  await page.getByRole("button", { name: "交卷" }).first().click();
  const confirm = page.getByTestId("confirm-submit");
  if (opts.doubleClick) await confirm.dblclick();
  else await confirm.click();
  await expect(page.getByTestId("exam-result")).toBeVisible({ timeout: 20_000 });
}

test("a student passes the exam, resumes after a reload, and gets a certificate whose PDF carries the hours", async ({ page, browser }) => {
  const student = E2E_EXAM_STUDENTS.pass;
  // Everything the server sends while the attempt is open, to scan for keys and explanations.
  const bodies: string[] = [];
  let recording = false;
  page.on("response", async (response) => {
    if (!recording) return;
    try {
      // Decoded as UTF-8 here: the browser's own guess may differ per response type.
      bodies.push((await response.body()).toString("utf8"));
    } catch {
      // redirects and aborted requests have no body
    }
  });

  await openExam(page, student.mobile);
  recording = true;
  await page.getByRole("button", { name: "开始考试" }).click();
  await expect(page).toHaveURL(/\/learn\/exams\//);
  await expect(page.getByTestId("exam-timer")).toHaveText(/^(60:00|59:\d\d)$/);
  await expectNoHorizontalScroll(page);

  const seen: string[] = [];
  for (let i = 0; i < 20; i++) {
    seen.push(await answer(page, true));
    await next(page);
  }
  await expect(page.getByTestId("save-state")).toHaveText("已保存");
  // A reload (or a dropped connection, or another phone): the attempt and its answers come back.
  await page.reload();
  await expect(page.getByRole("button", { name: "已答 20 / 60" })).toBeVisible();
  await expect(question(page)).toHaveAttribute("data-question-id", seen[0]!);
  const firstKey = (await answerKeys([seen[0]!])).get(seen[0]!)!.answer;
  for (const value of firstKey) await expect(question(page).locator(`input[value="${value}"]`)).toBeChecked();
  await page.getByRole("button", { name: "已答 20 / 60" }).click();
  await expect(page.getByTestId("answer-sheet").getByRole("button", { name: "20 已保存", exact: true })).toBeVisible();
  await expect(page.getByTestId("answer-sheet").getByRole("button", { name: "21", exact: true })).toBeVisible();
  await page.getByTestId("answer-sheet").getByRole("button", { name: "21", exact: true }).click();
  for (let i = 20; i < 60; i++) {
    seen.push(await answer(page, true));
    if (i < 59) await next(page);
  }
  await expect(page.getByTestId("save-state")).toHaveText("已保存");
  recording = false;

  // No key and no explanation left the server while the attempt was open.
  const keys = await answerKeys(seen);
  const all = bodies.join("\n");
  // Compare on Chinese characters only: payloads escape quotes and line breaks but never Chinese
  // characters, and a whole explanation's characters in sequence appear nowhere else by chance.
  const cjk = (text: string) => text.replace(/[^\u4e00-\u9fff]/g, "");
  const seenText = cjk(all);
  // The scan saw the attempt's pages and payloads: every question's stem is in them (its key must not be).
  expect(bodies.length).toBeGreaterThan(20);
  for (const k of keys.values()) expect(seenText).toContain(cjk(k.stem));
  for (const k of keys.values()) expect(seenText.includes(cjk(k.explanation)), `explanation of ${k.id} sent during the attempt`).toBe(false);
  // Nor any key in its stored shape ("answer":["A"], escaped or not, in pages, payloads and responses).
  expect(all).not.toMatch(/\\*"answer\\*"\s*:\s*\[/);

  await submit(page, { doubleClick: true });
  await expect(page.getByTestId("exam-score")).toHaveText("得分 100 / 100");
  await expect(page.getByTestId("exam-passed")).toBeVisible();
  // After submission the review shows the explanations.
  await expect(page.getByTestId("review-item")).toHaveCount(60);
  await expect(page.getByTestId("exam-review")).toContainText(keys.get(seen[0]!)!.explanation);

  // One grade: the exam page lists one attempt, passed, and the certificate.
  await page.getByTestId("back-to-exam").click();
  await expect(page.getByTestId("exam-attempts").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByTestId("attempt-1")).toContainText("100 分 · 合格");
  await expect(page.getByTestId("exam-locked")).toContainText("您已通过本课程考试");
  const code = ((await page.getByTestId("certificate-code").textContent()) ?? "").replace("证书编号：", "").trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

  // The PDF: downloaded as the learner, parsed back, with the name, the hours and the code in it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("certificate-pdf").click()]);
  const file = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  expect(file.subarray(0, 4).toString()).toBe("%PDF");
  const parser = new PDFParse({ data: new Uint8Array(file) });
  const flat = (await parser.getText()).text.replace(/\s+/g, "");
  await parser.destroy();
  expect(flat).toContain(student.name);
  expect(flat).toContain("学时10学时");
  expect(flat).toContain("考核成绩100分");
  expect(flat).toContain(code);

  // Anyone with the code (or the QR code) can verify it, without signing in; the name is masked.
  const anonymous = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
  const visitor = await anonymous.newPage();
  await visitor.goto("/verify");
  await visitor.getByLabel("证书编号").fill(code.toLowerCase().replace(/-/g, ""));
  await visitor.getByRole("button", { name: "核验" }).click();
  await expect(visitor.getByTestId("verify-status")).toHaveText("有效");
  await expect(visitor.getByTestId("verify-holder")).toHaveText("考***甲");
  await expect(visitor.getByTestId("verify-hours")).toHaveText("10 学时");
  await expect(visitor.getByTestId("verify-result")).not.toContainText(student.name);
  // The PDF itself is not public.
  const pdf = await visitor.request.get(`/api/certificates/${code}/pdf`);
  expect(pdf.status()).toBe(401);
  await anonymous.close();
});

test("a student who fails gets one retake, passes it, and then has no attempts left to start", async ({ page }) => {
  const student = E2E_EXAM_STUDENTS.retake;
  await openExam(page, student.mobile);
  await page.getByRole("button", { name: "开始考试" }).click();
  // Submitting with nothing answered: 0 points, failed, one retake left.
  await submit(page);
  await expect(page.getByTestId("exam-score")).toHaveText("得分 0 / 100");
  await expect(page.getByTestId("exam-failed")).toContainText("未达到 80 分");
  await expect(page.getByTestId("exam-result")).toContainText("您还可以补考 1 次");

  await page.getByTestId("back-to-exam").click();
  await page.getByRole("button", { name: "开始补考" }).click();
  await expect(page).toHaveURL(/\/learn\/exams\//);
  for (let i = 0; i < 60; i++) {
    // 10 wrong (at most 20 points lost) still passes.
    await answer(page, i >= 10);
    if (i < 59) await next(page);
  }
  await expect(page.getByTestId("save-state")).toHaveText("已保存");
  await submit(page);
  await expect(page.getByTestId("exam-passed")).toBeVisible();
  const score = Number((await page.getByTestId("exam-score").textContent())!.match(/得分 ([\d.]+)/)![1]);
  expect(score).toBeGreaterThanOrEqual(80);
  expect(score).toBeLessThan(100);

  await page.getByTestId("back-to-exam").click();
  await expect(page.getByTestId("attempt-1")).toContainText("0 分 · 不合格");
  await expect(page.getByTestId("attempt-2")).toContainText("合格");
  await expect(page.getByTestId("certificate-card")).toBeVisible();
  await expect(page.getByRole("button", { name: /开始/ })).toHaveCount(0);
});
