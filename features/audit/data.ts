// The audit log (issue 9): who did which sensitive thing — roster imports, role changes and disabled
// accounts, certificate revocations, exports of personal data, data-feed keys, key enterprises — to what,
// when and from where. Each event carries the scope of its target (county, enterprise, school) so that a
// regulator reads the events of its region only, in the where-clause. Callers write the event with the
// same client as the action itself: inside the action's transaction where it has one, so an action and
// its record commit (or roll back) together.
import "server-only";
import { headers } from "next/headers";
import { db, type Tx } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { maskMobile } from "@/lib/identifiers";
import { regionWhere } from "@/lib/scope";
import type { SessionUser } from "@/lib/session";
import { beijingDayRange, narrowestRegion, scrubDetail, type AuditDetail } from "./rules";
import type { AuditAction, AuditFilter, AuditTargetType } from "./schemas";

export { narrowestRegion };

type Client = Pick<Tx, "auditEvent" | "user" | "enterprise" | "school" | "survey">;

/**
 * Where an event belongs. A user, enterprise, school or survey is looked up for its county (and
 * enterprise or school); `regionCode` is taken as given (null: only administrators see the event).
 */
export type AuditScope = { userId: string } | { enterpriseId: string } | { schoolId: string } | { surveyId: string } | { regionCode: string | null };

type ScopeColumns = { regionCode: string | null; enterpriseId: string | null; schoolId: string | null };

async function scopeColumns(client: Client, scope: AuditScope): Promise<ScopeColumns> {
  const none: ScopeColumns = { regionCode: null, enterpriseId: null, schoolId: null };
  if ("regionCode" in scope) return { ...none, regionCode: scope.regionCode };
  if ("enterpriseId" in scope) {
    const e = await client.enterprise.findUnique({ where: { id: scope.enterpriseId }, select: { regionCode: true } });
    return { ...none, regionCode: e?.regionCode ?? null, enterpriseId: scope.enterpriseId };
  }
  if ("schoolId" in scope) {
    const s = await client.school.findUnique({ where: { id: scope.schoolId }, select: { regionCode: true } });
    return { ...none, regionCode: s?.regionCode ?? null, schoolId: scope.schoolId };
  }
  if ("surveyId" in scope) {
    const s = await client.survey.findUnique({ where: { id: scope.surveyId }, select: { regionCode: true, enterpriseId: true } });
    return { ...none, regionCode: s?.regionCode ?? null, enterpriseId: s?.enterpriseId ?? null };
  }
  // A person belongs to their enterprise's or school's county; a regulator to its own region.
  const u = await client.user.findUnique({
    where: { id: scope.userId },
    select: { regionCode: true, enterpriseId: true, schoolId: true, enterprise: { select: { regionCode: true } }, school: { select: { regionCode: true } } },
  });
  if (!u) return none;
  return { regionCode: u.enterprise?.regionCode ?? u.school?.regionCode ?? u.regionCode, enterpriseId: u.enterpriseId, schoolId: u.schoolId };
}

/** The caller's address, when there is a request (server actions and route handlers; not scripts). */
async function requestIp(): Promise<string | null> {
  let incoming: Headers;
  try {
    incoming = await headers();
  } catch {
    return null; // outside a request: a script, a test
  }
  // Loaded only inside a request: lib/auth wires Auth.js, which needs Next's runtime.
  const { clientIp } = await import("@/lib/auth");
  return clientIp(incoming).slice(0, 64);
}

export type AuditEventInput = {
  actor: Pick<SessionUser, "id" | "role">;
  action: AuditAction;
  target?: { type: AuditTargetType; id: string };
  scope: AuditScope;
  /** Counts, file names, old → new role. Never an ID number, a password or a person's data. */
  detail?: AuditDetail;
  /** Default: the address of the current request. */
  ip?: string | null;
};

/** Writes one audit event with `client`: `db`, or the transaction of the action it records. */
export async function recordAudit(client: Client, event: AuditEventInput): Promise<void> {
  const [columns, ip] = await Promise.all([scopeColumns(client, event.scope), event.ip !== undefined ? event.ip : requestIp()]);
  await client.auditEvent.create({
    data: {
      actorId: event.actor.id,
      actorRole: event.actor.role,
      action: event.action,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      ...columns,
      detail: scrubDetail(event.detail),
      ip,
    },
  });
}

/** Recording an export: after it was authorised and built, with `db` (an export changes nothing). */
export function recordExport(actor: SessionUser, action: Extract<AuditAction, `export.${string}`>, target: { type: AuditTargetType; id: string }, scope: AuditScope, detail: AuditDetail) {
  return recordAudit(db, { actor, action, target, scope, detail });
}

// ---- The viewer ------------------------------------------------------------------------------------

