// The server killed mid-exam (issue 9, item 3), on a phone in Debian Chromium. This spec starts its own
// production server (the same build, its own port and database, seeded as the suite's), so that it can kill
// it: a student starts the exam and answers (saved on the server), the server is killed with SIGKILL, the
// student keeps answering and changes an earlier answer (the page says it is offline and keeps the answers
// on the phone), the server is started again on the same database, the page sends what it kept, and
// after the submit every answer given — before and during the outage, the last choice of each question —
// is in the database once and graded.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { expect, test, type Page } from "@playwright/test";
import { E2E_EXAM_COURSE, E2E_EXAM_PASSWORD, E2E_EXAM_STUDENTS } from "./fixtures";
import { signIn } from "./support";

const ROOT = process.cwd();
const provider = process.env.TEST_DB === "postgresql" ? "postgresql" : "sqlite";
/** Its own port per provider (E2E_FAULTS_PORT overrides it), apart from the suite's server. */
const PORT = Number(process.env.E2E_FAULTS_PORT ?? (provider === "sqlite" ? 3150 : 3151));
const LABEL = `${process.env.E2E_DATABASE_LABEL ?? `e2e_${provider}`}_faults`;
const BASE_URL = `http://127.0.0.1:${PORT}`;

test.use({ baseURL: BASE_URL, viewport: { width: 390, height: 844 } });

let databaseUrl = "";
let server: ChildProcess | null = null;

function database(args: string[]): string {
  return execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "tests/support/faults-database.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TEST_DB: provider },
  });
}

