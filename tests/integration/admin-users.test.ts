// Account administration (issue 9) against a real database, through the server actions as a browser
// calls them: a role change needs the scope its role needs and checks that it exists; an administrator
// cannot change or disable their own account; disabling ends the person's sessions (the session version
// lib/session compares is bumped, and findSessionUser no longer finds the account) and every write is
// audited in the same transaction. Only the request session is stood in for.
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it, vi } from "vitest";
import messages from "@/messages/zh-CN.json";
import type { SessionUser } from "@/lib/session";

const session = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getSession: async () => session.current, getRequestSession: async () => session.current }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => createTranslator({ locale: "zh-CN", messages }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { changeRoleAction, setAccountDisabledAction } = await import("@/features/admin/actions");
const { accountForAdmin, findAccounts } = await import("@/features/admin/data");
const { findSessionUser } = await import("@/features/accounts/data");
const { demoCreditCode } = await import("@/features/demo/seed");
const { db } = await import("@/lib/db");
const { loadDemo, sessionOf } = await import("./support");

const ADMIN = "13800000000";
const CITY_REGULATOR = "13800000001";
const ENTERPRISE_ADMIN = "13800000003";
const LEARNER = "13800000006";
const VT_CREDIT = demoCreditCode("510411", "MA6230K1X"); // 攀西钒钛, 仁和区
const BUILD_CREDIT = demoCreditCode("510402", "MA62B1Q7N"); // 安建建筑, 东区

let seq = 0;
/** A fresh learner of 攀西钒钛 (a team leader), so that tests do not share accounts. */
async function learner() {
  const vt = await db.enterprise.findUniqueOrThrow({ where: { creditCode: VT_CREDIT }, select: { id: true } });
  return db.user.create({
    data: { mobile: `1776614${String(++seq).padStart(4, "0")}`, name: `角色测试${seq}`, role: "LEARNER", enterpriseId: vt.id, positionCode: "TEAM_LEADER", passwordHash: "x" },
    select: { id: true, mobile: true, sessionVersion: true },
  });
}
const as = async (mobile: string) => (session.current = await sessionOf(mobile));
const stateOf = (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { role: true, regionCode: true, enterpriseId: true, schoolId: true, positionCode: true, sessionVersion: true, disabledAt: true } });
const eventsOf = (targetId: string) => db.auditEvent.findMany({ where: { targetId }, orderBy: { at: "asc" } });

beforeAll(async () => {
  await loadDemo();
});

