// Coverage at province scale (issue 8): one CoverageRollup row per (plan period, enterprise) holds that
// enterprise's figures, computed from its roster facts with the rules of ./rules.ts, and its breakdowns
// (CoverageRollupPart: per key position, course family, and the trend's month ends). The dashboard sums
// the rows of a region instead of loading a million people.
//
// Never a figure different from the raw computation (`coverageReportRaw`):
// - database triggers (migration coverage_rollup) mark an enterprise's rows stale and bump their version
//   on every write to its staff, their completions, the enterprise or its key designation, whoever
//   writes; the period's key positions and industries and the courses' assignment rules are compared
//   by `fingerprint` (./data.ts coverageContext);
// - a figure rests on dates (hire, leaving, completion): between two of them it cannot change, so a row
//   holds [validFrom, validUntil) and is used only for a moment inside it;
// - before summing, `refresh` recomputes every row of the region that is missing, stale, of another
//   fingerprint or not valid at the moment asked, with the same rules. A recomputation reads the
//   version before the facts and writes only if it is unchanged: a write landing in between leaves the
//   row stale (and the next round recomputes it). Two instances recomputing at once both write correct
//   figures of the same facts.
import "server-only";
import { chunks } from "@/lib/chunks";
import { databaseProvider, db } from "@/lib/db";
import type { Prisma } from "@/lib/db";
import { coverage, coverageBy, coverageByFamily, monthEnds, type Figure } from "./rules";
import { childRegionOf, monthOf, rosterFacts, scopeEnterprises, untrainedOrder, untrainedRows, type CoverageContext, type UntrainedRow } from "./data";

const figure = (trained: number, total: number): Figure => ({ trained, total, share: total === 0 ? null : trained / total });

/** Enterprises per round of loading facts. */
const LOAD = 400;
/** Enterprises written per transaction (see writeSqlite and writePostgres), one transaction at a time. */
const WRITE = 100;
/** A batch on a loaded machine can take seconds: Prisma's 5 s default would abort it. */
const TX = { maxWait: 10_000, timeout: 60_000 };
const WRITERS = 1;

/** The region's county codes as a range (6-digit codes): unlike LIKE, a range uses the index on both databases. */
const inRegion = (ctx: CoverageContext) => ({ gte: ctx.prefix.padEnd(6, "0"), lte: ctx.prefix.padEnd(6, "9") });
const base = (ctx: CoverageContext) => ({ periodId: ctx.period.id, regionCode: inRegion(ctx), inScope: true });

/** The enterprises of the region whose row is missing, stale, of other rules or not valid at asOf. */
export async function needing(ctx: CoverageContext): Promise<string[]> {
  const periodId = ctx.period.id;
  const [rows, missing] = await Promise.all([
    db.coverageRollup.findMany({
      where: {
        periodId,
        regionCode: inRegion(ctx),
        OR: [{ stale: true }, { fingerprint: { not: ctx.fingerprint } }, { validFrom: { gt: ctx.asOf } }, { validUntil: { lte: ctx.asOf } }],
      },
      select: { enterpriseId: true },
    }),
    // Enterprises of the region without a fresh row (new, or moved here: a move marks the row stale).
    db.enterprise.findMany({ where: { regionCode: { startsWith: ctx.prefix }, coverageRollups: { none: { periodId, stale: false } } }, select: { id: true } }),
  ]);
  return [...new Set([...rows.map((r) => r.enterpriseId), ...missing.map((e) => e.id)])].sort();
}

/** Brings every row of the region up to date for ctx.asOf. Returns how many enterprises were recomputed. */
export async function refresh(ctx: CoverageContext): Promise<number> {
  let done = 0;
  for (let round = 0; round < 20; round++) {
    const todo = await needing(ctx);
    if (todo.length === 0) return done;
    done += await recompute(ctx, todo);
  }
  throw new Error("coverage rollup: the region's facts kept changing during 20 recomputations");
}

type Computed = {
  enterpriseId: string;
  version: number;
  data: Omit<Prisma.CoverageRollupUncheckedUpdateManyInput, "periodId" | "enterpriseId" | "version">;
  parts: { kind: string; key: string; total: number; trained: number }[];
  regionCode: string;
};

