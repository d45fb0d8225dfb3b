// CSRF protection of route handlers, through the real handlers (lib/route.ts): a state-changing request
// authorised by the session cookie must come from our own origin. Cross-origin and origin-less requests
// are refused with 403 and the message key errors.crossOrigin before anything is read or written;
// same-origin ones (the lesson page's fetch and sendBeacon, the import wizard) go through.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/session";

const session = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getSession: async () => session.current, getRequestSession: async () => session.current }));

const heartbeats = await import("@/app/api/learning/heartbeats/route");
const importById = await import("@/app/api/rosters/imports/[id]/route");
const { db } = await import("@/lib/db");
const { createAccount, loadDemo, sessionOf } = await import("./support");

const SITE = "http://localhost:3000";
const READING = "rumen-gongshang-baoxian";

/** A team leader of the demo enterprise: the intro course (and its reading lesson) is assigned to them. */
async function learner() {
  const account = await createAccount({ password: "Learner-2026" });
  const enterprise = await db.enterprise.findFirstOrThrow({ where: { regionCode: "510411" } });
  await db.user.update({ where: { id: account.id }, data: { enterpriseId: enterprise.id, positionCode: "TEAM_LEADER" } });
  return sessionOf(account.mobile);
}

function beatRequest(headers: Record<string, string>, tabId = randomUUID()) {
  const body = JSON.stringify({ beats: [{ lessonId: READING, tabId, seq: 1, watchedSeconds: 15, visible: true, active: true }] });
  return new Request(`${SITE}/api/learning/heartbeats`, { method: "POST", headers: { host: "localhost:3000", "content-type": "application/json", ...headers }, body });
}
const heartbeatRows = (userId: string) => db.heartbeat.count({ where: { userId } });

beforeAll(async () => {
  await loadDemo();
});

describe("POST /api/learning/heartbeats", () => {
  it("goes through from the lesson page (fetch and sendBeacon send Origin)", async () => {
    session.current = await learner();
    const res = await heartbeats.POST(beatRequest({ origin: SITE }), {} as never);
    expect(res.status).toBe(200);
    expect(await heartbeatRows(session.current.id)).toBe(1);
  });

  it("goes through with Sec-Fetch-Site: same-origin when Origin is absent", async () => {
    session.current = await learner();
    expect((await heartbeats.POST(beatRequest({ "sec-fetch-site": "same-origin" }), {} as never)).status).toBe(200);
  });

  it("is refused from another site, with 403, a typed error and nothing written", async () => {
    session.current = await learner();
    const forged: Record<string, string>[] = [{ origin: "https://evil.example.com" }, { "sec-fetch-site": "cross-site" }, { referer: "https://evil.example.com/page" }];
    for (const headers of forged) {
      const res = await heartbeats.POST(beatRequest(headers), {} as never);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: "FORBIDDEN", message: "errors.crossOrigin" });
    }
    expect(await heartbeatRows(session.current.id)).toBe(0);
  });

  it("is refused when nothing says where it comes from", async () => {
    session.current = await learner();
    const res = await heartbeats.POST(beatRequest({}), {} as never);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ message: "errors.crossOrigin" });
    expect(await heartbeatRows(session.current.id)).toBe(0);
  });

  it("refuses a forged request before the session is looked at", async () => {
    session.current = null;
    expect((await heartbeats.POST(beatRequest({ origin: "https://evil.example.com" }), {} as never)).status).toBe(403);
    expect((await heartbeats.POST(beatRequest({ origin: SITE }), {} as never)).status).toBe(401);
  });
});

describe("DELETE /api/rosters/imports/<id> (the wizard's discard)", () => {
  it("is refused cross-origin and goes through same-origin", async () => {
    session.current = await sessionOf("13800000003");
    const ctx = { params: Promise.resolve({ id: "no-such-import" }) };
    const del = (headers: Record<string, string>) => importById.DELETE(new Request(`${SITE}/api/rosters/imports/no-such-import`, { method: "DELETE", headers: { host: "localhost:3000", ...headers } }), ctx);
    expect((await del({ origin: "https://evil.example.com" })).status).toBe(403);
    // Same origin: the handler runs and finds no such import.
    expect((await del({ origin: SITE })).status).toBe(404);
  });

  it("GET (status polling) needs no Origin", async () => {
    session.current = await sessionOf("13800000003");
    const res = await importById.GET(new Request(`${SITE}/api/rosters/imports/no-such-import`), { params: Promise.resolve({ id: "no-such-import" }) });
    expect(res.status).toBe(404);
  });
});
