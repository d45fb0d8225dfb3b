// Retention (issue 9, item 6) against a real database: with a setting of 3 years, rows just outside the
// window are removed and rows just inside stay, for every kind; a person who left 4 years ago is
// anonymised (and can no longer sign in) while their class hours, certificates and roster dates stay; one
// who left 2 years ago is untouched; a dry run writes nothing; a setting below 3 is refused.
//
// The run's database is shared with the other test files, whose rows are dated 2026: this file's clock is
// set in 2012, so that only its own rows are ever old enough to be removed.
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/features/accounts/password";
import { verifyLogin } from "@/features/accounts/login";
import { findSessionUser } from "@/features/accounts/data";
import { ANONYMISED_MOBILE_PREFIX, ANONYMISED_NAME, PREVIEW_EXPIRY_DAYS, RETENTION_KINDS, retentionCutoff, runRetention } from "@/features/privacy/retention";
import { db } from "@/lib/db";
import { loadDemo } from "./support";

const NOW = new Date("2012-06-01T04:00:00Z");
const YEARS = 3;
const CUTOFF = retentionCutoff(NOW, YEARS); // 2009-06-01T04:00:00Z
const MINUTE = 60_000;
const DAY = 86_400_000;
const before = (ms: number) => new Date(CUTOFF.getTime() - ms);
const after = (ms: number) => new Date(CUTOFF.getTime() + ms);
const yearsAgo = (n: number) => new Date(Date.UTC(NOW.getUTCFullYear() - n, NOW.getUTCMonth(), NOW.getUTCDate()) - 8 * 3_600_000); // a Beijing day start
const PASSWORD = "Retention-2008!";
const COURSE = "lj-panxi-fantai";
const TAG = "retention-test";

type Person = { id: string; mobile: string };
const people: Record<"leftFourYearsAgo" | "leftJustOutside" | "leftJustInside" | "leftTwoYearsAgo" | "current", Person> = {} as never;
const ids = { loginOld: "", loginNew: "", loginOfLeaver: "", beatOld: "", beatNew: "", auditOld: "", auditNew: "", importOld: "", importNew: "", previewExpired: "", previewFresh: "", certOld: "", certNew: "" };

async function person(n: number, leftOn: Date | null, passwordHash: string): Promise<Person> {
  const mobile = `1776601${String(n).padStart(4, "0")}`;
  const vt = await db.enterprise.findFirstOrThrow({ where: { name: { startsWith: "攀西钒钛" } }, select: { id: true } });
  return db.user.create({
    data: {
      mobile,
      name: `留存测试${n}`,
      role: "LEARNER",
      passwordHash,
      enterpriseId: vt.id,
      positionCode: "TEAM_LEADER",
      hiredOn: new Date("2001-03-01T00:00:00+08:00"),
      leftOn,
      idNumberHash: `${TAG}-hash-${n}-${randomBytes(4).toString("hex")}`,
      idNumberMasked: `5104**********${String(n).padStart(4, "0")}`,
    },
    select: { id: true, mobile: true },
  });
}

// A preview's kept rows as features/rosters/data.ts packs them (gzipped JSON in base64).
const packedRows = { v: 2, gzip: gzipSync(JSON.stringify({ planned: [[2, "留存测试6", "17766019999", null, null, "TEAM_LEADER", null, null, null, null, "create", null, "x"]], leave: [] })).toString("base64") };