describe("changing a role", () => {
  it("a learner becomes a county regulator: scope set, others cleared, sessions ended, audited once", async () => {
    const person = await learner();
    const admin = await as(ADMIN);
    const result = await changeRoleAction(null, { userId: person.id, role: "REGULATOR", regionCode: "510402", creditCode: "", schoolId: "" });
    expect(result).toMatchObject({ ok: true, data: { role: "REGULATOR" } });
    expect(await stateOf(person.id)).toMatchObject({ role: "REGULATOR", regionCode: "510402", enterpriseId: null, schoolId: null, positionCode: null, sessionVersion: person.sessionVersion + 1 });
    const events = await eventsOf(person.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "account.role.change",
      actorId: admin.id,
      actorRole: "ADMIN",
      targetType: "User",
      regionCode: "510402",
      detail: { from: "LEARNER", to: "REGULATOR", fromScope: "攀西钒钛冶炼有限公司（演示）", toScope: "东区" },
    });
  });

  it("an enterprise admin by the enterprise's credit code; a school admin by the school", async () => {
    const person = await learner();
    await as(ADMIN);
    expect(await changeRoleAction(null, { userId: person.id, role: "ENTERPRISE_ADMIN", creditCode: BUILD_CREDIT.toLowerCase() })).toMatchObject({ ok: true });
    const build = await db.enterprise.findUniqueOrThrow({ where: { creditCode: BUILD_CREDIT }, select: { id: true } });
    expect(await stateOf(person.id)).toMatchObject({ role: "ENTERPRISE_ADMIN", enterpriseId: build.id, regionCode: null, positionCode: null });
    const school = await db.school.findFirstOrThrow({ select: { id: true, regionCode: true } });
    expect(await changeRoleAction(null, { userId: person.id, role: "SCHOOL_ADMIN", schoolId: school.id })).toMatchObject({ ok: true });
    expect(await stateOf(person.id)).toMatchObject({ role: "SCHOOL_ADMIN", schoolId: school.id, enterpriseId: null });
    const events = await eventsOf(person.id);
    expect(events.map((e) => [e.regionCode, e.enterpriseId, e.schoolId])).toEqual([
      ["510402", build.id, null],
      [school.regionCode, null, school.id],
    ]);
  });

  it("a learner moved to another enterprise loses their key position (the new roster sets it)", async () => {
    const person = await learner();
    await as(ADMIN);
    expect(await changeRoleAction(null, { userId: person.id, role: "LEARNER", creditCode: BUILD_CREDIT })).toMatchObject({ ok: true });
    const build = await db.enterprise.findUniqueOrThrow({ where: { creditCode: BUILD_CREDIT }, select: { id: true } });
    expect(await stateOf(person.id)).toMatchObject({ role: "LEARNER", enterpriseId: build.id, positionCode: null });
    const [event] = await eventsOf(person.id);
    expect(event).toMatchObject({ regionCode: "510402", enterpriseId: build.id, detail: { from: "LEARNER", to: "LEARNER" } });
  });

  it("a provider or an administrator has no scope; the event keeps the old scope's region", async () => {
    const person = await learner();
    await as(ADMIN);
    expect(await changeRoleAction(null, { userId: person.id, role: "PROVIDER", regionCode: "510402", creditCode: VT_CREDIT })).toMatchObject({ ok: true });
    expect(await stateOf(person.id)).toMatchObject({ role: "PROVIDER", regionCode: null, enterpriseId: null, schoolId: null });
    const [event] = await eventsOf(person.id);
    expect(event).toMatchObject({ regionCode: "510411", detail: { to: "PROVIDER", toScope: null } });
  });

  it("is refused without the scope the role needs, or with one that does not exist, and changes nothing", async () => {
    const person = await learner();
    await as(ADMIN);
    const before = await stateOf(person.id);
    const cases: [Record<string, string>, string, string][] = [
      [{ role: "REGULATOR" }, "regionCode", messages.validation.regionRequired],
      [{ role: "REGULATOR", regionCode: "510499" }, "regionCode", messages.validation.regionUnknown],
      [{ role: "ENTERPRISE_ADMIN" }, "creditCode", messages.validation.enterpriseRequired],
      [{ role: "ENTERPRISE_ADMIN", creditCode: "91510402MA62B1Q7N0" }, "creditCode", messages.validation.creditCode],
      [{ role: "ENTERPRISE_ADMIN", creditCode: demoCreditCode("510402", "MA0000001") }, "creditCode", messages.validation.enterpriseUnknown],
      [{ role: "SCHOOL_ADMIN" }, "schoolId", messages.validation.schoolRequired],
      [{ role: "SCHOOL_ADMIN", schoolId: "no-such-school" }, "schoolId", messages.validation.schoolUnknown],
      [{ role: "LEARNER" }, "creditCode", messages.validation.learnerOrganisation],
      [{ role: "LEARNER", creditCode: VT_CREDIT }, "role", messages.validation.roleUnchanged],
      [{ role: "NOT_A_ROLE" }, "role", ""],
    ];
    for (const [input, field, message] of cases) {
      // As the browser posts it: form data, where a role outside the list can arrive too.
      const form = new FormData();
      for (const [k, v] of Object.entries({ userId: person.id, ...input })) form.set(k, v);
      const result = await changeRoleAction(null, form);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.fieldErrors?.[field], JSON.stringify(input)).toBeDefined();
      if (message) expect(result.fieldErrors?.[field], JSON.stringify(input)).toContain(message);
    }
    expect(await stateOf(person.id)).toEqual(before);
    expect(await eventsOf(person.id)).toHaveLength(0);
  });

  it("an administrator cannot change their own role", async () => {
    const admin = await as(ADMIN);
    const result = await changeRoleAction(null, { userId: admin.id, role: "LEARNER", creditCode: VT_CREDIT });
    expect(result).toMatchObject({ ok: false, message: messages.adminUsers.selfChange });
    expect((await stateOf(admin.id)).role).toBe("ADMIN");
    expect(await eventsOf(admin.id)).toHaveLength(0);
  });

  it("is refused to every role but the administrator, and to a caller not signed in", async () => {
    const person = await learner();
    for (const mobile of [CITY_REGULATOR, ENTERPRISE_ADMIN, LEARNER]) {
      await as(mobile);
      expect(await changeRoleAction(null, { userId: person.id, role: "REGULATOR", regionCode: "510400" })).toMatchObject({ ok: false, message: messages.errors.forbidden });
      expect(await setAccountDisabledAction(null, { userId: person.id, disabled: "true", confirm: "yes" })).toMatchObject({ ok: false, message: messages.errors.forbidden });
      await expect(findAccounts(session.current!, "1776614")).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(accountForAdmin(session.current!, person.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    session.current = null;
    expect(await changeRoleAction(null, { userId: person.id, role: "ADMIN" })).toMatchObject({ ok: false, message: messages.errors.unauthenticated });
    expect(await stateOf(person.id)).toMatchObject({ role: "LEARNER", sessionVersion: person.sessionVersion, disabledAt: null });
    expect(await eventsOf(person.id)).toHaveLength(0);
  });
});

describe("disabling an account", () => {
  it("ends the person's sessions at once and is audited; enabling lets them back in", async () => {
    const person = await learner();
    const sessionBefore = await findSessionUser(person.id);
    expect(sessionBefore).not.toBeNull();
    await as(ADMIN);
    expect(await setAccountDisabledAction(null, { userId: person.id, disabled: "true", confirm: "yes" })).toMatchObject({ ok: true, data: { disabled: true } });
    const after = await stateOf(person.id);
    expect(after.disabledAt).not.toBeNull();
    expect(after.sessionVersion).toBe(person.sessionVersion + 1);
    // lib/session finds no user for a disabled account, whatever the cookie's version.
    expect(await findSessionUser(person.id)).toBeNull();
    expect(await setAccountDisabledAction(null, { userId: person.id, disabled: "true", confirm: "yes" })).toMatchObject({ ok: false, message: messages.adminUsers.alreadyDisabled });
    expect(await setAccountDisabledAction(null, { userId: person.id, disabled: "false" })).toMatchObject({ ok: true, data: { disabled: false } });
    // Back in, but with the new version: a cookie issued before the disabling stays ended.
    expect(await findSessionUser(person.id)).toMatchObject({ id: person.id, sessionVersion: person.sessionVersion + 1 });
    const events = await eventsOf(person.id);
    expect(events.map((e) => e.action)).toEqual(["account.disable", "account.enable"]);
    for (const e of events) expect(e).toMatchObject({ regionCode: "510411", targetType: "User", detail: { role: "LEARNER" } });
  });

  it("asks for confirmation, and an administrator cannot disable their own account", async () => {
    const person = await learner();
    const admin = await as(ADMIN);
    const unconfirmed = await setAccountDisabledAction(null, { userId: person.id, disabled: "true" });
    expect(unconfirmed).toMatchObject({ ok: false, fieldErrors: { confirm: [messages.validation.confirmRequired] } });
    expect(await setAccountDisabledAction(null, { userId: admin.id, disabled: "true", confirm: "yes" })).toMatchObject({ ok: false, message: messages.adminUsers.selfChange });
    expect((await stateOf(person.id)).disabledAt).toBeNull();
    expect((await stateOf(admin.id)).disabledAt).toBeNull();
    expect(await eventsOf(person.id)).toHaveLength(0);
  });
});

describe("finding accounts", () => {
  it("by mobile number or name, masked, with role and scope", async () => {
    const person = await learner();
    const admin = await sessionOf(ADMIN);
    const byMobile = await findAccounts(admin, person.mobile);
    expect(byMobile.accounts).toEqual([
      expect.objectContaining({ id: person.id, mobile: `${person.mobile.slice(0, 3)}****${person.mobile.slice(7)}`, role: "LEARNER", scope: "攀西钒钛冶炼有限公司（演示）", disabled: false }),
    ]);
    const byName = await findAccounts(admin, "东区人社局");
    expect(byName.accounts[0]).toMatchObject({ role: "REGULATOR", scope: "东区", regionCode: "510402" });
  });
});
