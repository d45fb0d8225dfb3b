// The audit log (issue 9, item 5) against a real database: every sensitive action writes exactly one
// event with the scope of its target and no ID number; an action that fails writes none, and an event
// that cannot be written undoes its action (one transaction); a regulator reads its own region's events
// only, an administrator all of them; the viewer's filters and pages. The request session is stood in
// for as in authorization.test.ts, and the request's headers for the IP address.
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it, vi } from "vitest";
import messages from "@/messages/zh-CN.json";
import type { SessionUser } from "@/lib/session";

const session = vi.hoisted(() => ({ current: null as SessionUser | null }));
const request = vi.hoisted(() => ({ headers: null as Headers | null }));
vi.mock("@/lib/session", () => ({ getSession: async () => session.current, getRequestSession: async () => session.current }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => createTranslator({ locale: "zh-CN", messages }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => {
    if (!request.headers) throw new Error("outside a request");
    return request.headers;
  },
}));
// lib/auth wires Auth.js, which loads only inside Next; the audit log uses nothing of it but clientIp.
vi.mock("@/lib/auth", () => ({ clientIp: (h: Headers) => h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown" }));

const { recordAudit, listAudit, AUDIT_PAGE_SIZE } = await import("@/features/audit/data");
const { discardImport, commitImport, previewImport, hashResidentId } = await import("@/features/rosters/data");
const { revokeCertificate } = await import("@/features/certificates/data");
const { createApiKey, revokeApiKey } = await import("@/features/feed/data");
const { setKeyEnterprise, createEnterprise } = await import("@/features/regions/data");
const { createSurveyAction } = await import("@/features/surveys/actions");
const { demoCreditCode } = await import("@/features/demo/seed");
const { residentIdCheckDigit } = await import("@/lib/identifiers");
const { db, databaseProvider } = await import("@/lib/db");
const { enterpriseWithAdmin, loadDemo, sessionOf } = await import("./support");
const recordRoute = await import("@/app/api/records/[userId]/[format]/route");
const enterpriseRecordRoute = await import("@/app/api/enterprise-records/[id]/xlsx/route");
const coverageRoute = await import("@/app/api/coverage/xlsx/route");
const annexRoute = await import("@/app/api/coverage/annex/route");
const satisfactionRoute = await import("@/app/api/satisfaction/xlsx/route");
const surveyResponsesRoute = await import("@/app/api/surveys/[id]/responses/route");

const ADMIN = "13800000000";
const CITY_REGULATOR = "13800000001"; // 攀枝花市 510400
const COUNTY_REGULATOR = "13800000002"; // 东区 510402
const ENTERPRISE_ADMIN = "13800000003"; // 攀西钒钛, 仁和区 510411
const LEARNER = "13800000006"; // 攀西钒钛

const AUDIT_CREDIT = demoCreditCode("510402", "AU0000001");
const AUDIT_ADMIN = "17766120001";
const mobileOf = (n: number) => `1776613${String(n).padStart(4, "0")}`;
const ID_NUMBER = (() => {
  const first17 = "51040219870412301";
  return first17 + residentIdCheckDigit(first17);
})();

const as = async (mobile: string) => (session.current = await sessionOf(mobile));
const eventsOf = (where: { action?: string; targetId?: string }) => db.auditEvent.findMany({ where, orderBy: { at: "asc" } });
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(",")).join("\n"), "utf8");
const get = (url: string) => new Request(`http://localhost${url}`);

/** Makes the database refuse audit events about `targetId`, so that the action's own writes must roll back. */
async function refuseAuditFor(targetId: string) {
  if (databaseProvider === "sqlite") {
    await db.$executeRawUnsafe(`CREATE TRIGGER audit_refuse BEFORE INSERT ON "AuditEvent" WHEN NEW."targetId" = '${targetId}' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
  } else {
    await db.$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION audit_refuse() RETURNS trigger AS $$ BEGIN IF NEW."targetId" = '${targetId}' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(`CREATE TRIGGER audit_refuse BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION audit_refuse()`);
  }
}
async function allowAudit() {
  await db.$executeRawUnsafe(databaseProvider === "sqlite" ? `DROP TRIGGER IF EXISTS audit_refuse` : `DROP TRIGGER IF EXISTS audit_refuse ON "AuditEvent"`);
}

let auditEnterpriseId: string;

beforeAll(async () => {
  await loadDemo();
  auditEnterpriseId = await enterpriseWithAdmin({ creditCode: AUDIT_CREDIT, name: "审计测试建筑公司", adminMobile: AUDIT_ADMIN, adminName: "审计管理员" });
});

describe("roster imports", () => {
  it("a commit writes one event with the enterprise's scope, counts and file name, and no ID number", async () => {
    const admin = await as(AUDIT_ADMIN);
    const preview = await previewImport(admin, {
      kind: "STAFF",
      fileName: "审计花名册.csv",
      bytes: csv([
        ["姓名", "手机号", "身份证号", "岗位类别"],
        ["褚一", mobileOf(1), ID_NUMBER, "TEAM_LEADER"],
        ["卫二", mobileOf(2), "", "TEAM_LEADER"],
      ]),
      fullRoster: false,
    });
    expect(preview.status).toBe("PREVIEW");
    request.headers = new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" });
    try {
      await commitImport(admin, preview.id, "Initial-2026-ok");
    } finally {
      request.headers = null;
    }
    const events = await eventsOf({ targetId: preview.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "roster.import.commit",
      actorId: admin.id,
      actorRole: "ENTERPRISE_ADMIN",
      targetType: "RosterImport",
      regionCode: "510402",
      enterpriseId: auditEnterpriseId,
      schoolId: null,
      ip: "203.0.113.7",
      detail: { fileName: "审计花名册.csv", kind: "STAFF", rows: 2, create: 2, update: 0, leave: 0 },
    });
    const stored = JSON.stringify(events[0]);
    expect(stored).not.toContain(ID_NUMBER);
    expect(stored).not.toContain(hashResidentId(ID_NUMBER));
  });

  it("a regulator's import across two counties belongs to their city", async () => {
    const city = await as(CITY_REGULATOR);
    const preview = await previewImport(city, {
      kind: "STAFF",
      fileName: "市级导入.csv",
      bytes: csv([
        ["姓名", "手机号", "岗位类别", "统一社会信用代码"],
        ["蒋三", mobileOf(3), "TEAM_LEADER", demoCreditCode("510402", "MA62B1Q7N")],
        ["沈四", mobileOf(4), "TEAM_LEADER", demoCreditCode("510403", "MA62D8R4U")],
      ]),
      fullRoster: false,
    });
    expect(preview.status).toBe("PREVIEW");
    await commitImport(city, preview.id, "Initial-2026-ok");
    const [event] = await eventsOf({ targetId: preview.id });
    expect(event).toMatchObject({ action: "roster.import.commit", regionCode: "510400", enterpriseId: null, ip: null });
  });

  it("a discard writes one event; a second discard is refused and writes none", async () => {
    const admin = await as(AUDIT_ADMIN);
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "放弃.csv", bytes: csv([["姓名", "手机号", "岗位类别"], ["韩五", mobileOf(5), "TEAM_LEADER"]]), fullRoster: false });
    await discardImport(admin, preview.id);
    await expect(discardImport(admin, preview.id)).rejects.toMatchObject({ code: "CONFLICT" });
    const events = await eventsOf({ targetId: preview.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "roster.import.discard", regionCode: "510402", enterpriseId: auditEnterpriseId, detail: { fileName: "放弃.csv", kind: "STAFF" } });
  });

  it("a commit that fails inside its transaction writes no event and leaves the import pending", async () => {
    const admin = await as(AUDIT_ADMIN);
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "冲突.csv", bytes: csv([["姓名", "手机号", "岗位类别"], ["杨六", mobileOf(6), "TEAM_LEADER"]]), fullRoster: false });
    // Someone takes the mobile number between check and commit: the commit's new plan differs.
    await db.user.create({ data: { mobile: mobileOf(6), name: "抢先者", role: "LEARNER", passwordHash: "x" } });
    await expect(commitImport(admin, preview.id, "Initial-2026-ok")).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await eventsOf({ targetId: preview.id })).toHaveLength(0);
    expect((await db.rosterImport.findUniqueOrThrow({ where: { id: preview.id } })).status).toBe("PREVIEW");
  });

  it("when the event cannot be written, the discard is undone with it", async () => {
    const admin = await as(AUDIT_ADMIN);
    const preview = await previewImport(admin, { kind: "STAFF", fileName: "回滚.csv", bytes: csv([["姓名", "手机号", "岗位类别"], ["朱七", mobileOf(7), "TEAM_LEADER"]]), fullRoster: false });
    await refuseAuditFor(preview.id);
    try {
      await expect(discardImport(admin, preview.id)).rejects.toThrow();
    } finally {
      await allowAudit();
    }
    expect((await db.rosterImport.findUniqueOrThrow({ where: { id: preview.id } })).status).toBe("PREVIEW");
    expect(await eventsOf({ targetId: preview.id })).toHaveLength(0);
  });
});

describe("certificates", () => {
  let holders = 0;
  /** A certificate of a fresh colleague of `mobile` (same enterprise): other test files read the demo learners' certificates. */
  async function certificateOf(mobile: string, code: string) {
    const colleague = await db.user.findUniqueOrThrow({ where: { mobile }, select: { enterpriseId: true, positionCode: true } });
    const holder = await db.user.create({
      data: { mobile: `1771500${String(++holders).padStart(4, "0")}`, name: "证书持有人", role: "LEARNER", enterpriseId: colleague.enterpriseId, positionCode: colleague.positionCode, passwordHash: "x" },
      select: { id: true },
    });
    return db.certificate.create({
      data: { code, userId: holder.id, courseId: "gongshang-yufang-rumen", cycle: 0, holderName: "张班长", courseTitle: "工伤预防入门", classHours: 2, issuer: "测试", issuedAt: new Date() },
    });
  }

  it("a revocation writes one event in the holder's enterprise and county; revoking again writes none", async () => {
    const cert = await certificateOf(LEARNER, "ADT0-0000-RVK0-0001");
    const admin = await as(ADMIN);
    await revokeCertificate(admin, { code: cert.code, reason: "测试撤销原因" });
    await revokeCertificate(admin, { code: cert.code, reason: "再次撤销" });
    const holder = await sessionOf(LEARNER); // the certificate's holder is a colleague: same enterprise
    const events = await eventsOf({ targetId: cert.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "certificate.revoke", actorRole: "ADMIN", regionCode: "510411", enterpriseId: holder.enterpriseId, detail: { code: cert.code, reason: "测试撤销原因" } });
  });

  it("an unknown certificate writes nothing; a failed event write leaves the certificate valid", async () => {
    const admin = await as(ADMIN);
    const before = await db.auditEvent.count();
    await expect(revokeCertificate(admin, { code: "ADT0-0000-NNNN-0000", reason: "不存在" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditEvent.count()).toBe(before);
    const cert = await certificateOf("13800000010", "ADT0-0000-RVK0-0002");
    await refuseAuditFor(cert.id);
    try {
      await expect(revokeCertificate(admin, { code: cert.code, reason: "触发器拒绝" })).rejects.toThrow();
    } finally {
      await allowAudit();
    }
    expect((await db.certificate.findUniqueOrThrow({ where: { id: cert.id } })).revokedAt).toBeNull();
  });
});

describe("exports of personal data", () => {
  it("each export route writes one event after the file is built, with row counts and the target's scope", async () => {
    const learner = await db.user.findUniqueOrThrow({ where: { mobile: LEARNER }, select: { id: true, enterpriseId: true } });
    const cases: { mobile: string; call: () => Promise<Response>; action: string; targetId: string; scope: Record<string, unknown>; detail: Record<string, unknown> }[] = [
      {
        mobile: ADMIN,
        call: () => recordRoute.GET(get(`/api/records/${learner.id}/xlsx`), { params: Promise.resolve({ userId: learner.id, format: "xlsx" }) }),
        action: "export.records",
        targetId: learner.id,
        scope: { regionCode: "510411", enterpriseId: learner.enterpriseId },
        detail: { format: "xlsx", courses: expect.any(Number) },
      },
      {
        mobile: ENTERPRISE_ADMIN,
        call: () => enterpriseRecordRoute.GET(get(`/api/enterprise-records/${learner.enterpriseId}/xlsx`), { params: Promise.resolve({ id: learner.enterpriseId! }) }),
        action: "export.enterprise-records",
        targetId: learner.enterpriseId!,
        scope: { regionCode: "510411", enterpriseId: learner.enterpriseId },
        detail: { staff: expect.any(Number) },
      },
      {
        mobile: COUNTY_REGULATOR,
        call: () => coverageRoute.GET(get("/api/coverage/xlsx"), {}),
        action: "export.coverage",
        targetId: "510402",
        scope: { regionCode: "510402", enterpriseId: null },
        detail: { period: expect.any(String), enterprises: expect.any(Number), untrained: expect.any(Number) },
      },
      {
        mobile: CITY_REGULATOR,
        call: () => annexRoute.GET(get("/api/coverage/annex"), {}),
        action: "export.annex",
        targetId: "510400",
        scope: { regionCode: "510400" },
        detail: { rows: expect.any(Number) },
      },
      {
        mobile: COUNTY_REGULATOR,
        call: () => satisfactionRoute.GET(get("/api/satisfaction/xlsx?region=510402&year=2026"), {}),
        action: "export.satisfaction",
        targetId: "510402",
        scope: { regionCode: "510402" },
        detail: { year: 2026, responses: 0 },
      },
    ];
    const total = await db.auditEvent.count();
    for (const c of cases) {
      await as(c.mobile);
      const before = (await eventsOf({ action: c.action, targetId: c.targetId })).length;
      const response = await c.call();
      expect(response.status, c.action).toBe(200);
      const events = await eventsOf({ action: c.action, targetId: c.targetId });
      expect(events.length, c.action).toBe(before + 1);
      expect(events.at(-1), c.action).toMatchObject({ actorId: session.current!.id, ...c.scope, detail: c.detail });
    }
    // Exactly one event per export: nothing else was written.
    expect(await db.auditEvent.count()).toBe(total + cases.length);
  });

  it("a survey's responses export belongs to the survey's region", async () => {
    await as(COUNTY_REGULATOR);
    const created = await createSurveyAction(null, { templateId: "standard-trainee", target: "COURSE", courseId: "gongshang-yufang-rumen", regionCode: "510402" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const response = await surveyResponsesRoute.GET(get(`/api/surveys/${created.data.id}/responses`), { params: Promise.resolve({ id: created.data.id }) });
    expect(response.status).toBe(200);
    const events = await eventsOf({ targetId: created.data.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "export.survey-responses", targetType: "Survey", regionCode: "510402", detail: { responses: 0, anonymous: false } });
  });

  it("a refused export writes no event", async () => {
    await as(COUNTY_REGULATOR);
    const vt = (await sessionOf(ENTERPRISE_ADMIN)).enterpriseId!;
    const before = await db.auditEvent.count();
    const refused = await enterpriseRecordRoute.GET(get(`/api/enterprise-records/${vt}/xlsx`), { params: Promise.resolve({ id: vt }) });
    expect(refused.status).toBe(403);
    const outside = await coverageRoute.GET(get("/api/coverage/xlsx?region=510403"), {});
    expect(outside.status).toBe(403);
    expect(await db.auditEvent.count()).toBe(before);
  });
});

describe("data-feed keys and key enterprises", () => {
  it("creating and revoking a key write one event each in the key's region", async () => {
    const regulator = await as(COUNTY_REGULATOR);
    const key = await createApiKey(regulator, "审计测试密钥");
    await revokeApiKey(regulator, key.id);
    await revokeApiKey(regulator, key.id); // already revoked: nothing changes, nothing recorded
    const events = await eventsOf({ targetId: key.id });
    expect(events.map((e) => e.action)).toEqual(["apikey.create", "apikey.revoke"]);
    for (const e of events) expect(e).toMatchObject({ regionCode: "510402", detail: { name: "审计测试密钥", prefix: key.prefix } });
    expect(JSON.stringify(events)).not.toContain(key.key);
  });

  it("designating and un-designating write one event each; repeating a state writes none", async () => {
    const regulator = await as(COUNTY_REGULATOR);
    await setKeyEnterprise(regulator, auditEnterpriseId, true);
    await setKeyEnterprise(regulator, auditEnterpriseId, true);
    await setKeyEnterprise(regulator, auditEnterpriseId, false);
    await setKeyEnterprise(regulator, auditEnterpriseId, false);
    const events = await eventsOf({ targetId: auditEnterpriseId });
    expect(events.filter((e) => e.action.startsWith("key-enterprise")).map((e) => e.action)).toEqual(["key-enterprise.designate", "key-enterprise.undesignate"]);
    expect(events.at(-1)).toMatchObject({ regionCode: "510402", enterpriseId: auditEnterpriseId, detail: { period: "2026-2030" } });
  });

  it("registering an enterprise as a key enterprise is a designation", async () => {
    const regulator = await as(COUNTY_REGULATOR);
    const e = await createEnterprise(regulator, { name: "审计登记企业", creditCode: demoCreditCode("510402", "AU0000002"), industryCode: "CONSTRUCTION", regionCode: "510402", hazchemType: null, isKey: true });
    const events = await eventsOf({ targetId: e.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "key-enterprise.designate", regionCode: "510402", enterpriseId: e.id, detail: { registered: true } });
  });
});

describe("the viewer: scope", () => {
  const MARK = "scope-test";
  beforeAll(async () => {
    const admin = await sessionOf(ADMIN);
    for (const regionCode of ["510402", "510403", "510400", "510104", null]) {
      await recordAudit(db, { actor: admin, action: "export.annex", target: { type: "Region", id: `${MARK}-${regionCode}` }, scope: { regionCode }, detail: { rows: 1 } });
    }
  });
  const marked = async (mobile: string) =>
    (await listAudit(await sessionOf(mobile), { action: "export.annex" })).events.filter((e) => e.detail?.rows === 1).length;
  const regions = async (mobile: string) => {
    const user = await sessionOf(mobile);
    const all = await db.auditEvent.findMany({ where: { targetId: { startsWith: MARK } }, select: { id: true, regionCode: true } });
    const seen = new Set((await listAudit(user, { action: "export.annex" })).events.map((e) => e.id));
    return all.filter((e) => seen.has(e.id)).map((e) => e.regionCode).sort();
  };

  it("a county regulator sees its county's events and not another county's", async () => {
    expect(await regions(COUNTY_REGULATOR)).toEqual(["510402"]);
    const page = await listAudit(await sessionOf(COUNTY_REGULATOR), {});
    expect(page.events.length).toBeGreaterThan(0);
    const ids = page.events.map((e) => e.id);
    const rows = await db.auditEvent.findMany({ where: { id: { in: ids } }, select: { regionCode: true } });
    expect(rows.every((r) => r.regionCode?.startsWith("510402"))).toBe(true);
  });

  it("a city regulator sees its counties and the city, nothing outside it or without a region", async () => {
    expect(await regions(CITY_REGULATOR)).toEqual(["510400", "510402", "510403"]);
  });

  it("an administrator sees every event, with the address; a regulator without it", async () => {
    expect(await regions(ADMIN)).toEqual([null, "510104", "510400", "510402", "510403"].sort());
    expect(await marked(ADMIN)).toBeGreaterThanOrEqual(5);
    const commit = (await listAudit(await sessionOf(ADMIN), { action: "roster.import.commit" })).events.find((e) => e.ip === "203.0.113.7");
    expect(commit).toBeDefined();
    expect((await listAudit(await sessionOf(COUNTY_REGULATOR), { action: "roster.import.commit" })).events.every((e) => e.ip === null)).toBe(true);
  });

  it("refuses enterprise admins, learners and a regulator without a region", async () => {
    for (const mobile of [ENTERPRISE_ADMIN, LEARNER]) await expect(listAudit(await sessionOf(mobile), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const noRegion = { ...(await sessionOf(COUNTY_REGULATOR)), regionCode: null };
    await expect(listAudit(noRegion, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows the actor by name and masked mobile and a person as the target the same way", async () => {
    const commit = (await listAudit(await sessionOf(COUNTY_REGULATOR), { action: "roster.import.commit" })).events.find((e) => e.detail?.fileName === "审计花名册.csv");
    expect(commit?.actor).toEqual({ name: "审计管理员", mobile: "177****0001", role: "ENTERPRISE_ADMIN" });
    expect(commit?.organisation).toBe("审计测试建筑公司");
    expect(commit?.region).toBe("东区");
  });
});

describe("the viewer: filters and pages", () => {
  const ACTOR = "17766129999";
  beforeAll(async () => {
    const actor = await db.user.create({ data: { mobile: ACTOR, name: "筛选测试", role: "REGULATOR", regionCode: "510421", passwordHash: "x" } });
    const data = (at: string, action: string) => ({ actorId: actor.id, actorRole: "REGULATOR", action, regionCode: "510421", at: new Date(at), detail: { rows: 2 } });
    await db.auditEvent.createMany({
      data: [
        // Beijing 2020-03-01 23:59:59 and 2020-03-02 00:00:00 (UTC+8).
        data("2020-03-01T15:59:59Z", "export.coverage"),
        data("2020-03-01T16:00:00Z", "export.coverage"),
        data("2020-03-05T02:00:00Z", "apikey.create"),
        ...Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => data(new Date(Date.UTC(2019, 5, 1, 0, i)).toISOString(), "export.annex")),
      ],
    });
  });

  it("filters by Beijing dates, both ends included", async () => {
    const admin = await sessionOf(ADMIN);
    const day1 = await listAudit(admin, { from: "2020-03-01", to: "2020-03-01" });
    expect(day1.events.map((e) => e.at.toISOString())).toEqual(["2020-03-01T15:59:59.000Z"]);
    const from2 = await listAudit(admin, { from: "2020-03-02", to: "2020-03-31" });
    expect(from2.events.map((e) => e.at.toISOString())).toEqual(["2020-03-05T02:00:00.000Z", "2020-03-01T16:00:00.000Z"]);
  });

  it("filters by action and by the actor's mobile number, whole or in part", async () => {
    const admin = await sessionOf(ADMIN);
    const byAction = await listAudit(admin, { action: "apikey.create", from: "2020-01-01", to: "2020-12-31" });
    expect(byAction.total).toBe(1);
    const byActor = await listAudit(admin, { actor: ACTOR });
    expect(byActor.total).toBe(AUDIT_PAGE_SIZE + 8);
    expect(byActor.events.every((e) => e.actor.mobile === "177****9999")).toBe(true);
    expect((await listAudit(admin, { actor: "7766129999" })).total).toBe(AUDIT_PAGE_SIZE + 8);
    expect((await listAudit(admin, { actor: "17766128888" })).total).toBe(0);
  });

  it("pages 50 events at a time, newest first", async () => {
    const city = await sessionOf(CITY_REGULATOR);
    const first = await listAudit(city, { actor: ACTOR, action: "export.annex" });
    expect(first).toMatchObject({ total: AUDIT_PAGE_SIZE + 5, page: 1, pages: 2 });
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    const times = first.events.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const second = await listAudit(city, { actor: ACTOR, action: "export.annex", page: 2 });
    expect(second.events).toHaveLength(5);
    expect(second.events[0]!.at.getTime()).toBeLessThan(times.at(-1)!);
    // 米易县 (510421) is not 东区's.
    expect((await listAudit(await sessionOf(COUNTY_REGULATOR), { actor: ACTOR })).total).toBe(0);
  });
});
