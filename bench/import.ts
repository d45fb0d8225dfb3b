// Roster import at scale (issue 8, item 4: 100,000 rows in ≤ 60 s with peak memory ≤ 1 GiB):
//   npx tsx --conditions react-server bench/import.ts --db sqlite|postgresql [--rows 100000] [--quick] [--http]
// (--quick = 10,000 rows). `--conditions react-server` lets server-only modules load.
// With --http (run it as BENCH_DIST=.next-import … so that it has a build of its own): the same phases
// through the route handlers of a production server (`next start`), measuring that server's peak RSS
// (VmHWM of its processes) instead of this process's.
//
// A fresh database (bench/lib/server.ts) with content and the demo accounts; a generated roster in the
// template's format (fictional names, the positions of content/reference/positions.yaml, valid resident ID
// numbers for most rows, dates in the formats people type), written with exceljs's streaming writer with
// shared strings as Excel writes them. Then the real import path, in this process, as the demo enterprise
// admin (an enterprise admin imports their enterprise's staff; the one big enterprise is the demo's):
//   1. the file with a few hundred bad rows mixed in: checked, every bad row reported, nothing kept;
//   2. the corrected file (the bad rows removed): checked and staged (previewImport, what
//      POST /api/rosters/imports calls);
//   3. its commit (commitImport, what POST /api/rosters/imports/<id>/commit calls);
//   4. the same file checked again as a full roster (everyone matched, nothing to write), for reference.
// The goal counts 2 + 3. Peak memory is this process's maxRSS (the file is generated, and the database
// set up, before the baseline is taken). Then it checks that the rows written equal the file's valid rows.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { residentIdCheckDigit } from "@/lib/identifiers";
import { benchBuild, benchDatabase, providerArg, ROOT, signIn, startApp } from "./lib/server";

const ENTERPRISE_ADMIN = "13800000003"; // the demo enterprise admin (features/demo/seed.ts)
const DEMO_PASSWORD = "Demo2026!";
const NOW = new Date("2026-11-23T04:00:00Z");
const PASSWORD = "Initial-2026";

const POSITIONS = [
  // [name, code, weight]: most staff are frontline team leaders and workers in accident-prone posts.
  ["一线班组长", "TEAM_LEADER", 30],
  ["工伤事故频发岗位作业人员", "ACCIDENT_PRONE_WORKER", 35],
  ["接触职业病危害因素劳动者", "OCC_HAZARD_WORKER", 15],
  ["专职安全管理人员", "FULLTIME_SAFETY_MANAGER", 8],
  ["新开工建设项目安全管理人员", "PROJECT_SAFETY_STAFF", 4],
  ["重大危险源包保责任人", "MAJOR_HAZARD_RESPONSIBLE", 3],
  ["安全管理部门主要负责人", "SAFETY_DEPT_HEAD", 3],
  ["安全生产分管负责人", "SAFETY_EXECUTIVE", 1],
  ["主要负责人", "PRINCIPAL_HEAD", 1],
] as const;
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文斌玉兰宇浩凯鹏飞俊峰婷雪琳晨阳辉鑫欣怡佳思子涵梓轩";
const REGIONS = ["510402", "510403", "510411", "510421", "510422", "513401", "510104", "500101"];

/** A small deterministic PRNG (mulberry32): the same file every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Cell = string | Date | null;
const HEADER = ["姓名", "手机号", "身份证号（选填）", "岗位类别", "入职日期（选填）", "离职日期（选填）"];

/** Row i of the roster: distinct mobile and ID number for every i. */
function goodRow(i: number, rand: () => number): Cell[] {
  const name = SURNAMES[i % SURNAMES.length]! + GIVEN[Math.floor(rand() * GIVEN.length)]! + (rand() < 0.6 ? GIVEN[Math.floor(rand() * GIVEN.length)]! : "");
  // 1[5-9] + a permutation of 0..10^9-1 (104729 is prime, coprime with 10^9): never a demo account's 138….
  const mobile = `1${5 + (i % 5)}${String((i * 104_729 + 12_345_678) % 1_000_000_000).padStart(9, "0")}`;
  let id = "";
  if (rand() < 0.7) {
    const region = REGIONS[i % REGIONS.length]!;
    const rest = Math.floor(i / REGIONS.length);
    const seq = rest % 1000;
    const dayIndex = (Math.floor(rest / 1000) * 1103 + seq * 13) % 14_000; // distinct (day, seq) per i
    const birth = new Date(Date.UTC(1966, 0, 1) + dayIndex * 86_400_000).toISOString().slice(0, 10).replace(/-/g, "");
    const first17 = `${region}${birth}${String(seq).padStart(3, "0")}`;
    id = first17 + residentIdCheckDigit(first17);
  }
  let w = rand() * 100;
  const position = POSITIONS.find(([, , weight]) => (w -= weight) < 0) ?? POSITIONS[0];
  const positionCell = rand() < 0.05 ? position[1] : position[0];
  const hired = new Date(Date.UTC(2005, 0, 1) + Math.floor(rand() * 7_600) * 86_400_000);
  const r = rand();
  const [y, m, d] = [hired.getUTCFullYear(), hired.getUTCMonth() + 1, hired.getUTCDate()];
  const hiredCell: Cell = r < 0.1 ? null : r < 0.5 ? hired : r < 0.8 ? `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` : r < 0.95 ? `${y}/${m}/${d}` : `${y}年${m}月${d}日`;
  const left = rand() < 0.02 && hiredCell ? new Date(Math.min(hired.getTime() + Math.floor(rand() * 3000) * 86_400_000, Date.UTC(2026, 9, 31))) : null;
  return [name, mobile, id, positionCell, hiredCell, left];
}