/** `next start` of the build on PORT against the spec's database; resolves once /api/health answers. */
async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: "e2e-tests-secret-e2e-tests-secret-e2e", NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (await fetch(`${BASE_URL}/api/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** SIGKILL: no shutdown of any kind, as when the machine loses power or the process is killed. */
async function killServer() {
  const child = server!;
  server = null;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(240_000);
  databaseUrl = /^URL (.+)$/m.exec(database(["create", LABEL]))![1]!;
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await killServer();
  database(["drop", LABEL]);
});

type Stored = { questionId: string; chosen: string[]; correct: boolean | null };
type AttemptRow = { status: string; score: number | null; paper: { questionId: string; points: number }[] };

/** The attempt, its stored answers and the questions' keys, read from the spec's database. */
async function stored(attemptId: string): Promise<{ attempt: AttemptRow; answers: Stored[]; keys: Map<string, string[]> }> {
  const json = <T,>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;
  let attempt: Record<string, unknown>;
  let answers: Record<string, unknown>[];
  let questions: Record<string, unknown>[];
  if (provider === "sqlite") {
    const db = new Database(databaseUrl.replace(/^file:/, ""), { readonly: true });
    try {
      attempt = db.prepare(`SELECT status, score, paper FROM "ExamAttempt" WHERE id = ?`).get(attemptId) as Record<string, unknown>;
      answers = db.prepare(`SELECT "questionId", chosen, correct FROM "ExamAnswer" WHERE "attemptId" = ?`).all(attemptId) as Record<string, unknown>[];
      const ids = json<{ questionId: string }[]>(attempt.paper).map((p) => p.questionId);
      questions = db.prepare(`SELECT id, answer FROM "Question" WHERE id IN (${ids.map(() => "?").join(",")})`).all(...ids) as Record<string, unknown>[];
    } finally {
      db.close();
    }
  } else {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      attempt = (await client.query(`SELECT status, score, paper FROM "ExamAttempt" WHERE id = $1`, [attemptId])).rows[0];
      answers = (await client.query(`SELECT "questionId", chosen, correct FROM "ExamAnswer" WHERE "attemptId" = $1`, [attemptId])).rows;
      const ids = json<{ questionId: string }[]>(attempt.paper).map((p) => p.questionId);
      questions = (await client.query(`SELECT id, answer FROM "Question" WHERE id = ANY($1)`, [ids])).rows;
    } finally {
      await client.end();
    }
  }
  const truth = (v: unknown) => (v === null || v === undefined ? null : v === true || v === 1 || v === 1n);
  return {
    attempt: { status: attempt.status as string, score: attempt.score === null ? null : Number(attempt.score), paper: json(attempt.paper) },
    answers: answers.map((a) => ({ questionId: a.questionId as string, chosen: json<string[]>(a.chosen), correct: truth(a.correct) })),
    keys: new Map(questions.map((q) => [q.id as string, json<string[]>(q.answer)])),
  };
}

const question = (page: Page) => page.getByTestId("exam-question");

/** Taps the question's `nth` option (a single choice, a true/false or one box of a multiple choice). */
async function answer(page: Page, nth: number): Promise<[string, string[]]> {
  const id = (await question(page).getAttribute("data-question-id"))!;
  const inputs = question(page).locator("input");
  const n = nth % (await inputs.count());
  await inputs.nth(n).check();
  return [id, [(await inputs.nth(n).getAttribute("value"))!]];
}

/** Answers the question on screen with another option than the one chosen (a box unticked and another ticked). */
async function changeAnswer(page: Page): Promise<[string, string[]]> {
  const id = (await question(page).getAttribute("data-question-id"))!;
  const inputs = question(page).locator("input");
  const checked = await inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked));
  const before = checked.indexOf(true);
  const other = before === 0 ? 1 : 0;
  if ((await inputs.nth(before).getAttribute("type")) === "checkbox") await inputs.nth(before).uncheck();
  await inputs.nth(other).check();
  return [id, [(await inputs.nth(other).getAttribute("value"))!]];
}

async function next(page: Page) {
  const before = await question(page).getAttribute("data-question-id");
  await page.getByRole("button", { name: "下一题" }).click();
  await expect(question(page)).not.toHaveAttribute("data-question-id", before!);
}

test("the server killed mid-exam loses no answer: the page keeps answering, and sends everything once the server is back", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, E2E_EXAM_STUDENTS.pass.mobile, E2E_EXAM_PASSWORD);
  await page.goto(`/learn/courses/${E2E_EXAM_COURSE}`);
  await page.getByTestId("open-exam").click();
  await page.getByRole("button", { name: "开始考试" }).click();
  await expect(page).toHaveURL(/\/learn\/exams\//);
  const attemptId = new URL(page.url()).pathname.split("/").pop()!;
  const given = new Map<string, string[]>();

  // Online: ten answers, saved on the server.
  for (let i = 0; i < 10; i++) {
    const [id, chosen] = await answer(page, i);
    given.set(id, chosen);
    await next(page);
  }
  await expect(page.getByTestId("save-state")).toHaveText("已保存");
  expect((await stored(attemptId)).answers).toHaveLength(10);

  // The server dies. The student goes on: ten more answers, and question 2 answered again differently.
  await killServer();
  for (let i = 10; i < 20; i++) {
    const [id, chosen] = await answer(page, i + 1);
    given.set(id, chosen);
    await next(page);
  }
  await expect(page.getByTestId("exam-offline")).toHaveText("网络已断开：答案已保存在本机，联网后自动提交到服务器。");
  await page.getByRole("button", { name: "已答 20 / 60" }).click();
  await page.getByTestId("answer-sheet").getByRole("button", { name: "2 已保存", exact: true }).click();
  const [secondId, changed] = await changeAnswer(page);
  expect(changed).not.toEqual(given.get(secondId));
  given.set(secondId, changed);
  // What the phone keeps: ten answers and the change, waiting for the server.
  await expect(page.getByTestId("save-state")).toHaveText("11 个答案待上传");
  expect((await stored(attemptId)).answers).toHaveLength(10);

  // The server comes back on the same database: the page sends what it kept (it retries every 5 s).
  server = await startServer();
  await expect(page.getByTestId("save-state")).toHaveText("已保存", { timeout: 30_000 });
  await expect(page.getByTestId("exam-offline")).toHaveCount(0);

  await page.getByRole("button", { name: "交卷" }).first().click();
  await page.getByTestId("confirm-submit").click();
  await expect(page.getByTestId("exam-result")).toBeVisible({ timeout: 20_000 });

  // Every answer given is stored once, with the last choice, and graded; the score counts each once.
  const { attempt, answers, keys } = await stored(attemptId);
  expect(attempt.status).toBe("SUBMITTED");
  expect(new Map(answers.map((a) => [a.questionId, a.chosen]))).toEqual(given);
  expect(answers).toHaveLength(20);
  const right = (a: Stored) => JSON.stringify([...a.chosen].sort()) === JSON.stringify([...keys.get(a.questionId)!].sort());
  for (const a of answers) expect(a.correct, a.questionId).toBe(right(a));
  const points = new Map(attempt.paper.map((p) => [p.questionId, p.points]));
  expect(attempt.score).toBe(answers.filter(right).reduce((sum, a) => sum + points.get(a.questionId)!, 0));
  await expect(page.getByTestId("exam-score")).toHaveText(`得分 ${attempt.score} / 100`);
});
