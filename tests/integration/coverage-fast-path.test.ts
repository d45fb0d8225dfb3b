// The coverage fast path (features/coverage/rollup.ts, issue 8) equals the raw computation
// (coverageReportRaw) field by field, on a generated city of a few thousand staff in varied states, for
// the province, the city and a county, both plan periods — at first (every rollup row missing), and
// after each kind of change: a completion, a direct insert of a staff member, a leaver, a hire date in the
// future passing, a key designation removed, an enterprise moved to another county, time crossing a month
// end, a write landing during a recomputation, and two recomputations at once.
import { beforeAll, describe, expect, it } from "vitest";
import { coverageContext, coverageReport, coverageReportRaw, requiredOf, type CoverageReport } from "@/features/coverage/data";
import * as rollup from "@/features/coverage/rollup";
import { generateCity } from "@/features/demo/city";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/session";
import { loadDemo, sessionOf } from "./support";

const NOW = new Date("2026-11-23T12:00:00+08:00");
const DAY = 86_400_000;
let admin: SessionUser;
let KEY_INDUSTRIES: string[];

beforeAll(async () => {
  await loadDemo();
  // Mobiles 147…: clear of the other files' people in the run's shared database (the roster tests use 150…, 151… and 177…).
  await generateCity(db, { enterprises: 60, staff: 3000, seed: 11, now: NOW, firstMobile: 14_700_000_000 });
  admin = await sessionOf("13800000000");
  KEY_INDUSTRIES = (await db.planPeriodIndustry.findMany({ where: { periodId: "2026-2030" } })).map((i) => i.industryCode);
}, 600_000);

type Untrained = CoverageReport["untrained"][number];
const key = (u: Untrained) => `${u.regionName}|${u.enterpriseName}|${u.name}`;

/** Every field equal; the untrained list as the same people in the same order of (county, enterprise, name). */
function expectSame(fast: CoverageReport, raw: CoverageReport) {
  const { untrained: fu, ...f } = fast;
  const { untrained: ru, ...r } = raw;
  expect(f).toEqual(r);
  expect(fu.map(key)).toEqual(ru.map(key));
  expect(fu.map((u) => u.id).sort()).toEqual(ru.map((u) => u.id).sort());
  expect([...fu].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...ru].sort((a, b) => a.id.localeCompare(b.id)));
}

const REGIONS = ["510000", "510400", "510402"];
const PERIODS = ["2026-2030", "2021-2025"];

async function compareAll(now: Date, regions = REGIONS, periods = PERIODS) {
  for (const regionCode of regions) {
    for (const periodId of periods) {
      const raw = await coverageReportRaw(admin, { regionCode, periodId }, now);
      const fast = await coverageReport(admin, { regionCode, periodId }, now, { untrained: "all" });
      expectSame(fast, raw);
    }
  }
}

/** A key-position person of an in-scope enterprise of 2026–2030 in a county, not trained at NOW. */
async function someUntrained(regionCode = "510402") {
  const raw = await coverageReportRaw(admin, { regionCode, periodId: "2026-2030" }, NOW);
  const u = raw.untrained.find((x) => !x.noCourse)!;
  expect(u).toBeDefined();
  return u;
}