/** Recomputes the rows of these enterprises for ctx.asOf (whatever their state). */
export async function recompute(ctx: CoverageContext, enterpriseIds: string[], hooks: { afterVersions?: () => Promise<void>; phases?: Record<string, number> } = {}): Promise<number> {
  const periodId = ctx.period.id;
  let mark = performance.now();
  const phase = (name: string) => {
    const t = performance.now();
    if (hooks.phases) hooks.phases[name] = (hooks.phases[name] ?? 0) + t - mark;
    mark = t;
  };
  const asOf = ctx.asOf;
  let written = 0;
  for (const ids of chunks(enterpriseIds, LOAD)) {
    // 1. Rows exist before the versions are read: a trigger can only mark a row that is there.
    const have = new Set((await db.coverageRollup.findMany({ where: { periodId, enterpriseId: { in: ids } }, select: { enterpriseId: true } })).map((r) => r.enterpriseId));
    const lacking = ids.filter((id) => !have.has(id));
    if (lacking.length) {
      const rows = (await db.enterprise.findMany({ where: { id: { in: lacking } }, select: { id: true, regionCode: true, industryCode: true } })).map((e) => ({
        periodId,
        enterpriseId: e.id,
        regionCode: e.regionCode,
        industryCode: e.industryCode,
      }));
      try {
        await db.coverageRollup.createMany({ data: rows });
      } catch {
        // Another instance created some of them meanwhile: one at a time, skipping those.
        for (const row of rows) await db.coverageRollup.create({ data: row }).catch(() => undefined);
      }
    }
    // 2. The versions, before any fact is read.
    const versions = new Map((await db.coverageRollup.findMany({ where: { periodId, enterpriseId: { in: ids } }, select: { enterpriseId: true, version: true } })).map((r) => [r.enterpriseId, r.version]));
    phase("rows and versions");
    await hooks.afterVersions?.(); // tests: a write landing during the recomputation
    // 3. The facts.
    const enterprises = await db.enterprise.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true, regionCode: true, industryCode: true, creditCode: true, keyDesignations: { where: { periodId }, select: { periodId: true } } },
    });
    const inScope = enterprises.filter((e) => e.keyDesignations.length > 0 && ctx.keyIndustries.includes(e.industryCode));
    const { facts, events } = await rosterFacts(ctx, inScope, asOf);
    phase("facts");
    const factsOf = new Map<string, typeof facts>();
    for (const p of facts) {
      const list = factsOf.get(p.enterpriseId);
      if (list) list.push(p);
      else factsOf.set(p.enterpriseId, [p]);
    }
    const inScopeIds = new Set(inScope.map((e) => e.id));
    // Month ends of the period before the moment: the trend's points that time no longer changes.
    const months = monthEnds(ctx.from, asOf).slice(0, -1);

    // 4. The figures, with the rules of ./rules.ts.
    const computed: Computed[] = enterprises.map((e) => {
      const common = { name: e.name, creditCode: e.creditCode, regionCode: e.regionCode, industryCode: e.industryCode, computedAt: asOf, computedMonth: monthOf(asOf), fingerprint: ctx.fingerprint, stale: false };
      if (!inScopeIds.has(e.id)) {
        return { enterpriseId: e.id, version: versions.get(e.id)!, regionCode: e.regionCode, parts: [], data: { ...common, inScope: false, total: 0, trained: 0, validFrom: null, validUntil: null } };
      }
      const mine = factsOf.get(e.id) ?? [];
      const now = coverage(mine, asOf);
      const parts: Computed["parts"] = [];
      for (const [key, f] of coverageBy(mine, asOf, (p) => p.positionCode)) parts.push({ kind: "POSITION", key, total: f.total, trained: f.trained });
      for (const [key, f] of coverageByFamily(mine, asOf)) parts.push({ kind: "FAMILY", key, total: f.total, trained: f.trained });
      for (const at of months) {
        const f = coverage(mine, at);
        if (f.total > 0) parts.push({ kind: "MONTH", key: monthOf(at), total: f.total, trained: f.trained });
      }
      // Between two dates of its facts, nothing about the enterprise changes with time.
      let validFrom = -Infinity;
      let validUntil = Infinity;
      for (const t of events.get(e.id) ?? []) {
        if (t <= asOf.getTime()) validFrom = Math.max(validFrom, t);
        else validUntil = Math.min(validUntil, t);
      }
      return {
        enterpriseId: e.id,
        version: versions.get(e.id)!,
        regionCode: e.regionCode,
        parts,
        data: {
          ...common,
          inScope: true,
          total: now.total,
          trained: now.trained,
          validFrom: Number.isFinite(validFrom) ? new Date(validFrom) : null,
          validUntil: Number.isFinite(validUntil) ? new Date(validUntil) : null,
        },
      };
    });

    phase("rules");
    // 5. Written only where the version is still the one read in step 2.
    const batches = chunks(computed, WRITE);
    for (let i = 0; i < batches.length; i += WRITERS) {
      const counts = await Promise.all(batches.slice(i, i + WRITERS).map((batch) => write(periodId, batch)));
      written += counts.reduce((n, c) => n + c, 0);
    }
    phase("writes");
  }
  return written;
}

