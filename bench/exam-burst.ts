// Exam bursts (issue 8, item 3): a class sits its exam at once. Drives the real server actions over
// HTTP, as the browser's fetch-action calls them, for many learners with Auth.js session cookies:
//   start    startExamAction, posted to the course's exam page: draws and stores the paper, answers with
//            the redirect to the attempt and the attempt page's RSC payload (what the browser renders)
//   submit   submitExamAction, posted to the attempt page: grades once, issues the certificate on a pass
// Goals: 1,000 starts spread evenly over 10 s with p99 ≤ 500 ms; 1,000 submits over 2 s, every one
// graded exactly once, p99 ≤ 2 s. Arrivals are fixed (an open model): each request has a scheduled send
// time and its latency is measured from that time, so a slow server cannot hide its queue.
// Between the bursts (untimed) every attempt saves a few answers through saveAnswerAction; half of the
// learners then get the rest of their right answers written straight into the database, so that half
// pass and the submit burst also issues certificates.
//
//   npx tsx --conditions react-server bench/exam-burst.ts --db sqlite|postgresql [--quick] [--json FILE] [--profile DIR]
//
// --quick: 200 learners at the same rates (starts over 2 s, submits over 0.4 s). --profile: the server
// writes a V8 CPU profile into DIR. Besides latencies it reports the server's CPU time per request of
// each burst (from /proc), which a busy shared machine disturbs far less than it does latency.
// Afterwards it checks in the database: one attempt per learner, each with a paper of the exam's size
// and mix, every attempt graded once (SUBMITTED, score equal to a regrade of its saved answers, answers
// marked), one certificate per pass and none per fail, nothing left IN_PROGRESS; a second submit of a
// sample returns the same grade and changes nothing.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { agent, burst, freshConnections, pct, post, type Reply } from "./lib/open-loop";
import { BENCH_AUTH_SECRET, BENCH_SESSION_COOKIE, BENCH_DIST, ROOT, benchBuild, benchDatabase, providerArg, startApp } from "./lib/server";

const provider = providerArg();
const quick = process.argv.includes("--quick");
const jsonOut = process.argv.includes("--json") ? process.argv[process.argv.indexOf("--json") + 1] : undefined;
// --profile DIR: the server writes a V8 CPU profile (.cpuprofile, open in Chrome DevTools) there on exit.
const profileDir = process.argv.includes("--profile") ? path.resolve(process.argv[process.argv.indexOf("--profile") + 1]!) : undefined;
const PORT = provider === "sqlite" ? 3282 : 3283;
const COURSE = "jigong-bixiu"; // the technical-school required course: every student of a school takes it
const LEARNERS = quick ? 200 : 1_000;
const WARMUP = 20; // learners of their own who go through start, save and submit before the bursts
const START_RATE = 100; // per second: 1,000 over 10 s
const SUBMIT_RATE = 500; // per second: 1,000 over 2 s
const SAVES_PER_ATTEMPT = 3;
const GOALS = { start: 500, submit: 2_000 }; // p99, ms

type Outcome = { ok: boolean; detail?: string; attemptId?: string; score?: number };
type Timed = Outcome & { latency: number; lag: number };
type BurstRow = {
  burst: "start" | "submit";
  requests: number;
  seconds: number;
  rate: number;
  ok: number;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** How late the client sent a request after its scheduled time (the client's own lag), worst case. */
  maxSendLag: number;
  /**
   * The server process's CPU time per request over the burst (Linux /proc): less noisy than latency on a
   * shared machine. One Node process serves at most about 1000 / cpuMsPerRequest requests a second.
   */
  cpuMsPerRequest: number | null;
  goalP99: number;
  met: boolean;
  errorSamples: string[];
};

// ---- HTTP: the fetch-action request the browser's router sends ----------------------------------------

/**
 * Calls a server action as `startExamAction(null, input)` from the browser does. React's encodeReply of
 * the argument list is a string equal to JSON.stringify for these arguments (checked against Next's
 * compiled react-server-dom client: only strings starting with "$" would be escaped, as "$$…"; ours are
 * ids and option keys), sent as text/plain.
 */
function callAction(base: URL, page: string, actionId: string, cookie: string, args: unknown[]): Promise<Reply> {
  return post(
    base,
    page,
    {
      "next-action": actionId,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      origin: base.origin, // Next compares it with Host (CSRF protection of server actions)
      cookie,
    },
    JSON.stringify(args),
  );
}

/** The action's return value in an RSC response: the row the root's "a" field points at. */
function actionResult(body: string): { ok: boolean; data?: { score?: number }; message?: string } | null {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  try {
    const root = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
    const ref = typeof root?.a === "string" && root.a.startsWith("$@") ? root.a.slice(2) : null;
    return ref ? (JSON.parse(rows.get(ref) ?? "null") as ReturnType<typeof actionResult>) : null;
  } catch {
    return null;
  }
}

/** Action ids by exported name, from the build's server-reference manifest. */
function actionIds(names: string[]): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, BENCH_DIST, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }>;
  };
  const out: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename && !entry.filename.includes("features/exams/actions")) continue;
    if (entry.exportedName && names.includes(entry.exportedName)) out[entry.exportedName] = id;
  }
  for (const n of names) if (!out[n]) throw new Error(`no action id for ${n} in the server-reference manifest`);
  return out;
}