export const AUDIT_PAGE_SIZE = 50;

/**
 * Audit events the user may read, newest first, a page at a time: an administrator all of them, a
 * regulator those of its region (the scope is in the where-clause), anyone else nothing.
 */
export async function listAudit(user: SessionUser, filter: AuditFilter) {
  if (user.role !== "ADMIN" && !(user.role === "REGULATOR" && user.regionCode)) throw forbidden();
  const at = beijingDayRange(filter.from, filter.to);
  // The actor filter matches mobile numbers; at most a page of matching people is worth narrowing by.
  const actorIds = filter.actor
    ? (await db.user.findMany({ where: { mobile: { contains: filter.actor } }, select: { id: true }, take: 500 })).map((u) => u.id)
    : null;
  const where = {
    AND: [
      regionWhere(user),
      filter.action ? { action: filter.action } : {},
      at.gte || at.lt ? { at } : {},
      actorIds ? { actorId: { in: actorIds } } : {},
    ],
  };
  const page = filter.page ?? 1;
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, actorId: true, actorRole: true, action: true, targetType: true, targetId: true, regionCode: true, enterpriseId: true, schoolId: true, detail: true, ip: true },
    }),
  ]);
  const names = await namesFor(rows);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    events: rows.map((r) => {
      const actor = r.actorId ? names.users.get(r.actorId) : undefined;
      return {
        id: r.id,
        at: r.at,
        action: r.action as AuditAction,
        actor: { name: actor?.name ?? null, mobile: actor ? maskMobile(actor.mobile) : null, role: r.actorRole },
        target: targetLabel(r.targetType, r.targetId, names),
        region: r.regionCode ? (names.regions.get(r.regionCode) ?? r.regionCode) : null,
        organisation: (r.enterpriseId ? names.enterprises.get(r.enterpriseId) : r.schoolId ? names.schools.get(r.schoolId) : null) ?? null,
        detail: (r.detail ?? null) as AuditDetail | null,
        // The address is for administrators investigating; regulators read what was done, not from where.
        ip: user.role === "ADMIN" ? r.ip : null,
      };
    }),
  };
}

export type AuditPage = Awaited<ReturnType<typeof listAudit>>;

type Names = Awaited<ReturnType<typeof namesFor>>;

/** The names the page shows, a query per kind for the whole page. */
async function namesFor(rows: { actorId: string | null; targetType: string | null; targetId: string | null; regionCode: string | null; enterpriseId: string | null; schoolId: string | null }[]) {
  const ids = (type: string) => rows.flatMap((r) => (r.targetType === type && r.targetId ? [r.targetId] : []));
  const userIds = [...new Set([...rows.flatMap((r) => (r.actorId ? [r.actorId] : [])), ...ids("User")])];
  const enterpriseIds = [...new Set([...rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])), ...ids("Enterprise")])];
  const schoolIds = [...new Set([...rows.flatMap((r) => (r.schoolId ? [r.schoolId] : [])), ...ids("School")])];
  const regionCodes = [...new Set([...rows.flatMap((r) => (r.regionCode ? [r.regionCode] : [])), ...ids("Region")])];
  const [users, enterprises, schools, regions, surveys] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, mobile: true } }),
    db.enterprise.findMany({ where: { id: { in: enterpriseIds } }, select: { id: true, name: true } }),
    db.school.findMany({ where: { id: { in: schoolIds } }, select: { id: true, name: true } }),
    db.region.findMany({ where: { code: { in: regionCodes } }, select: { code: true, name: true } }),
    db.survey.findMany({ where: { id: { in: [...new Set(ids("Survey"))] } }, select: { id: true, title: true } }),
  ]);
  return {
    users: new Map(users.map((u) => [u.id, u])),
    enterprises: new Map(enterprises.map((e) => [e.id, e.name])),
    schools: new Map(schools.map((s) => [s.id, s.name])),
    regions: new Map(regions.map((r) => [r.code, r.name])),
    surveys: new Map(surveys.map((s) => [s.id, s.title])),
  };
}

/** What the viewer shows as the event's object: a person by name and masked mobile, else a name. */
function targetLabel(type: string | null, id: string | null, names: Names): string | null {
  if (!type || !id) return null;
  switch (type) {
    case "User": {
      const u = names.users.get(id);
      return u ? `${u.name} ${maskMobile(u.mobile)}` : null;
    }
    case "Enterprise":
      return names.enterprises.get(id) ?? null;
    case "School":
      return names.schools.get(id) ?? null;
    case "Region":
      return names.regions.get(id) ?? id;
    case "Survey":
      return names.surveys.get(id) ?? null;
    default:
      // Certificates, imports and keys are named in the detail (number, file name, key name).
      return null;
  }
}