async function write(periodId: string, batch: Computed[]): Promise<number> {
  try {
    return await (databaseProvider === "sqlite" ? writeSqlite(periodId, batch) : writePostgres(periodId, batch));
  } catch (error) {
    // Nothing of the batch was written (one transaction): its rows stay as they were, and the next
    // round of refresh recomputes them.
    console.error("[coverage rollup] a batch was not written; retrying in the next round", error);
    return 0;
  }
}

/**
 * PostgreSQL: the batch's rows are locked first with SKIP LOCKED — a row some writer holds is being marked
 * stale and is left for the next round — so this transaction never waits for a lock and cannot deadlock
 * with an import marking rows. The rows it holds are then updated in place where the version is still the
 * one read (a trigger waiting on such a row marks it stale right after the commit).
 */
async function writePostgres(periodId: string, batch: Computed[]): Promise<number> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRawUnsafe<{ enterpriseId: string; version: number }[]>(
      `SELECT "enterpriseId", "version" FROM "CoverageRollup" WHERE "periodId" = $1 AND "enterpriseId" = ANY($2::text[]) FOR UPDATE SKIP LOCKED`,
      periodId,
      batch.map((c) => c.enterpriseId),
    );
    const current = new Map(locked.map((r) => [r.enterpriseId, Number(r.version)]));
    const ok = batch.filter((c) => current.get(c.enterpriseId) === c.version);
    if (ok.length === 0) return 0;
    for (const c of ok) await tx.coverageRollup.update({ where: { periodId_enterpriseId: { periodId, enterpriseId: c.enterpriseId } }, data: c.data });
    await tx.coverageRollupPart.deleteMany({ where: { periodId, enterpriseId: { in: ok.map((c) => c.enterpriseId) } } });
    const parts = ok.flatMap((c) => c.parts.map((p) => ({ periodId, enterpriseId: c.enterpriseId, regionCode: c.regionCode, ...p })));
    if (parts.length) await tx.coverageRollupPart.createMany({ data: parts });
    return ok.length;
  }, TX);
}

/**
 * SQLite: a whole batch in five statements. The transaction's first statement takes the database's write
 * lock, so no other writer (no trigger) can run until it commits: the rows still at the version read are
 * replaced, the others (changed meanwhile) are left as they are, stale.
 */
async function writeSqlite(periodId: string, batch: Computed[]): Promise<number> {
  return db.$transaction(async (tx) => {
    const ids = batch.map((c) => c.enterpriseId);
    await tx.coverageRollupPart.deleteMany({ where: { periodId, enterpriseId: { in: ids } } });
    await tx.coverageRollup.deleteMany({ where: { OR: batch.map((c) => ({ periodId, enterpriseId: c.enterpriseId, version: c.version })) } });
    const changed = new Set((await tx.coverageRollup.findMany({ where: { periodId, enterpriseId: { in: ids } }, select: { enterpriseId: true } })).map((r) => r.enterpriseId));
    const ok = batch.filter((c) => !changed.has(c.enterpriseId));
    if (ok.length === 0) return 0;
    await tx.coverageRollup.createMany({ data: ok.map((c) => ({ ...(c.data as Prisma.CoverageRollupCreateManyInput), periodId, enterpriseId: c.enterpriseId, version: c.version })) });
    // Parts of the rows left stale are gone too: a stale row is never summed before it is recomputed.
    const parts = ok.flatMap((c) => c.parts.map((p) => ({ periodId, enterpriseId: c.enterpriseId, regionCode: c.regionCode, ...p })));
    if (parts.length) await tx.coverageRollupPart.createMany({ data: parts });
    return ok.length;
  }, TX);
}

