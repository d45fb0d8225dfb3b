// Retention (issue 9, privacy): what the platform stops keeping once it is older than RETENTION_YEARS
// (lib/env.ts; at least 3: DOMAIN.md, "Records are kept at least 3 years"). `npm run retention` lists it,
// `-- --apply` removes it (scripts/retention.ts).
//
// Removed when older than the setting: login attempts, rate-limit windows, raw heartbeats (the credited
// totals live in LessonProgress and CourseCompletion and stay), audit events, finished roster imports.
// People who left (User.leftOn) longer ago are anonymised, not deleted: their class hours, exam attempts,
// certificates and place in coverage history stay, tied to an account that no longer names anyone and can
// no longer sign in. Roster previews nobody committed expire after PREVIEW_EXPIRY_DAYS: they are a working
// copy of a file the importer still has, not a record, and hold names and mobiles.
//
// Each kind is all-or-nothing: one transaction, in batches so that no statement carries an unbounded list.
import "server-only";
import { db, type Tx } from "@/lib/db";

/** The floor whatever the setting: DOMAIN.md keeps records at least 3 years. */
export const MIN_RETENTION_YEARS = 3;
/** A roster preview neither committed nor discarded within this many days is expired and its rows cleared. */
export const PREVIEW_EXPIRY_DAYS = 7;
/** What an anonymised person's name (and the holder name of their old certificates) reads. */
export const ANONYMISED_NAME = "已匿名";
/** An anonymised person's login is this prefix and their id: unique, and never a mobile number, so no one can sign in with it. */
export const ANONYMISED_MOBILE_PREFIX = "anon-";
/** Not an argon2 hash: verifyPassword refuses every password against it. */
const NO_PASSWORD = "!anonymised";
const BATCH = 2_000;

export const RETENTION_KINDS = ["rosterPreviews", "rosterImports", "loginAttempts", "rateLimitWindows", "heartbeats", "auditEvents", "leavers", "leaverCertificates"] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export const KIND_LABELS: Record<RetentionKind, string> = {
  rosterPreviews: "roster previews not committed (rows cleared, preview expired)",
  rosterImports: "finished roster imports (deleted)",
  loginAttempts: "login attempts (deleted)",
  rateLimitWindows: "rate-limit windows (deleted)",
  heartbeats: "learning heartbeats (deleted; credited totals stay)",
  auditEvents: "audit events (deleted)",
  leavers: "people who left (anonymised: name, mobile, ID hash and mask; login impossible)",
  leaverCertificates: "holder names on old certificates of anonymised people (anonymised)",
};

export type RetentionReport = {
  applied: boolean;
  years: number;
  /** Older than this is removed. */
  cutoff: Date;
  /** Roster previews created before this are expired. */
  previewCutoff: Date;
  counts: Record<RetentionKind, number>;
};