/**
 * A preload for the server that samples its CPU from start to exit (--cpu-prof is not allowed in
 * NODE_OPTIONS, and `next start` is not ours to add flags to). Returns the preload's path.
 */
function profilerPreload(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "profile-preload.cjs");
  writeFileSync(
    file,
    `const inspector = require("node:inspector"), fs = require("node:fs");
const s = new inspector.Session(); s.connect();
s.post("Profiler.enable"); s.post("Profiler.setSamplingInterval", { interval: 500 }); s.post("Profiler.start");
let done = false;
const stop = () => { if (done) return; done = true;
  s.post("Profiler.stop", (err, r) => { if (!err) fs.writeFileSync(${JSON.stringify(dir)} + "/server-" + process.pid + ".cpuprofile", JSON.stringify(r.profile)); }); };
process.prependListener("SIGTERM", stop); process.on("exit", stop);
`,
  );
  return file;
}

/** CPU time (user + system, ms) the process has used, from /proc; null where there is no /proc. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return null;
  }
}

function row(name: BurstRow["burst"], results: Timed[], seconds: number, goal: number, cpu: number | null): BurstRow {
  const lat = results.map((r) => r.latency).sort((a, b) => a - b);
  const errors = results.filter((r) => !r.ok);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const p99 = r1(pct(lat, 0.99));
  return {
    burst: name,
    requests: results.length,
    seconds,
    rate: results.length / seconds,
    ok: results.length - errors.length,
    errors: errors.length,
    p50: r1(pct(lat, 0.5)),
    p90: r1(pct(lat, 0.9)),
    p99,
    max: r1(lat[lat.length - 1] ?? NaN),
    maxSendLag: r1(Math.max(...results.map((r) => r.lag))),
    cpuMsPerRequest: cpu === null ? null : r1(cpu / results.length),
    goalP99: goal,
    met: errors.length === 0 && p99 <= goal,
    errorSamples: [...new Set(errors.map((e) => e.detail ?? "?"))].slice(0, 5),
  };
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

// ---- The run ------------------------------------------------------------------------------------------

async function main() {
  benchBuild();
  const database = await benchDatabase(provider, "exam");
  const { db } = await import("@/lib/db");
  const { encode } = await import("next-auth/jwt");
  const { gradePaper, keyOf } = await import("@/features/exams/rules");
  const { examDefinitionSchema, paperFor } = await import("@/features/exams/definition");
  type PaperItem = import("@/features/exams/rules").PaperItem;

  // Learners: students of the demo school (the required course with its exam is assigned to every
  // student), their hours done as the ledger records it: lesson progress and the course's completion.
  const school = await db.school.findFirstOrThrow({ select: { id: true } });
  const template = await db.user.findUniqueOrThrow({ where: { mobile: "13800000007" }, select: { passwordHash: true } });
  const total = WARMUP + LEARNERS;
  await db.user.createMany({
    data: Array.from({ length: total }, (_, n) => ({ mobile: `137${String(n).padStart(8, "0")}`, name: `考试学员${n}`, role: "LEARNER" as const, schoolId: school.id, passwordHash: template.passwordHash })),
  });
  const users = await db.user.findMany({ where: { mobile: { startsWith: "137" } }, select: { id: true }, orderBy: { mobile: "asc" } });
  const lessons = await db.lesson.findMany({ where: { courseId: COURSE, archivedAt: null } });
  const seconds = (l: (typeof lessons)[number]) => l.minReadingSeconds ?? l.durationSeconds ?? 0;
  const completedAt = new Date();
  for (let s = 0; s < users.length; s += 200) {
    const batch = users.slice(s, s + 200);
    await db.lessonProgress.createMany({ data: batch.flatMap((u) => lessons.map((l) => ({ userId: u.id, lessonId: l.id, courseId: COURSE, creditedSeconds: seconds(l), completedAt }))) });
    await db.courseCompletion.createMany({ data: batch.map((u) => ({ userId: u.id, courseId: COURSE, creditedSeconds: lessons.reduce((t, l) => t + seconds(l), 0), completedAt })) });
  }
  const course = await db.course.findUniqueOrThrow({ where: { id: COURSE }, select: { exam: true } });
  const exam = examDefinitionSchema.parse(course.exam);
  const paperDef = paperFor(exam, null)!;
  const want = { single: 0, multiple: 0, true_false: 0 };
  for (const s of paperDef.sections) for (const t of ["single", "multiple", "true_false"] as const) want[t] += s[t]?.count ?? 0;
  const paperSize = want.single + want.multiple + want.true_false;

  // Session cookies as Auth.js issues them at sign-in (bench/heartbeat.ts does the same).
  const cookies: string[] = [];
  for (const u of users) {
    const token = await encode({ token: { sub: u.id, sv: 0 }, secret: BENCH_AUTH_SECRET, salt: BENCH_SESSION_COOKIE, maxAge: 3600 });
    cookies.push(`${BENCH_SESSION_COOKIE}=${token}`);
  }
  const warm = users.slice(0, WARMUP).map((u, i) => ({ id: u.id, cookie: cookies[i]! }));
  const learners = users.slice(WARMUP).map((u, i) => ({ id: u.id, cookie: cookies[WARMUP + i]! }));

  const app = await startApp({ port: PORT, databaseUrl: database.url, env: profileDir ? { NODE_OPTIONS: `--require ${profilerPreload(profileDir)}` } : {} });
  const base = new URL(app.url);
  const ids = actionIds(["startExamAction", "saveAnswerAction", "submitExamAction"]);
  const examPage = `/learn/courses/${COURSE}/exam`;

  const start = async (cookie: string): Promise<Outcome> => {
    const res = await callAction(base, examPage, ids.startExamAction!, cookie, [null, { courseId: COURSE }]);
    const redirect = String(res.headers["x-action-redirect"] ?? "");
    const m = /^\/learn\/exams\/([^;/?]+)/.exec(redirect);
    if (res.status !== 200 || !m) return { ok: false, detail: `HTTP ${res.status}, redirect "${redirect}": ${res.body.slice(0, 160)}` };
    // The redirect carries the attempt page's payload; an error page or a missing paper is a failure.
    // (The attempt exists: later phases go on with it; the start still counts as an error.)
    if (!res.body.includes('"serverNow"')) return { ok: false, attemptId: m[1]!, detail: `no attempt page in the payload of the redirect (the server's own fetch of it failed)` };
    return { ok: true, attemptId: m[1]! };
  };
  const save = async (cookie: string, attemptId: string, questionId: string, chosen: string[]): Promise<Outcome> => {
    const res = await callAction(base, `/learn/exams/${attemptId}`, ids.saveAnswerAction!, cookie, [null, { attemptId, questionId, chosen }]);
    const result = actionResult(res.body);
    return result?.ok ? { ok: true } : { ok: false, detail: `save: HTTP ${res.status} ${result?.message ?? res.body.slice(0, 160)}` };
  };
  const submit = async (cookie: string, attemptId: string): Promise<Outcome> => {
    const res = await callAction(base, `/learn/exams/${attemptId}`, ids.submitExamAction!, cookie, [null, { attemptId }]);
    const result = actionResult(res.body);
    return result?.ok ? { ok: true, score: result.data?.score } : { ok: false, detail: `submit: HTTP ${res.status} ${result?.message ?? res.body.slice(0, 160)}` };
  };
  // Queries below filter by the course and keep the bench's learners in memory (no IN lists of a thousand).
  const learnerIds = new Set(users.slice(WARMUP).map((u) => u.id));
  const allKeys = new Map((await db.question.findMany({ where: { courseId: COURSE, pool: "EXAM" }, select: { id: true, answer: true } })).map((q) => [q.id, keyOf(q.answer)]));

  let startRow: BurstRow, submitRow: BurstRow;
  const checks: Record<string, boolean | number> = {};
  const unloadedMedianMs: Record<string, number> = {};
  try {
    // Warm-up (JIT, pools, the pages' code): each warm-up learner starts, resumes, saves, submits twice,
    // one request at a time: the second half's timings are the unloaded latencies.
    const unloaded: Record<"start" | "save" | "submit", number[]> = { start: [], save: [], submit: [] };
    const timed = async <T,>(op: keyof typeof unloaded, k: number, work: () => Promise<T>) => {
      const t = performance.now();
      const out = await work();
      if (k >= WARMUP / 2) unloaded[op].push(performance.now() - t);
      return out;
    };
    for (const [k, w] of warm.entries()) {
      const s = await timed("start", k, () => start(w.cookie));
      if (!s.ok) throw new Error(`warm-up start failed: ${s.detail}`);
      const again = await start(w.cookie);
      if (again.attemptId !== s.attemptId) throw new Error("a second start did not resume the attempt in progress");
      const attempt = await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId! }, select: { paper: true } });
      const item = (attempt.paper as PaperItem[])[0]!;
      const saved = await timed("save", k, () => save(w.cookie, s.attemptId!, item.questionId, item.type === "true_false" ? ["T"] : [item.options[0]!]));
      if (!saved.ok) throw new Error(`warm-up save failed: ${saved.detail}`);
      const first = await timed("submit", k, () => submit(w.cookie, s.attemptId!));
      const second = await submit(w.cookie, s.attemptId!);
      if (!first.ok || !second.ok || first.score !== second.score) throw new Error(`warm-up submit failed: ${first.detail ?? second.detail ?? "scores differ"}`);
    }
    for (const [op, list] of Object.entries(unloaded)) unloadedMedianMs[op] = Math.round(pct(list.sort((a, b) => a - b), 0.5) * 10) / 10;
    console.error(`  warm-up: ${WARMUP} learners started, saved and submitted; one at a time (median): ${Object.entries(unloadedMedianMs).map(([op, ms]) => `${op} ${ms} ms`).join(", ")}`);

    // Burst 1: every learner starts, evenly over LEARNERS / START_RATE seconds.
    const startSeconds = LEARNERS / START_RATE;
    freshConnections();
    const cpu0 = cpuMs(app.process.pid);
    const started = await burst(LEARNERS, startSeconds, (i) => start(learners[i]!.cookie));
    const cpu1 = cpuMs(app.process.pid);
    startRow = row("start", started, startSeconds, GOALS.start, cpu0 === null || cpu1 === null ? null : cpu1 - cpu0);
    console.error(`  start: ${startRow.ok}/${startRow.requests} ok, p50 ${startRow.p50} ms, p99 ${startRow.p99} ms, max ${startRow.max} ms`);
    const attempts = started.map((r, i) => ({ ...learners[i]!, attemptId: r.attemptId }));

    // Between the bursts, untimed: a few answers per attempt through the save action, and for every
    // other learner the rest of the paper answered right in the database (so they pass).
    const stored = (await db.examAttempt.findMany({ where: { courseId: COURSE }, select: { id: true, userId: true, paper: true } })).filter((a) => learnerIds.has(a.userId));
    const papers = new Map(stored.map((a) => [a.id, a.paper as PaperItem[]]));
    // A start that failed on the client's side (timed out) may have stored its attempt: go on with it.
    const attemptOf = new Map(stored.map((a) => [a.userId, a.id]));
    for (const a of attempts) a.attemptId ??= attemptOf.get(a.id);
    let saveErrors = 0;
    freshConnections();
    await pool(attempts, 16, async (a, i) => {
      if (!a.attemptId) return;
      const paper = papers.get(a.attemptId)!;
      for (const item of paper.slice(0, SAVES_PER_ATTEMPT)) {
        const key = allKeys.get(item.questionId)!;
        const chosen = i % 2 === 0 ? key : item.type === "true_false" ? [key[0] === "T" ? "F" : "T"] : [item.options.find((o) => !key.includes(o))!];
        if (!(await save(a.cookie, a.attemptId, item.questionId, chosen)).ok) saveErrors++;
      }
    });
    const now = new Date();
    const rest = attempts.flatMap((a, i) =>
      a.attemptId && i % 2 === 0 ? papers.get(a.attemptId)!.slice(SAVES_PER_ATTEMPT).map((item) => ({ attemptId: a.attemptId!, questionId: item.questionId, chosen: allKeys.get(item.questionId)!, savedAt: now })) : [],
    );
    for (let s = 0; s < rest.length; s += 2_000) await db.examAnswer.createMany({ data: rest.slice(s, s + 2_000) });
    console.error(`  saved ${SAVES_PER_ATTEMPT} answers per attempt through the action (${saveErrors} errors); ${rest.length} more right answers written for half of the learners`);
    checks.saveErrors = saveErrors;

    // Burst 2: every learner submits, evenly over LEARNERS / SUBMIT_RATE seconds.
    const submitSeconds = LEARNERS / SUBMIT_RATE;
    freshConnections();
    const cpu2 = cpuMs(app.process.pid);
    const submitted = await burst(LEARNERS, submitSeconds, (i) => (attempts[i]!.attemptId ? submit(attempts[i]!.cookie, attempts[i]!.attemptId!) : Promise.resolve({ ok: false, detail: "no attempt" })));
    const cpu3 = cpuMs(app.process.pid);
    submitRow = row("submit", submitted, submitSeconds, GOALS.submit, cpu2 === null || cpu3 === null ? null : cpu3 - cpu2);
    console.error(`  submit: ${submitRow.ok}/${submitRow.requests} ok, p50 ${submitRow.p50} ms, p99 ${submitRow.p99} ms, max ${submitRow.max} ms`);

    // A second submit of a tenth of the attempts, all at once: the same grade back, nothing regraded.
    const sample = attempts.filter((a, i) => a.attemptId && i % 10 === 0);
    const before = new Map((await db.examAttempt.findMany({ where: { id: { in: sample.map((a) => a.attemptId!) } }, select: { id: true, submittedAt: true, score: true } })).map((a) => [a.id, a]));
    freshConnections();
    const resubmits = await Promise.all(sample.map((a) => submit(a.cookie, a.attemptId!)));
    const after = await db.examAttempt.findMany({ where: { id: { in: sample.map((a) => a.attemptId!) } }, select: { id: true, submittedAt: true, score: true } });
    checks.resubmitSameGrade =
      resubmits.every((r, k) => r.ok && r.score === submitted[attempts.indexOf(sample[k]!)]!.score) &&
      after.every((a) => before.get(a.id)?.submittedAt?.getTime() === a.submittedAt?.getTime() && before.get(a.id)?.score === a.score);

    // The database: one attempt per learner with a full paper, graded once, certificates per pass.
    const rows = (
      await db.examAttempt.findMany({
        where: { courseId: COURSE },
        select: { id: true, userId: true, status: true, paper: true, score: true, passed: true, submittedBy: true, submittedAt: true, deadline: true },
      })
    ).filter((r) => learnerIds.has(r.userId));
    const rowIds = new Set(rows.map((r) => r.id));
    const answers = (await db.examAnswer.findMany({ where: { attempt: { courseId: COURSE } }, select: { attemptId: true, questionId: true, chosen: true, correct: true } })).filter((a) => rowIds.has(a.attemptId));
    const byAttempt = new Map<string, typeof answers>();
    for (const a of answers) (byAttempt.get(a.attemptId) ?? byAttempt.set(a.attemptId, []).get(a.attemptId)!).push(a);
    const certificates = (await db.certificate.findMany({ where: { courseId: COURSE }, select: { userId: true, attemptId: true } })).filter((c) => learnerIds.has(c.userId));
    const certsByUser = new Map<string, number>();
    for (const c of certificates) certsByUser.set(c.userId, (certsByUser.get(c.userId) ?? 0) + 1);
    const responseScore = new Map(attempts.map((a, i) => [a.attemptId, submitted[i]!.score]));
    let paperOk = 0, gradedOk = 0, marksOk = 0, certOk = 0, responseOk = 0;
    for (const r of rows) {
      const paper = r.paper as PaperItem[];
      const count = (t: string) => paper.filter((p) => p.type === t).length;
      if (paper.length === paperSize && new Set(paper.map((p) => p.questionId)).size === paperSize && count("single") === want.single && count("multiple") === want.multiple && count("true_false") === want.true_false) paperOk++;
      const saved = byAttempt.get(r.id) ?? [];
      const regrade = gradePaper(paper, new Map(saved.map((a) => [a.questionId, a.chosen as string[]])), allKeys, exam);
      if (r.status === "SUBMITTED" && r.submittedBy === "LEARNER" && r.submittedAt && r.score === regrade.score && r.passed === regrade.passed) gradedOk++;
      const right = new Set(regrade.items.filter((x) => x.correct).map((x) => x.questionId));
      if (saved.every((a) => a.correct === right.has(a.questionId))) marksOk++;
      if ((certsByUser.get(r.userId) ?? 0) === (r.passed ? 1 : 0)) certOk++;
      if (responseScore.get(r.id) === r.score) responseOk++;
    }
    Object.assign(checks, {
      attempts: rows.length,
      attemptsOnePerLearner: new Set(rows.map((r) => r.userId)).size === LEARNERS && rows.length === LEARNERS,
      papersOfRightSize: paperOk,
      gradedOnceMatchingRegrade: gradedOk,
      answersMarked: marksOk,
      passed: rows.filter((r) => r.passed).length,
      certificates: certificates.length,
      certificatePerPassOnly: certOk === rows.length && new Set(certificates.map((c) => c.attemptId)).size === certificates.length,
      responseScoreEqualsStored: responseOk,
      inProgressLeft: rows.filter((r) => r.status === "IN_PROGRESS").length,
    });
  } finally {
    await app.stop();
    agent.destroy();
    await db.$disconnect();
  }

  const allChecks =
    checks.attemptsOnePerLearner === true &&
    checks.papersOfRightSize === LEARNERS &&
    checks.gradedOnceMatchingRegrade === LEARNERS &&
    checks.answersMarked === LEARNERS &&
    checks.certificatePerPassOnly === true &&
    checks.responseScoreEqualsStored === LEARNERS &&
    checks.inProgressLeft === 0 &&
    checks.resubmitSameGrade === true &&
    checks.saveErrors === 0;
  const summary = { provider, quick, learners: LEARNERS, course: COURSE, paperSize, bursts: [startRow, submitRow], unloadedMedianMs, checks, checksPassed: allChecks, goalsMet: startRow.met && submitRow.met && allChecks };
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(summary, null, 2));
  console.log(markdown(summary));
  if (!allChecks) process.exitCode = 1;
}

type Summary = { provider: string; quick: boolean; learners: number; course: string; paperSize: number; bursts: BurstRow[]; unloadedMedianMs: Record<string, number>; checks: Record<string, boolean | number>; checksPassed: boolean; goalsMet: boolean };

export function markdown(s: Summary): string {
  const name = { start: "start (draw the paper, open the attempt)", submit: "submit (grade, certificate on a pass)" };
  const lines = [
    `### Exam bursts — ${s.provider}${s.quick ? " (quick)" : ""}: ${s.learners} learners, course ${s.course} (${s.paperSize} questions a paper)`,
    "",
    "| burst | requests | over | rate/s | ok | errors | p50 ms | p90 ms | p99 ms | max ms | goal p99 | met | server CPU ms/request |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|---:|",
    ...s.bursts.map(
      (b) =>
        `| ${name[b.burst]} | ${b.requests} | ${b.seconds} s | ${b.rate} | ${b.ok} | ${b.errors} | ${b.p50} | ${b.p90} | ${b.p99} | ${b.max} | ≤ ${b.goalP99} | ${b.met ? "yes" : "**no**"} | ${b.cpuMsPerRequest ?? "–"} |`,
    ),
    "",
    "Latency runs from each request's scheduled send time to its last byte (fixed arrivals).",
    `Client send lag (max): ${s.bursts.map((b) => `${b.burst} ${b.maxSendLag} ms`).join(", ")}.`,
    `One request at a time (warm-up, median): ${Object.entries(s.unloadedMedianMs).map(([op, ms]) => `${op} ${ms} ms`).join(", ")}.`,
    ...s.bursts.filter((b) => b.errorSamples.length).map((b) => `Errors (${b.burst}): ${b.errorSamples.map((e) => `\`${e.replace(/\|/g, "\\|").slice(0, 200)}\``).join("; ")}`),
    "",
    "| check (database after the bursts) | value |",
    "|---|---:|",
    ...Object.entries(s.checks).map(([k, v]) => `| ${k} | ${v} |`),
    "",
    `Checks ${s.checksPassed ? "passed" : "**FAILED**"}; goals ${s.goalsMet ? "met" : "**not met**"}.`,
  ];
  return lines.join("\n");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