// ---- The sums (each one query over the region's rows; call refresh first) ------------------------------

export async function headline(ctx: CoverageContext): Promise<Figure> {
  const s = await db.coverageRollup.aggregate({ where: base(ctx), _sum: { total: true, trained: true } });
  return figure(s._sum.trained ?? 0, s._sum.total ?? 0);
}

const sums = <T extends { _sum: { total: number | null; trained: number | null } }>(rows: T[], keyOf: (r: T) => string) => {
  const out = new Map<string, { trained: number; total: number }>();
  for (const r of rows) {
    const k = keyOf(r);
    const c = out.get(k) ?? { trained: 0, total: 0 };
    c.total += r._sum.total ?? 0;
    c.trained += r._sum.trained ?? 0;
    out.set(k, c);
  }
  // Groups with staff only, as the rules' coverageBy gives them.
  return new Map([...out].filter(([, c]) => c.total > 0).map(([k, c]) => [k, figure(c.trained, c.total)]));
};

/** Per child region (cities of a province, counties of a city); none for a county. */
export async function byChildRegion(ctx: CoverageContext): Promise<Map<string, Figure>> {
  if (ctx.region.levelName === "COUNTY") return new Map();
  const rows = await db.coverageRollup.groupBy({ by: ["regionCode"], where: base(ctx), _sum: { total: true, trained: true } });
  return sums(rows, (r) => childRegionOf(ctx, r.regionCode));
}

export async function byIndustry(ctx: CoverageContext): Promise<Map<string, Figure>> {
  const rows = await db.coverageRollup.groupBy({ by: ["industryCode"], where: base(ctx), _sum: { total: true, trained: true } });
  return sums(rows, (r) => r.industryCode);
}

async function partSums(ctx: CoverageContext, kind: "POSITION" | "FAMILY" | "MONTH") {
  const rows = await db.coverageRollupPart.groupBy({ by: ["key"], where: { periodId: ctx.period.id, kind, regionCode: inRegion(ctx) }, _sum: { total: true, trained: true } });
  return sums(rows, (r) => r.key);
}

export const byPosition = (ctx: CoverageContext) => partSums(ctx, "POSITION");
export const byFamily = (ctx: CoverageContext) => partSums(ctx, "FAMILY");

/** The key enterprises of the region, ordered as the raw report orders them (county, name), and each one's figure. */
export async function enterprises(ctx: CoverageContext) {
  const rows = await db.coverageRollup.findMany({
    where: base(ctx),
    select: { enterpriseId: true, name: true, creditCode: true, regionCode: true, industryCode: true, total: true, trained: true },
    orderBy: [{ regionCode: "asc" }, { name: "asc" }],
  });
  return {
    rows: rows.map((r) => ({ id: r.enterpriseId, name: r.name, creditCode: r.creditCode, regionCode: r.regionCode, industryCode: r.industryCode })),
    figures: new Map(rows.map((r) => [r.enterpriseId, figure(r.trained, r.total)])),
  };
}

/**
 * Coverage at each month end of the period up to the moment, and at the moment. An enterprise's point at
 * a month end before its row's computedAt is its MONTH part; from computedAt on, its current figure.
 */
export async function trend(ctx: CoverageContext): Promise<{ at: Date; figure: Figure }[]> {
  const [parts, current] = await Promise.all([
    db.coverageRollupPart.groupBy({ by: ["key"], where: { periodId: ctx.period.id, kind: "MONTH", regionCode: inRegion(ctx) }, _sum: { total: true, trained: true } }),
    db.coverageRollup.groupBy({ by: ["computedMonth"], where: base(ctx), _sum: { total: true, trained: true } }),
  ]);
  const partOf = new Map(parts.map((p) => [p.key, p._sum]));
  const ends = monthEnds(ctx.from, ctx.asOf);
  let all = { trained: 0, total: 0 };
  for (const c of current) all = { trained: all.trained + (c._sum.trained ?? 0), total: all.total + (c._sum.total ?? 0) };
  return ends.map((at, i) => {
    if (i === ends.length - 1) return { at, figure: figure(all.trained, all.total) };
    const month = monthOf(at);
    let trained = partOf.get(month)?.trained ?? 0;
    let total = partOf.get(month)?.total ?? 0;
    for (const c of current) {
      if (c.computedMonth > month) continue;
      trained += c._sum.trained ?? 0;
      total += c._sum.total ?? 0;
    }
    return { at, figure: figure(trained, total) };
  });
}