/** The same instant `years` calendar years earlier (UTC). */
export function retentionCutoff(now: Date, years: number): Date {
  if (!Number.isInteger(years) || years < MIN_RETENTION_YEARS) {
    throw new Error(`retention must be a whole number of years, at least ${MIN_RETENTION_YEARS} (records are kept at least 3 years), got ${years}`);
  }
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

type Cutoffs = { cutoff: Date; previewCutoff: Date; now: Date };

/** Each kind: how many rows it would touch, and how to touch them (inside the kind's transaction). */
const KINDS: Record<RetentionKind, { count: (c: Cutoffs) => Promise<number>; apply: (tx: Tx, c: Cutoffs) => Promise<number> }> = {
  rosterPreviews: {
    count: ({ previewCutoff }) => db.rosterImport.count({ where: { status: "PREVIEW", createdAt: { lt: previewCutoff } } }),
    // Same empty rows as a discard; a later commit finds nothing pending and says so (roster.notPending).
    apply: async (tx, { previewCutoff }) =>
      (await tx.rosterImport.updateMany({ where: { status: "PREVIEW", createdAt: { lt: previewCutoff } }, data: { status: "DISCARDED", rows: { planned: [], leave: [] } } })).count,
  },
  rosterImports: {
    count: ({ cutoff }) => db.rosterImport.count({ where: { createdAt: { lt: cutoff } } }),
    apply: (tx, { cutoff }) => deleteInBatches((take) => tx.rosterImport.findMany({ where: { createdAt: { lt: cutoff } }, select: { id: true }, take }), (ids) => tx.rosterImport.deleteMany({ where: { id: { in: ids } } })),
  },
  loginAttempts: {
    count: ({ cutoff }) => db.loginAttempt.count({ where: { createdAt: { lt: cutoff } } }),
    apply: (tx, { cutoff }) => deleteInBatches((take) => tx.loginAttempt.findMany({ where: { createdAt: { lt: cutoff } }, select: { id: true }, take }), (ids) => tx.loginAttempt.deleteMany({ where: { id: { in: ids } } })),
  },
  rateLimitWindows: {
    count: ({ cutoff }) => db.rateLimitWindow.count({ where: { windowStart: { lt: cutoff } } }),
    // One statement: the limiter deletes its own old windows, so few rows are ever this old.
    apply: async (tx, { cutoff }) => (await tx.rateLimitWindow.deleteMany({ where: { windowStart: { lt: cutoff } } })).count,
  },
  heartbeats: {
    // A heartbeat row only lets the ledger recognise a replay. Replayed years later it would be credited
    // only after the learner's learning clock (features/learning/crediting.ts), like any new beat, so
    // deleting it lets no time count twice.
    count: ({ cutoff }) => db.heartbeat.count({ where: { receivedAt: { lt: cutoff } } }),
    apply: (tx, { cutoff }) => deleteInBatches((take) => tx.heartbeat.findMany({ where: { receivedAt: { lt: cutoff } }, select: { id: true }, take }), (ids) => tx.heartbeat.deleteMany({ where: { id: { in: ids } } })),
  },
  auditEvents: {
    count: ({ cutoff }) => db.auditEvent.count({ where: { at: { lt: cutoff } } }),
    apply: (tx, { cutoff }) => deleteInBatches((take) => tx.auditEvent.findMany({ where: { at: { lt: cutoff } }, select: { id: true }, take }), (ids) => tx.auditEvent.deleteMany({ where: { id: { in: ids } } })),
  },
  leavers: {
    count: ({ cutoff }) => db.user.count({ where: leaverWhere(cutoff) }),
    apply: async (tx, { cutoff, now }) => {
      let done = 0;
      for (;;) {
        const people = await tx.user.findMany({ where: leaverWhere(cutoff), select: { id: true, disabledAt: true }, take: BATCH });
        if (people.length === 0) return done;
        for (const p of people) {
          await tx.user.update({
            where: { id: p.id },
            data: {
              name: ANONYMISED_NAME,
              mobile: `${ANONYMISED_MOBILE_PREFIX}${p.id}`,
              idNumberHash: null,
              idNumberMasked: null,
              passwordHash: NO_PASSWORD,
              mustChangePassword: false,
              disabledAt: p.disabledAt ?? now,
              // Ends any session still open.
              sessionVersion: { increment: 1 },
            },
          });
        }
        // Login attempts younger than the cutoff stay (they are the throttle's), without the mobile number.
        await tx.loginAttempt.updateMany({ where: { userId: { in: people.map((p) => p.id) } }, data: { mobile: ANONYMISED_MOBILE_PREFIX } });
        done += people.length;
      }
    },
  },
  leaverCertificates: {
    // A certificate is a record in its own right: it keeps its holder's name for RETENTION_YEARS from
    // issue, then (its holder anonymised) it still proves the course, hours and date, not whose they were.
    count: ({ cutoff }) => db.certificate.count({ where: leaverCertificateWhere(cutoff) }),
    apply: async (tx, { cutoff }) => (await tx.certificate.updateMany({ where: leaverCertificateWhere(cutoff), data: { holderName: ANONYMISED_NAME } })).count,
  },
};

function leaverWhere(cutoff: Date) {
  return { leftOn: { lt: cutoff }, NOT: { mobile: { startsWith: ANONYMISED_MOBILE_PREFIX } } };
}

/** Old certificates of people anonymised, or about to be in the same run (so the dry run counts them too). */
function leaverCertificateWhere(cutoff: Date) {
  return {
    issuedAt: { lt: cutoff },
    holderName: { not: ANONYMISED_NAME },
    user: { OR: [{ mobile: { startsWith: ANONYMISED_MOBILE_PREFIX } }, { leftOn: { lt: cutoff } }] },
  };
}

/** Deletes what `next` finds, a batch at a time, until it finds nothing (inside the caller's transaction). */
async function deleteInBatches(next: (take: number) => Promise<{ id: string }[]>, remove: (ids: string[]) => Promise<{ count: number }>): Promise<number> {
  let done = 0;
  for (;;) {
    const ids = (await next(BATCH)).map((r) => r.id);
    if (ids.length === 0) return done;
    done += (await remove(ids)).count;
  }
}

/**
 * Lists (apply false) or removes (apply true) everything older than `years` before `now`. Each kind is
 * its own transaction, in RETENTION_KINDS order (leavers before their certificates); a failure stops the
 * run with the kinds before it applied and the failing one rolled back.
 */
export async function runRetention(opts: { years: number; now?: Date; apply: boolean; onKind?: (kind: RetentionKind, count: number) => void }): Promise<RetentionReport> {
  const now = opts.now ?? new Date();
  const cutoffs: Cutoffs = { now, cutoff: retentionCutoff(now, opts.years), previewCutoff: new Date(now.getTime() - PREVIEW_EXPIRY_DAYS * 86_400_000) };
  const counts = Object.fromEntries(RETENTION_KINDS.map((k) => [k, 0])) as Record<RetentionKind, number>;
  for (const kind of RETENTION_KINDS) {
    const { count, apply } = KINDS[kind];
    counts[kind] = opts.apply ? await db.$transaction((tx) => apply(tx, cutoffs), { timeout: 30 * 60_000, maxWait: 60_000 }) : await count(cutoffs);
    opts.onKind?.(kind, counts[kind]);
  }
  return { applied: opts.apply, years: opts.years, cutoff: cutoffs.cutoff, previewCutoff: cutoffs.previewCutoff, counts };
}