// Each step compares up to six reports of both kinds: more than the default 30 s on a loaded machine.
describe("the fast path equals the raw computation", { timeout: 180_000 }, () => {
  it("on the generated city, with every rollup row missing at first", async () => {
    // Other files of the run may have read a report already: start from nothing.
    await db.coverageRollup.deleteMany();
    await compareAll(NOW);
    const r = await coverageReport(admin, { regionCode: "510400", periodId: "2026-2030" }, NOW);
    // A city of varied states: trained and untrained people, enterprises below target, a rising trend.
    expect(r.headline.total).toBeGreaterThan(500);
    expect(r.headline.trained).toBeGreaterThan(0);
    expect(r.untrainedTotal).toBe(r.headline.total - r.headline.trained);
    expect(r.belowTarget.length).toBeGreaterThan(0);
    expect(await db.coverageRollup.count({ where: { stale: true } })).toBe(0);
  });

  it("a second read recomputes nothing", async () => {
    const ctx = await coverageContext(admin, { regionCode: "510000", periodId: "2026-2030" }, NOW);
    expect(await rollup.refresh(ctx)).toBe(0);
  });

  it("pages of the untrained list follow the raw order", async () => {
    const raw = await coverageReportRaw(admin, { regionCode: "510400", periodId: "2026-2030" }, NOW);
    const pages: Untrained[] = [];
    for (let page = 1; pages.length < raw.untrained.length; page++) {
      const r = await coverageReport(admin, { regionCode: "510400", periodId: "2026-2030" }, NOW, { untrained: { page, pageSize: 37 } });
      expect(r.untrainedTotal).toBe(raw.untrained.length);
      expect(r.untrained.length).toBeGreaterThan(0);
      pages.push(...r.untrained);
    }
    expect(pages.map(key)).toEqual(raw.untrained.map(key));
    expect(pages.map((u) => u.id).sort()).toEqual(raw.untrained.map((u) => u.id).sort());
    // A page past the end is the last page.
    const tooFar = await coverageReport(admin, { regionCode: "510400", periodId: "2026-2030" }, NOW, { untrained: { page: 10_000, pageSize: 37 } });
    expect(tooFar.untrainedPage.page).toBe(Math.ceil(raw.untrained.length / 37));
  });

  it("after a course completion", async () => {
    const u = await someUntrained();
    const user = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { enterprise: { select: { industryCode: true, creditCode: true } }, positionCode: true } });
    const ctx = await coverageContext(admin, { regionCode: "510402", periodId: "2026-2030" }, NOW);
    for (const courseId of requiredOf(ctx, user.enterprise!, user.positionCode!)) {
      await db.courseCompletion.upsert({
        where: { userId_courseId: { userId: u.id, courseId } },
        create: { userId: u.id, courseId, completedAt: new Date(NOW.getTime() - DAY), creditedSeconds: 1800 },
        update: { completedAt: new Date(NOW.getTime() - DAY) },
      });
    }
    const after = await coverageReportRaw(admin, { regionCode: "510402", periodId: "2026-2030" }, NOW);
    expect(after.untrained.some((x) => x.id === u.id)).toBe(false);
    await compareAll(NOW, ["510400", "510402"], ["2026-2030"]);
  });

  it("after a staff member inserted directly, and a leaver", async () => {
    const e = await db.enterprise.findFirstOrThrow({ where: { regionCode: "510402", keyDesignations: { some: { periodId: "2026-2030" } }, industryCode: { in: KEY_INDUSTRIES } } });
    await db.user.create({
      data: { mobile: "16655500001", name: "直接写入", role: "LEARNER", passwordHash: "x", enterpriseId: e.id, positionCode: "TEAM_LEADER", hiredOn: new Date(NOW.getTime() - 10 * DAY) },
    });
    await compareAll(NOW, ["510400", "510402"], ["2026-2030"]);
    const leaver = await someUntrained();
    await db.user.update({ where: { id: leaver.id }, data: { leftOn: new Date(NOW.getTime() - 2 * DAY) } });
    await compareAll(NOW, ["510000", "510402"], ["2026-2030"]);
  });

  it("a hire date in the future passing, and time crossing a month end", async () => {
    const e = await db.enterprise.findFirstOrThrow({ where: { regionCode: "510411", keyDesignations: { some: { periodId: "2026-2030" } }, industryCode: { in: KEY_INDUSTRIES } } });
    await db.user.create({
      data: { mobile: "16655500002", name: "将入职", role: "LEARNER", passwordHash: "x", enterpriseId: e.id, positionCode: "SAFETY_EXECUTIVE", hiredOn: new Date(NOW.getTime() + 5 * DAY) },
    });
    await compareAll(NOW, ["510400"], ["2026-2030"]);
    const row = await db.coverageRollup.findUniqueOrThrow({ where: { periodId_enterpriseId: { periodId: "2026-2030", enterpriseId: e.id } } });
    expect(row.validUntil?.getTime()).toBe(NOW.getTime() + 5 * DAY);
    // Ten days later: the new hire counts (the row expired), and the trend has a December point.
    const later = new Date(NOW.getTime() + 10 * DAY);
    await compareAll(later, ["510400", "510411"], ["2026-2030"]);
    const r = await coverageReport(admin, { regionCode: "510400", periodId: "2026-2030" }, later);
    expect(r.trend.at(-1)!.month).toBe("2026-12");
  });

  it("after a key designation is removed and an enterprise moves county", async () => {
    const key = await db.keyEnterprise.findFirstOrThrow({ where: { periodId: "2026-2030", enterprise: { regionCode: "510402" } } });
    await db.keyEnterprise.delete({ where: { enterpriseId_periodId: { enterpriseId: key.enterpriseId, periodId: key.periodId } } });
    await compareAll(NOW, ["510400", "510402"], ["2026-2030"]);
    const moving = await db.enterprise.findFirstOrThrow({ where: { regionCode: "510402", keyDesignations: { some: { periodId: "2026-2030" } }, users: { some: {} } } });
    await db.enterprise.update({ where: { id: moving.id }, data: { regionCode: "510403" } });
    await compareAll(NOW, ["510402", "510403", "510400"], ["2026-2030", "2021-2025"]);
  });

  it("a write landing during a recomputation leaves the row stale, and the next read counts it", async () => {
    const u = await someUntrained("510403");
    const enterpriseId = (await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { enterpriseId: true } })).enterpriseId!;
    const ctx = await coverageContext(admin, { regionCode: "510403", periodId: "2026-2030" }, NOW);
    await rollup.refresh(ctx);
    await db.user.update({ where: { id: u.id }, data: { positionCode: "PRINCIPAL_HEAD" } }); // stale
    const written = await rollup.recompute(ctx, [enterpriseId], {
      afterVersions: async () => {
        await db.user.update({ where: { id: u.id }, data: { leftOn: new Date(NOW.getTime() - DAY) } });
      },
    });
    expect(written).toBe(0);
    expect((await db.coverageRollup.findUniqueOrThrow({ where: { periodId_enterpriseId: { periodId: "2026-2030", enterpriseId } } })).stale).toBe(true);
    await compareAll(NOW, ["510403"], ["2026-2030"]);
  });

  it("two recomputations at once end with correct rows", async () => {
    await db.user.updateMany({ where: { enterprise: { regionCode: "510411" }, positionCode: "TEAM_LEADER" }, data: { hiredOn: new Date("2026-02-01T00:00:00+08:00") } });
    expect(await db.coverageRollup.count({ where: { stale: true, regionCode: "510411" } })).toBeGreaterThan(0);
    const q = { regionCode: "510400", periodId: "2026-2030" };
    const [a, b] = await Promise.all([coverageReport(admin, q, NOW, { untrained: "all" }), coverageReport(admin, q, NOW, { untrained: "all" })]);
    const raw = await coverageReportRaw(admin, q, NOW);
    expectSame(a, raw);
    expectSame(b, raw);
    // And forced: the same enterprises recomputed by two callers at once.
    const ctx = await coverageContext(admin, q, NOW);
    const ids = (await db.coverageRollup.findMany({ where: { periodId: "2026-2030", regionCode: "510411" }, select: { enterpriseId: true } })).map((r) => r.enterpriseId);
    await Promise.all([rollup.recompute(ctx, ids), rollup.recompute(ctx, ids)]);
    expect(await db.coverageRollup.count({ where: { stale: true, periodId: "2026-2030", regionCode: { startsWith: "5104" } } })).toBe(0);
    expectSame(await coverageReport(admin, q, NOW, { untrained: "all" }), raw);
  });
});
