// Authorization on the server, against the demo data in a real database: scope of regulators and
// enterprise admins in the data functions, and the permission check every server action goes through.
// Only the request's session is stood in for (there is no HTTP request in a unit of this size); the
// browser tests (tests/e2e) check the same refusals through real sessions.
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it, vi } from "vitest";
import messages from "@/messages/zh-CN.json";
import type { SessionUser } from "@/lib/session";

const session = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getSession: async () => session.current, getRequestSession: async () => session.current }));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => createTranslator({ locale: "zh-CN", messages }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { designateKeyEnterprise } = await import("@/features/regions/actions");
const { regionOverview } = await import("@/features/regions/data");
const { enterpriseOverview, hazardReport } = await import("@/features/enterprises/data");
const { db } = await import("@/lib/db");
const { loadDemo, sessionOf } = await import("./support");

const ADMIN = "13800000000";
const CITY_REGULATOR = "13800000001"; // 攀枝花市 510400
const COUNTY_REGULATOR = "13800000002"; // 东区 510402
const ENTERPRISE_ADMIN = "13800000003"; // 攀西钒钛, 仁和区 510411
const LEARNER = "13800000006";

const enterpriseIn = (regionCode: string) => db.enterprise.findFirstOrThrow({ where: { regionCode }, select: { id: true, regionCode: true } });
const isKey = async (enterpriseId: string) => (await db.keyEnterprise.count({ where: { enterpriseId, periodId: "2026-2030" } })) > 0;

beforeAll(async () => {
  await loadDemo();
});

describe("region scope", () => {
  it("a county regulator sees its own county", async () => {
    const view = await regionOverview(await sessionOf(COUNTY_REGULATOR), "510402");
    expect(view.region.code).toBe("510402");
    expect(view.enterprises.every((e) => e.regionCode.startsWith("510402"))).toBe(true);
  });

  it("a county regulator is refused another county and its city", async () => {
    const user = await sessionOf(COUNTY_REGULATOR);
    await expect(regionOverview(user, "510403")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(regionOverview(user, "510400")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a city regulator sees its counties and their enterprises, and nothing outside the city", async () => {
    const user = await sessionOf(CITY_REGULATOR);
    const city = await regionOverview(user, "510400");
    expect(city.children.map((c) => c.code)).toContain("510402");
    expect(city.enterprises.length).toBeGreaterThanOrEqual(4);
    await expect(regionOverview(user, "510100")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an enterprise admin sees its enterprise and is refused another", async () => {
    const user = await sessionOf(ENTERPRISE_ADMIN);
    const own = await enterpriseOverview(user, user.enterpriseId!);
    expect(own.id).toBe(user.enterpriseId);
    const other = await enterpriseIn("510403");
    await expect(enterpriseOverview(user, other.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a learner is refused regional data", async () => {
    await expect(regionOverview(await sessionOf(LEARNER), "510411")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("server action: designate a key enterprise", () => {
  it("refuses a learner and changes nothing", async () => {
    session.current = await sessionOf(LEARNER);
    const target = await enterpriseIn("510421");
    const before = await isKey(target.id);
    const result = await designateKeyEnterprise(null, { enterpriseId: target.id, isKey: before ? "false" : "true" });
    expect(result).toMatchObject({ ok: false, message: messages.errors.forbidden });
    expect(await isKey(target.id)).toBe(before);
  });

  it("refuses a caller who is not signed in", async () => {
    session.current = null;
    const target = await enterpriseIn("510421");
    const result = await designateKeyEnterprise(null, { enterpriseId: target.id, isKey: "true" });
    expect(result).toMatchObject({ ok: false, message: messages.errors.unauthenticated });
  });

  it("refuses a county regulator for an enterprise in another county", async () => {
    session.current = await sessionOf(COUNTY_REGULATOR);
    const target = await enterpriseIn("510403");
    const before = await isKey(target.id);
    const result = await designateKeyEnterprise(null, { enterpriseId: target.id, isKey: before ? "false" : "true" });
    expect(result.ok).toBe(false);
    expect(await isKey(target.id)).toBe(before);
  });

  it("rejects malformed input with field errors", async () => {
    session.current = await sessionOf(CITY_REGULATOR);
    const result = await designateKeyEnterprise(null, { enterpriseId: "", isKey: "maybe" } as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["enterpriseId", "isKey"]);
  });

  it("lets the city regulator designate and remove an enterprise inside its city", async () => {
    session.current = await sessionOf(CITY_REGULATOR);
    const target = await enterpriseIn("510421");
    expect((await designateKeyEnterprise(null, { enterpriseId: target.id, isKey: "true" })).ok).toBe(true);
    expect(await isKey(target.id)).toBe(true);
    // Twice is harmless (a double click).
    expect((await designateKeyEnterprise(null, { enterpriseId: target.id, isKey: "true" })).ok).toBe(true);
    expect(await db.keyEnterprise.count({ where: { enterpriseId: target.id, periodId: "2026-2030" } })).toBe(1);
    expect((await designateKeyEnterprise(null, { enterpriseId: target.id, isKey: "false" })).ok).toBe(true);
    expect(await isKey(target.id)).toBe(false);
  });

  it("the admin may act anywhere", async () => {
    session.current = await sessionOf(ADMIN);
    const target = await enterpriseIn("510403");
    const before = await isKey(target.id);
    expect((await designateKeyEnterprise(null, { enterpriseId: target.id, isKey: before ? "false" : "true" })).ok).toBe(true);
    expect(await isKey(target.id)).toBe(!before);
    await designateKeyEnterprise(null, { enterpriseId: target.id, isKey: before ? "true" : "false" });
  });
});

describe("hazard reports", () => {
  it("are shown to the enterprise and its city, refused to another county", async () => {
    const vt = await db.enterprise.findFirstOrThrow({ where: { regionCode: "510411" }, select: { id: true, regionCode: true, creditCode: true } });
    await db.enterpriseHazard.upsert({
      where: { id: "authz-test-hazard" },
      create: { id: "authz-test-hazard", creditCode: vt.creditCode, category: "MACHINERY", level: "GENERAL", location: "一号车间", description: "防护罩缺失。", foundOn: new Date(), status: "OPEN", sourcePath: "-", contentHash: "-" },
      update: {},
    });
    const own = await hazardReport(await sessionOf(ENTERPRISE_ADMIN), vt);
    expect(own.hazards.map((h) => h.id)).toContain("authz-test-hazard");
    expect((await hazardReport(await sessionOf(CITY_REGULATOR), vt)).found).toBeGreaterThan(0);
    await expect(hazardReport(await sessionOf(COUNTY_REGULATOR), vt)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(hazardReport(await sessionOf(LEARNER), vt)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await db.enterpriseHazard.delete({ where: { id: "authz-test-hazard" } });
  });
});