const zh = new Intl.Collator("zh-CN");

/** The last pinyin order of each region's enterprises, kept while their names are the same (sorting
 *  thousands of Chinese names takes some 25 ms). Only an order: the figures always come from the rows. */
const orderCache = new Map<string, { signature: string; ids: string[] }>();
function pinyinOrder<T extends { id: string; name: string; regionName: string }>(ctx: CoverageContext, list: T[]): T[] {
  const byId = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const signature = byId.map((e) => `${e.id}\u0001${e.regionName}\u0001${e.name}`).join("\u0002");
  const key = `${ctx.period.id}|${ctx.prefix}`;
  const cached = orderCache.get(key);
  if (cached && cached.signature === signature) {
    const of = new Map(list.map((e) => [e.id, e]));
    return cached.ids.map((id) => of.get(id)!);
  }
  const sorted = byId.sort((a, b) => zh.compare(a.regionName, b.regionName) || zh.compare(a.name, b.name));
  orderCache.set(key, { signature, ids: sorted.map((e) => e.id) });
  return sorted;
}

/**
 * One page (from 1) of the untrained list, ordered as the raw report orders it (county, enterprise,
 * person, in pinyin order): the rows tell how many untrained people each enterprise has, so only the
 * enterprises the page falls on are loaded.
 */
export async function untrainedPage(ctx: CoverageContext, page: number, pageSize: number): Promise<{ rows: UntrainedRow[]; total: number; page: number }> {
  const counts = await db.coverageRollup.findMany({
    where: { ...base(ctx), total: { gt: 0 } },
    select: { enterpriseId: true, name: true, creditCode: true, regionCode: true, industryCode: true, total: true, trained: true },
  });
  const untrainedOf = new Map(counts.map((c) => [c.enterpriseId, c.total - c.trained]));
  const withSome = pinyinOrder(
    ctx,
    counts.filter((r) => r.total > r.trained).map((r) => ({ id: r.enterpriseId, name: r.name, creditCode: r.creditCode, regionCode: r.regionCode, industryCode: r.industryCode, regionName: ctx.regionName.get(r.regionCode) ?? r.regionCode })),
  );
  const total = withSome.reduce((n, e) => n + untrainedOf.get(e.id)!, 0);
  const last = Math.max(1, Math.ceil(total / pageSize));
  const p = Math.min(Math.max(1, Math.floor(page)), last);
  const start = (p - 1) * pageSize;
  const end = start + pageSize;
  // Enterprises of the same county and name sort their people together: they form one block.
  const take: typeof withSome = [];
  let at = 0;
  let blockStart = 0;
  for (let i = 0; i < withSome.length; ) {
    let j = i + 1;
    let n = untrainedOf.get(withSome[i]!.id)!;
    while (j < withSome.length && zh.compare(withSome[j]!.regionName, withSome[i]!.regionName) === 0 && zh.compare(withSome[j]!.name, withSome[i]!.name) === 0) {
      n += untrainedOf.get(withSome[j]!.id)!;
      j++;
    }
    if (at + n > start && at < end) {
      if (take.length === 0) blockStart = at;
      take.push(...withSome.slice(i, j));
    }
    at += n;
    i = j;
    if (at >= end) break;
  }
  if (take.length === 0) return { rows: [], total, page: p };
  const { facts } = await rosterFacts(ctx, take, ctx.asOf);
  const rows = untrainedRows(ctx, facts, new Map(take.map((e) => [e.id, e.name])), ctx.asOf).sort(untrainedOrder);
  return { rows: rows.slice(start - blockStart, end - blockStart), total, page: p };
}

/** The whole untrained list (the xlsx export), built enterprise by enterprise from the facts. */
export async function untrainedAll(ctx: CoverageContext): Promise<{ rows: UntrainedRow[]; total: number; page: number }> {
  const ents = await scopeEnterprises(ctx);
  const rows: UntrainedRow[] = [];
  for (const part of chunks(ents, LOAD)) {
    const { facts } = await rosterFacts(ctx, part, ctx.asOf);
    rows.push(...untrainedRows(ctx, facts, new Map(part.map((e) => [e.id, e.name])), ctx.asOf));
  }
  rows.sort(untrainedOrder);
  return { rows, total: rows.length, page: 1 };
}