/** A bad row of each kind the importer reports, in turn; `earlier` is a good row above it. */
function badRow(k: number, earlier: Cell[]): { cells: Cell[]; problem: string } {
  switch (k % 6) {
    case 0:
      return { cells: ["错号码", `1${String(k).padStart(6, "0")}`, "", "一线班组长", "", null], problem: "mobile" };
    case 1: {
      const first17 = `510402198807${String(10 + (k % 18)).padStart(2, "0")}${String(k % 1000).padStart(3, "0")}`;
      const digit = residentIdCheckDigit(first17);
      return { cells: ["错证号", `1990${String(k).padStart(7, "0")}`, first17 + (digit === "1" ? "2" : "1"), "一线班组长", "", null], problem: "id.checkDigit" };
    }
    case 2:
      return { cells: ["错岗位", `1991${String(k).padStart(7, "0")}`, "", "厨师", "", null], problem: "position" };
    case 3:
      return { cells: ["重复者", earlier[1]!, "", "一线班组长", "", null], problem: "duplicateInFile" };
    case 4:
      return { cells: ["错日期", `1992${String(k).padStart(7, "0")}`, "", "一线班组长", "2021-02-30", null], problem: "date" };
    default:
      return { cells: ["", `1993${String(k).padStart(7, "0")}`, "", "一线班组长", "", null], problem: "required" };
  }
}

/** Writes the clean file and the one with bad rows mixed in (streaming, shared strings like Excel). */
async function generate(rows: number, bad: number, dir: string) {
  const clean = path.join(dir, `bench-import-${rows}.xlsx`);
  const withBad = path.join(dir, `bench-import-${rows}-bad.xlsx`);
  const writers = [clean, withBad].map((filename) => {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useSharedStrings: true, useStyles: true });
    const sheet = book.addWorksheet("花名册");
    sheet.columns = HEADER.map((h, i) => ({ header: h, width: i === 2 ? 24 : 16, style: i === 1 || i === 2 ? { numFmt: "@" } : i >= 4 ? { numFmt: "yyyy-mm-dd" } : {} }));
    return { book, sheet };
  });
  const rand = prng(8);
  const every = Math.floor(rows / bad);
  const expected: { line: number; problem: string }[] = [];
  let badLine = 2;
  let k = 0;
  for (let i = 0; i < rows; i++) {
    const cells = goodRow(i, rand);
    writers[0]!.sheet.addRow(cells).commit();
    writers[1]!.sheet.addRow(cells).commit();
    badLine++;
    if (i % every === every - 1 && k < bad) {
      const b = badRow(k++, cells);
      writers[1]!.sheet.addRow(b.cells).commit();
      expected.push({ line: badLine++, problem: b.problem });
    }
  }
  for (const w of writers) {
    w.sheet.commit();
    await w.book.commit();
  }
  return { clean, withBad, expected };
}

const mib = (kib: number) => kib / 1024;

