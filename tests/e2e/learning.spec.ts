// Learning on a phone (390×844) in Debian Chromium, against the real server and database: a demo
// learner plays a real video lesson; seeking ahead is refused; nothing is credited while the page is
// hidden; learning done offline is credited once on reconnect; a reload resumes at the position; the
// check question stops the video until answered; a practice quiz is saved; hours and progress move.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

test.use({ viewport: { width: 390, height: 844 } });

const COURSE = "gongshang-yufang-rumen";
const VIDEO = "rumen-anquanmao-shipin";
const LEARNER = "13800000006";

const player = (page: Page) => page.locator("mux-player");
const time = (page: Page) => player(page).evaluate((el: HTMLMediaElement) => el.currentTime);
const paused = (page: Page) => player(page).evaluate((el: HTMLMediaElement) => el.paused);
const credited = async (page: Page) => Number(await page.getByTestId("lesson-credited").getAttribute("data-seconds"));

async function play(page: Page) {
  await player(page).evaluate(async (el: HTMLMediaElement) => {
    el.muted = true;
    await el.play();
  });
}

/** Makes the page report itself hidden (or visible again), as a phone does when the learner switches apps. */
async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (h ? "hidden" : "visible") });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => h });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

test("a learner watches a video lesson honestly, practises, and sees hours move", async ({ page, context }) => {
  test.setTimeout(240_000);
  await signIn(page, LEARNER);

  // My courses: the assigned course with no hours yet.
  await expect(page.getByTestId(`course-hours-${COURSE}`)).toContainText("已学 0 / 1 学时");
  await page.getByRole("link", { name: /工伤预防入门/ }).click();
  await expect(page.getByTestId(`lesson-status-${VIDEO}`)).toHaveText("未开始");
  await page.getByRole("link", { name: /正确佩戴安全帽/ }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${VIDEO}$`));

  // Play the real video.
  await expect(player(page)).toBeAttached();
  await expect.poll(() => player(page).evaluate((el: HTMLMediaElement) => el.readyState)).toBeGreaterThanOrEqual(1);
  await play(page);
  await expect.poll(() => time(page), { timeout: 20_000 }).toBeGreaterThan(6);
  await expect.poll(() => credited(page), { timeout: 10_000 }).toBeGreaterThan(3);

  // Seeking ahead is refused: the player goes back to the furthest point watched.
  const before = await time(page);
  await player(page).evaluate((el: HTMLMediaElement) => {
    el.currentTime = 35;
  });
  await expect(page.getByTestId("seek-refused")).toBeVisible();
  await expect.poll(() => time(page)).toBeLessThan(before + 3);

  // Hidden page: the video stops and nothing is credited.
  await page.waitForTimeout(2500);
  await setHidden(page, true);
  expect(await paused(page)).toBe(true);
  const atHide = await credited(page);
  await page.waitForTimeout(6000);
  await setHidden(page, false);
  await page.waitForTimeout(2500); // the next flush reports the server's totals
  expect(await credited(page)).toBeLessThanOrEqual(atHide + 3);

  // Offline: learning goes on, heartbeats queue up, and are credited once back online.
  await play(page);
  await page.waitForTimeout(2500);
  const wallStart = Date.now();
  await context.setOffline(true);
  await page.evaluate(() => window.dispatchEvent(new Event("offline")));
  await expect(page.getByTestId("offline-notice")).toBeVisible();
  // A flush sent just before the connection dropped may still land (or fail and join the queue): read
  // the baseline once it has settled. It credits learning from before going offline only.
  await page.waitForTimeout(1000);
  const atOffline = await credited(page);
  await page.waitForTimeout(5000);
  await player(page).evaluate((el: HTMLMediaElement) => el.pause()); // no more learning from here
  const offlineSeconds = (Date.now() - wallStart) / 1000;
  await page.waitForTimeout(2500); // the pause closes one more heartbeat
  await expect(page.getByTestId("pending-beats")).toBeVisible();
  expect(await credited(page)).toBe(atOffline); // nothing reached the server
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(page.getByTestId("pending-beats")).toBeHidden({ timeout: 10_000 });
  const afterOnline = await credited(page);
  // Not lost: every offline second was credited. Not doubled: no more than the time that passed, plus
  // the seconds before going offline that the last flush had not reported yet (one interval, 2 s).
  expect(afterOnline - atOffline).toBeGreaterThanOrEqual(offlineSeconds - 1.5);
  expect(afterOnline - atOffline).toBeLessThanOrEqual(offlineSeconds + 2.5);
  // Sending the same queue again (the page also sent it by beacon) changes nothing.
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await page.waitForTimeout(2500);
  expect(await credited(page)).toBe(afterOnline);

  // Reload: the page resumes where the learner was.
  const position = await time(page);
  await page.reload();
  await expect.poll(() => player(page).evaluate((el: HTMLMediaElement) => el.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  await expect.poll(() => time(page)).toBeGreaterThan(position - 4);
  const afterReload = await credited(page);
  expect(afterReload).toBeGreaterThanOrEqual(afterOnline);

  // Play on to the check question at 40 s: the video stops until it is answered right.
  await play(page);
  const dialog = page.getByRole("dialog", { name: "随堂小题" });
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  expect(await paused(page)).toBe(true);
  await dialog.getByLabel(/把帽檐朝后/).check();
  await dialog.getByRole("button", { name: "提交答案" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("答案不正确，请再想一想。");
  await dialog.getByLabel(/系紧下颏带/).check();
  await dialog.getByRole("button", { name: "提交答案" }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => paused(page)).toBe(false);

  // To the end: the lesson is complete. On a loaded machine the video can end a few seconds short of the
  // credit it needs (time spent hidden, offline or reloading credits nothing, and the server never credits
  // more than wall-clock time): the learner watches again from the start, as a real one would.
  await expect
    .poll(
      async () => {
        if ((await page.getByTestId("lesson-credited").innerText()).includes("本节已完成")) return true;
        const ended = await player(page).evaluate((el: HTMLMediaElement) => el.ended);
        if (ended) {
          await player(page).evaluate((el: HTMLMediaElement) => {
            el.currentTime = 0;
          });
          await play(page);
        }
        return false;
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe(true);

  // Practice quiz on the lesson's questions, saved on the server.
  await page.getByRole("button", { name: "开始练习" }).click();
  await page.getByRole("button", { name: "开始答题" }).click();
  const quiz = page.getByTestId("practice-quiz");
  await quiz.getByRole("button", { name: "系紧下颏带" }).click();
  await quiz.getByRole("button", { name: "下一题" }).click();
  await quiz.getByRole("button", { name: "错误" }).click();
  await quiz.getByRole("button", { name: "下一题" }).click();
  await quiz.getByRole("button", { name: "帽壳有无裂纹、变形" }).click();
  await quiz.getByRole("button", { name: "帽衬是否完好" }).click();
  await quiz.getByRole("button", { name: "是否超过使用期限" }).click();
  await quiz.getByRole("button", { name: "下一题" }).click();
  await expect(page.getByTestId("quiz-saved")).toHaveText("练习成绩已保存：答对 3 / 3 题。");

  // Hours and progress have moved.
  await page.goto(`/learn/courses/${COURSE}`);
  await expect(page.getByTestId(`lesson-status-${VIDEO}`)).toHaveText("已完成");
  await expect(page.getByTestId("course-hours")).not.toContainText("已学 0 /");
  await expect(page.getByTestId("course-progress")).not.toHaveAttribute("aria-valuenow", "0");
  await page.goto("/learn");
  await expect(page.getByTestId(`course-hours-${COURSE}`)).not.toContainText("已学 0 /");
});