beforeAll(async () => {
  await loadDemo();
  const hash = await hashPassword(PASSWORD);
  people.leftFourYearsAgo = await person(1, yearsAgo(4), hash);
  people.leftJustOutside = await person(2, before(DAY), hash);
  people.leftJustInside = await person(3, after(DAY), hash);
  people.leftTwoYearsAgo = await person(4, yearsAgo(2), hash);
  people.current = await person(5, null, hash);

  const login = (mobile: string, createdAt: Date, userId: string | null = null) => db.loginAttempt.create({ data: { userId, mobile, ip: "192.0.2.1", success: false, createdAt }, select: { id: true } });
  ids.loginOld = (await login(TAG, before(MINUTE))).id;
  ids.loginNew = (await login(TAG, after(MINUTE))).id;
  ids.loginOfLeaver = (await login(people.leftFourYearsAgo.mobile, after(DAY * 300), people.leftFourYearsAgo.id)).id;

  await db.rateLimitWindow.create({ data: { key: `${TAG}:old`, windowStart: before(MINUTE), count: 3 } });
  await db.rateLimitWindow.create({ data: { key: `${TAG}:new`, windowStart: after(MINUTE), count: 3 } });

  const lesson = await db.lesson.findFirstOrThrow({ where: { courseId: COURSE }, orderBy: { position: "asc" }, select: { id: true } });
  const beat = (userId: string, seq: number, receivedAt: Date) =>
    db.heartbeat.create({ data: { userId, lessonId: lesson.id, tabId: TAG, seq, position: 0, claimedSeconds: 15, creditedSeconds: 15, receivedAt }, select: { id: true } });
  ids.beatOld = (await beat(people.leftFourYearsAgo.id, 1, before(MINUTE))).id;
  ids.beatNew = (await beat(people.leftFourYearsAgo.id, 2, after(MINUTE))).id;
  // The leaver's class hours and completion: records, kept whatever their age.
  await db.lessonProgress.create({ data: { userId: people.leftFourYearsAgo.id, lessonId: lesson.id, courseId: COURSE, creditedSeconds: 900, completedAt: new Date("2007-05-01T00:00:00Z"), createdAt: new Date("2007-05-01T00:00:00Z") } });
  await db.courseCompletion.create({ data: { userId: people.leftFourYearsAgo.id, courseId: COURSE, creditedSeconds: 4200, completedAt: new Date("2007-05-02T00:00:00Z") } });
  const cert = (cycle: number, issuedAt: Date) =>
    db.certificate.create({
      data: { code: `RT${randomBytes(6).toString("hex").toUpperCase()}`, userId: people.leftFourYearsAgo.id, courseId: COURSE, cycle, holderName: "留存测试1", courseTitle: "钒钛冶炼定制课程", classHours: 2, issuer: "攀枝花市人社局", issuedAt },
      select: { id: true },
    });
  ids.certOld = (await cert(0, new Date("2007-05-03T00:00:00Z"))).id;
  // Issued after the cut-off (a re-certification the year they left): keeps the name until it too is old.
  ids.certNew = (await cert(1, after(DAY))).id;

  const audit = (at: Date) => db.auditEvent.create({ data: { at, actorRole: "ADMIN", action: TAG, detail: { note: TAG } }, select: { id: true } });
  ids.auditOld = (await audit(before(MINUTE))).id;
  ids.auditNew = (await audit(after(MINUTE))).id;

  const rosterImport = (status: "COMMITTED" | "PREVIEW", createdAt: Date) =>
    db.rosterImport.create({
      data: { kind: "STAFF", createdById: people.current.id, fileName: `${TAG}.xlsx`, status, rows: status === "PREVIEW" ? packedRows : { planned: [], leave: [] }, problems: [], summary: {}, createdAt },
      select: { id: true },
    });
  ids.importOld = (await rosterImport("COMMITTED", before(MINUTE))).id;
  ids.importNew = (await rosterImport("COMMITTED", after(MINUTE))).id;
  const previewCutoff = NOW.getTime() - PREVIEW_EXPIRY_DAYS * DAY;
  ids.previewExpired = (await rosterImport("PREVIEW", new Date(previewCutoff - MINUTE))).id;
  ids.previewFresh = (await rosterImport("PREVIEW", new Date(previewCutoff + MINUTE))).id;
});

/** Every row this file made, as stored. */
async function snapshot() {
  const userIds = Object.values(people).map((p) => p.id);
  return {
    users: await db.user.findMany({ where: { id: { in: userIds } }, orderBy: { id: "asc" } }),
    logins: await db.loginAttempt.findMany({ where: { id: { in: [ids.loginOld, ids.loginNew, ids.loginOfLeaver] } }, orderBy: { id: "asc" } }),
    windows: await db.rateLimitWindow.findMany({ where: { key: { startsWith: TAG } }, orderBy: { key: "asc" } }),
    beats: await db.heartbeat.findMany({ where: { tabId: TAG }, orderBy: { seq: "asc" } }),
    audit: await db.auditEvent.findMany({ where: { action: TAG }, orderBy: { at: "asc" } }),
    imports: await db.rosterImport.findMany({ where: { fileName: `${TAG}.xlsx` }, orderBy: { createdAt: "asc" } }),
    certificates: await db.certificate.findMany({ where: { userId: { in: userIds } }, orderBy: { cycle: "asc" } }),
    progress: await db.lessonProgress.findMany({ where: { userId: { in: userIds } } }),
    completions: await db.courseCompletion.findMany({ where: { userId: { in: userIds } } }),
  };
}

const EXPECTED = { rosterPreviews: 1, rosterImports: 1, loginAttempts: 1, rateLimitWindows: 1, heartbeats: 1, auditEvents: 1, leavers: 2, leaverCertificates: 1 };