/** A port nothing listens on (another benchmark's server may hold a fixed one, and answer its health check). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The server's process and its descendants (next start runs the server in a child process). */
function serverProcesses(root: number): number[] {
  const parents = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parents.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/** A /proc/<pid>/status figure (kB) summed over processes, in MiB. */
function sumStatus(pids: number[], field: "VmRSS" | "VmHWM"): number {
  let kib = 0;
  for (const pid of pids) {
    try {
      kib += Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // the process ended
    }
  }
  return mib(kib);
}
const maxRss = () => mib(process.resourceUsage().maxRSS);
const rss = () => process.memoryUsage().rss / 1024 / 1024;

/** Stops the server of --http, once started. */
let stopApp = async () => {};

async function main() {
  const { values } = parseArgs({ options: { db: { type: "string" }, rows: { type: "string" }, quick: { type: "boolean", default: false }, generate: { type: "boolean", default: false }, http: { type: "boolean", default: false } }, strict: true });
  const rows = Number(values.rows ?? (values.quick ? 10_000 : 100_000));
  const bad = Math.max(30, Math.round(rows * 0.003));
  const dir = path.join(ROOT, "tests/.tmp");
  const expectedFile = path.join(dir, `bench-import-${rows}.expected.json`);
  if (values.generate) {
    writeFileSync(expectedFile, JSON.stringify(await generate(rows, bad, dir)));
    return;
  }
  const provider = providerArg(["--db", values.db ?? "sqlite"]);

  const setupStarted = performance.now();
  const database = await benchDatabase(provider, "import");
  // The files are written by a child process, so that their generation does not count in this one's peak.
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, "--generate", "--rows", String(rows)], { stdio: "inherit" });
  if (child.status !== 0) throw new Error("generating the files failed");
  const files = JSON.parse(readFileSync(expectedFile, "utf8")) as Awaited<ReturnType<typeof generate>>;
  const { db } = await import("@/lib/db");
  const { findSessionUser } = await import("@/features/accounts/data");
  const data = await import("@/features/rosters/data");

  const admin = await db.user.findUniqueOrThrow({ where: { mobile: ENTERPRISE_ADMIN }, select: { id: true } });
  const user = (await findSessionUser(admin.id))!;
  const enterpriseId = user.enterpriseId!;
  const staff = () => db.user.count({ where: { enterpriseId, role: "LEARNER" } });
  const before = await staff();

  type Preview = Awaited<ReturnType<typeof data.previewImport>>;
  type Committed = Awaited<ReturnType<typeof data.commitImport>>;
  let previewImport = (bytes: Buffer, fullRoster: boolean): Promise<Preview> => data.previewImport(user, { kind: "STAFF", fileName: "花名册.xlsx", bytes, fullRoster }, NOW);
  let commitImport = (id: string): Promise<Committed> => data.commitImport(user, id, PASSWORD, NOW);
  let measured = { label: "this process", rss, maxRss };
  if (values.http) {
    // The route handlers of a production server; "now" is the server's clock there.
    benchBuild();
    const app = await startApp({ port: await freePort(), databaseUrl: database.url });
    stopApp = app.stop; // also when a phase fails (main's catch)
    const cookie = await signIn(app.url, ENTERPRISE_ADMIN, DEMO_PASSWORD);
    const call = async <T>(path: string, init: RequestInit): Promise<T> => {
      const res = await fetch(`${app.url}${path}`, { ...init, headers: { ...init.headers, cookie, origin: app.url } }); // same-origin, as the browser's upload (lib/csrf.ts)
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    previewImport = (bytes, fullRoster) => {
      const form = new FormData();
      form.set("file", new Blob([new Uint8Array(bytes)]), "花名册.xlsx");
      form.set("kind", "STAFF");
      form.set("fullRoster", String(fullRoster));
      return call<Preview>("/api/rosters/imports", { method: "POST", body: form });
    };
    commitImport = (id) =>
      call<Committed>(`/api/rosters/imports/${id}/commit`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ initialPassword: PASSWORD, confirmPassword: PASSWORD }) });
    const tree = serverProcesses(app.process.pid!);
    measured = {
      label: `the server (next start, pid ${tree.join(", ")}; VmRSS / VmHWM of /proc/<pid>/status, summed over its processes)`,
      rss: () => sumStatus(tree, "VmRSS"),
      maxRss: () => sumStatus(tree, "VmHWM"),
    };
  }
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  global.gc?.();
  const baseline = { rss: measured.rss(), maxRss: measured.maxRss() };
  const phases: { phase: string; seconds: number; maxRss: number; note: string }[] = [];
  const timed = async <T>(phase: string, run: () => Promise<T>, note: (r: T) => string) => {
    const t = performance.now();
    const result = await run();
    phases.push({ phase, seconds: (performance.now() - t) / 1000, maxRss: measured.maxRss(), note: note(result) });
    return result;
  };

  // 1. The file with bad rows: reported, nothing kept. (The route reads the upload into a Buffer too.)
  const rejected = await timed(
    "check file with bad rows",
    () => previewImport(readFileSync(files.withBad), false),
    (p) => `${p.status}, ${p.summary.bad} bad rows reported, ${JSON.stringify(p).length.toLocaleString("en")} bytes of JSON`,
  );
  const got = rejected.problems.map((p) => `${p.line}:${p.problem}`);
  const want = files.expected.map((p) => `${p.line}:${p.problem}`);
  if (rejected.status !== "DISCARDED" || JSON.stringify(got) !== JSON.stringify(want)) {
    const extra = got.filter((g) => !want.includes(g));
    const missing = want.filter((w) => !got.includes(w));
    throw new Error(`bad rows reported (${got.length}) ≠ bad rows in the file (${want.length}): not expected ${extra.slice(0, 10).join(", ")}; missing ${missing.slice(0, 10).join(", ")}`);
  }
  if ((await staff()) !== before) throw new Error("a file with bad rows changed the roster");

  // 2 + 3. The corrected file: checked and staged, then committed.
  const preview = await timed(
    "check + stage clean file",
    () => previewImport(readFileSync(files.clean), false),
    (p) => `${p.status}, create ${p.summary.create}, bad ${p.summary.bad}`,
  );
  if (preview.status !== "PREVIEW" || preview.summary.create !== rows) throw new Error(`expected ${rows} rows to create, got ${JSON.stringify(preview.summary)}`);
  const done = await timed(
    "commit",
    () => commitImport(preview.id),
    (r) => `${r.status}, created ${r.summary.create}`,
  );

  // 4. The same file again (a monthly re-upload): every row matched to its person, nothing to write.
  const again = await timed(
    "re-check same file (after the goal's figures)",
    () => previewImport(readFileSync(files.clean), true),
    (p) => `${p.status}, unchanged ${p.summary.unchanged}, create ${p.summary.create}, leave ${p.summary.leave}`,
  );
  if (again.summary.unchanged !== rows) throw new Error(`re-check: expected ${rows} unchanged, got ${JSON.stringify(again.summary)}`);

  const after = await staff();
  const mustChange = await db.user.count({ where: { enterpriseId, role: "LEARNER", mustChangePassword: true } });
  const withId = await db.user.count({ where: { enterpriseId, role: "LEARNER", idNumberHash: { not: null } } });
  const ok = after - before === rows && done.summary.create === rows && mustChange >= rows;

  const size = (f: string) => `${(statSync(f).size / 1024 / 1024).toFixed(1)} MiB`;
  const importSeconds = phases[1]!.seconds + phases[2]!.seconds;
  const peak = phases[2]!.maxRss; // maxRSS is a high-water mark: after the commit it covers phases 1–3
  console.log(`\n### Roster import, ${rows.toLocaleString("en")} rows, ${provider} (${new Date().toISOString()})\n`);
  console.log(`Files: clean ${size(files.clean)}, with ${files.expected.length} bad rows ${size(files.withBad)}. Set-up (database, content, demo, files) ${setupSeconds.toFixed(1)} s.`);
  console.log(
    values.http
      ? `Through HTTP: POST /api/rosters/imports and /api/rosters/imports/<id>/commit of a production build, signed in as the demo enterprise admin. Memory is ${measured.label}. Baseline before the import: RSS ${baseline.rss.toFixed(0)} MiB, peak so far ${baseline.maxRss.toFixed(0)} MiB.\n`
      : `In process: previewImport and commitImport (what the route handlers call) run in this process, as the demo enterprise admin; memory is this process's. Baseline before the import: RSS ${baseline.rss.toFixed(0)} MiB, maxRSS so far ${baseline.maxRss.toFixed(0)} MiB.\n`,
  );
  console.log(`| phase | wall time | ${values.http ? "server VmHWM" : "maxRSS"} after | result |`);
  console.log("|---|---:|---:|---|");
  for (const p of phases) console.log(`| ${p.phase} | ${p.seconds.toFixed(1)} s | ${p.maxRss.toFixed(0)} MiB | ${p.note} |`);
  console.log(`| **import (check + stage + commit)** | **${importSeconds.toFixed(1)} s** | **${peak.toFixed(0)} MiB** | goal ≤ 60 s, ≤ 1024 MiB: ${importSeconds <= 60 && peak <= 1024 ? "met" : "NOT met"} |`);
  console.log(`\nVerified: ${after - before} learners written, ${rows} valid rows in the file: ${ok ? "equal" : "MISMATCH"} (all with a password change at first login; ${withId} of the enterprise's learners with a hashed ID number).`);
  await stopApp();
  stopApp = async () => {};
  await db.$disconnect();
  // PostgreSQL's database stays (bench_import_postgresql, replaced by the next run): dropping it WITH
  // (FORCE) ends connections the adapter's pool still holds, which then fails this process.
  if (provider === "sqlite") await database.drop();
  if (!ok) process.exitCode = 1;
}

main().catch(async (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
  await stopApp();
});