describe("retention", () => {
  it("a dry run counts what is outside the window and writes nothing", async () => {
    const was = await snapshot();
    const report = await runRetention({ years: YEARS, now: NOW, apply: false });
    expect(report.applied).toBe(false);
    expect(report.cutoff).toEqual(new Date("2009-06-01T04:00:00Z"));
    expect(report.counts).toEqual(EXPECTED);
    expect(await snapshot()).toEqual(was);
  });

  it("--apply removes rows just outside the window and keeps rows just inside, for every kind", async () => {
    const was = await snapshot();
    const report = await runRetention({ years: YEARS, now: NOW, apply: true });
    expect(report.counts).toEqual(EXPECTED);
    const now = await snapshot();
    expect(now.logins.map((l) => l.id).sort()).toEqual([ids.loginNew, ids.loginOfLeaver].sort());
    expect(now.windows.map((w) => w.key)).toEqual([`${TAG}:new`]);
    expect(now.beats.map((b) => b.id)).toEqual([ids.beatNew]);
    expect(now.audit.map((a) => a.id)).toEqual([ids.auditNew]);
    expect(now.imports.map((i) => i.id)).toEqual([ids.importNew, ids.previewExpired, ids.previewFresh]);
    // The expired preview: no rows kept, no longer pending; the fresh one untouched.
    const expired = now.imports.find((i) => i.id === ids.previewExpired)!;
    expect(expired).toMatchObject({ status: "DISCARDED", rows: { planned: [], leave: [] } });
    expect(now.imports.find((i) => i.id === ids.previewFresh)).toEqual(was.imports.find((i) => i.id === ids.previewFresh));
    // Class hours, completions and certificates: all still there.
    expect(now.progress).toEqual(was.progress);
    expect(now.completions).toEqual(was.completions);
    expect(now.certificates.map((c) => c.id)).toEqual([ids.certOld, ids.certNew]);
  });

  it("people who left more than 3 years ago are anonymised and cannot sign in; their records stay", async () => {
    for (const who of [people.leftFourYearsAgo, people.leftJustOutside]) {
      const u = await db.user.findUniqueOrThrow({ where: { id: who.id } });
      expect(u).toMatchObject({ name: ANONYMISED_NAME, mobile: `${ANONYMISED_MOBILE_PREFIX}${who.id}`, idNumberHash: null, idNumberMasked: null });
      expect(u.disabledAt).not.toBeNull();
      // What coverage history rests on stays.
      expect(u).toMatchObject({ role: "LEARNER", positionCode: "TEAM_LEADER", hiredOn: new Date("2001-03-01T00:00:00+08:00") });
      expect(u.leftOn).not.toBeNull();
      // Neither the old mobile nor the placeholder signs in, and no session stays valid.
      expect(await verifyLogin({ mobile: who.mobile, password: PASSWORD, ip: "192.0.2.9" })).toMatchObject({ ok: false });
      expect(await verifyLogin({ mobile: u.mobile, password: PASSWORD, ip: "192.0.2.9" })).toMatchObject({ ok: false });
      expect(await findSessionUser(who.id)).toBeNull();
    }
    // Their login attempts younger than the cut-off stay, without the mobile number.
    const login = await db.loginAttempt.findUniqueOrThrow({ where: { id: ids.loginOfLeaver } });
    expect(login.mobile).toBe(ANONYMISED_MOBILE_PREFIX);
    // The certificate issued before the cut-off no longer names them; the later one does, until it is old.
    const certs = await db.certificate.findMany({ where: { userId: people.leftFourYearsAgo.id }, orderBy: { cycle: "asc" } });
    expect(certs.map((c) => c.holderName)).toEqual([ANONYMISED_NAME, "留存测试1"]);
    expect(certs[0]).toMatchObject({ courseTitle: "钒钛冶炼定制课程", classHours: 2 });
  });

  it("people who left 2 years ago, just inside the window, or are still on the roster are untouched", async () => {
    for (const [n, who] of [[3, people.leftJustInside], [4, people.leftTwoYearsAgo], [5, people.current]] as const) {
      const u = await db.user.findUniqueOrThrow({ where: { id: who.id } });
      expect(u).toMatchObject({ name: `留存测试${n}`, mobile: who.mobile, idNumberMasked: `5104**********${String(n).padStart(4, "0")}`, disabledAt: null });
      expect(u.idNumberHash).not.toBeNull();
      expect(await verifyLogin({ mobile: who.mobile, password: PASSWORD, ip: "192.0.2.10" })).toMatchObject({ ok: true });
    }
  });

  it("a second run finds nothing more", async () => {
    const report = await runRetention({ years: YEARS, now: NOW, apply: true });
    expect(report.counts).toEqual(Object.fromEntries(RETENTION_KINDS.map((k) => [k, 0])));
  });

  it("refuses a setting below 3 years, here and in the environment schema", async () => {
    await expect(runRetention({ years: 2, now: NOW, apply: true })).rejects.toThrow(/at least 3/);
    await expect(runRetention({ years: 2.5, now: NOW, apply: false })).rejects.toThrow(/at least 3/);
    const saved = process.env.RETENTION_YEARS;
    const load = async (value: string | undefined) => {
      if (value === undefined) delete process.env.RETENTION_YEARS;
      else process.env.RETENTION_YEARS = value;
      vi.resetModules();
      return import("@/lib/env");
    };
    try {
      for (const value of ["2", "0", "-3"]) await expect(load(value)).rejects.toThrow(/RETENTION_YEARS must be at least 3: records are kept at least 3 years/);
      for (const value of ["3.5", "three", "2026"]) await expect(load(value)).rejects.toThrow(/RETENTION_YEARS/);
      expect((await load("6")).env.RETENTION_YEARS).toBe(6);
      // Unset: 3, the minimum.
      expect((await load(undefined)).env.RETENTION_YEARS).toBe(3);
    } finally {
      if (saved === undefined) delete process.env.RETENTION_YEARS;
      else process.env.RETENTION_YEARS = saved;
      vi.resetModules();
    }
  });
});
