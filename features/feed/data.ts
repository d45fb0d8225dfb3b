// The read-only data feed for upstream regulator systems (issue 6): coverage figures as JSON or CSV,
// authorised by an API key instead of a session. A key is scoped to the region of the regulator who
// created it and reads exactly what that regulator's dashboard shows, with personal data left out (the
// feed gives figures and enterprise rows, never people). Only a SHA-256 hash of each key is stored.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { NextResponse } from "next/server";
import { z } from "zod";
import { recordAudit } from "@/features/audit/data";
import { coverageReport, type CoverageReport } from "@/features/coverage/data";
import { db } from "@/lib/db";
import { AppError, forbidden, HTTP_STATUS, notFound, toAppError, unauthenticated, validation } from "@/lib/errors";
import { regionCodeSchema, storableText } from "@/lib/identifiers";
import { canAccessRegion } from "@/lib/scope";
import type { SessionUser } from "@/lib/session";

const KEY_PREFIX = "gsyf_";
const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

function feedOwner(user: SessionUser) {
  if (user.role !== "REGULATOR" && user.role !== "ADMIN") throw forbidden();
  const regionCode = user.regionCode ?? (user.role === "ADMIN" ? "510000" : null);
  if (!regionCode) throw forbidden();
  return regionCode;
}

/** Creates a key for the user's region. The key itself is returned once and never stored. */
export async function createApiKey(user: SessionUser, name: string) {
  const regionCode = feedOwner(user);
  const key = `${KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { name, prefix: key.slice(0, KEY_PREFIX.length + 6), hash: hashKey(key), regionCode, createdById: user.id },
      select: { id: true, name: true, prefix: true, regionCode: true },
    });
    await recordAudit(tx, { actor: user, action: "apikey.create", target: { type: "ApiKey", id: created.id }, scope: { regionCode }, detail: { name, prefix: created.prefix } });
    return created;
  });
  return { ...row, key };
}

/** The keys of the user's region (an admin sees all). */
export async function listApiKeys(user: SessionUser) {
  const regionCode = feedOwner(user);
  return db.apiKey.findMany({
    where: user.role === "ADMIN" ? {} : { regionCode },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, regionCode: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export async function revokeApiKey(user: SessionUser, id: string) {
  feedOwner(user);
  const key = await db.apiKey.findUnique({ where: { id }, select: { regionCode: true, name: true, prefix: true } });
  if (!key) throw notFound();
  if (!canAccessRegion(user, key.regionCode)) throw forbidden();
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count > 0) {
      await recordAudit(tx, { actor: user, action: "apikey.revoke", target: { type: "ApiKey", id }, scope: { regionCode: key.regionCode }, detail: { name: key.name, prefix: key.prefix } });
    }
  });
}

/** The key's owner as the data layer's scope checks see it: a regulator of the key's region. */
async function authenticate(request: Request): Promise<SessionUser> {
  const header = request.headers.get("authorization") ?? "";
  const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!key || !key.startsWith(KEY_PREFIX)) throw unauthenticated("feed.noKey");
  const row = await db.apiKey.findUnique({ where: { hash: hashKey(key) } });
  if (!row || row.revokedAt) throw unauthenticated("feed.badKey");
  await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return {
    id: `api-key:${row.id}`,
    name: row.name,
    mobile: "",
    role: "REGULATOR",
    regionCode: row.regionCode,
    enterpriseId: null,
    schoolId: null,
    positionCode: null,
    mustChangePassword: false,
    sessionVersion: 0,
  };
}

export const FEED_TABLES = ["summary", "region", "enterprise", "industry", "position", "family", "trend"] as const;

// storableText: text PostgreSQL cannot hold (NUL, half a surrogate pair) is refused here, not by the database.
export const feedQuerySchema = storableText(z.object({
  region: regionCodeSchema.optional(),
  period: z.string().min(1).max(20).optional(),
  table: z.enum(FEED_TABLES).default("summary"),
  format: z.enum(["json", "csv"]).default("json"),
}));

type Row = Record<string, string | number | null>;

/** The rows of one table of the report, without personal data. */
export function feedRows(report: CoverageReport, table: (typeof FEED_TABLES)[number]): Row[] {
  const fig = (x: { trained: number; total: number; share: number | null }) => ({ total: x.total, trained: x.trained, share: x.share });
  switch (table) {
    case "summary":
      return [
        {
          region: report.region.code,
          period: report.period.id,
          asOf: report.asOf.toISOString(),
          ...fig(report.headline),
          target: report.target,
          keyEnterprises: report.keyEnterprises,
          enterprisesWithoutRoster: report.enterprisesWithoutRoster,
          classHours: report.classHours,
          activeLearners: report.activeLearners,
          // Average satisfaction (100-point scale) of the report's year, with its valid questionnaires.
          satisfaction: report.satisfaction.average,
          satisfactionRespondents: report.satisfaction.respondents,
        },
      ];
    case "region":
      return report.byRegion.map((r) => ({ code: r.code, name: r.name, ...fig(r) }));
    case "enterprise":
      return report.enterprises.map((e) => ({ creditCode: e.creditCode, name: e.name, region: e.regionCode, industry: e.industryCode, ...fig(e) }));
    case "industry":
      return report.byIndustry.map((r) => ({ code: r.code, name: r.name, ...fig(r) }));
    case "position":
      return report.byPosition.map((r) => ({ code: r.code, name: r.name, ...fig(r) }));
    case "family":
      return report.byFamily.map((r) => ({ code: r.code, ...fig(r) }));
    case "trend":
      return report.trend.map((r) => ({ month: r.month, ...fig(r), target: r.target }));
  }
}

async function csv(rows: Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("feed");
  const columns = Object.keys(rows[0] ?? {});
  sheet.addRow(columns);
  for (const r of rows) sheet.addRow(columns.map((c) => r[c] ?? ""));
  // UTF-8 with a BOM, so Excel in China opens the Chinese names correctly.
  return Buffer.concat([Buffer.from("\uFEFF"), Buffer.from(await book.csv.writeBuffer())]);
}

/** GET /api/feed/v1/coverage: the whole request, errors as JSON with their status. */
export async function feedResponse(request: Request, now = new Date()): Promise<Response> {
  try {
    const user = await authenticate(request);
    const query = feedQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw validation(Object.fromEntries(query.error.issues.map((i) => [String(i.path[0] ?? "_"), [i.message]])));
    const report = await coverageReport(user, { regionCode: query.data.region ?? user.regionCode!, periodId: query.data.period }, now);
    const rows = feedRows(report, query.data.table);
    if (query.data.format === "csv") {
      return new NextResponse(new Uint8Array(await csv(rows)), {
        headers: { "Content-Type": "text/csv; charset=utf-8", "Cache-Control": "private, no-store", "Content-Disposition": `attachment; filename="coverage-${query.data.table}.csv"` },
      });
    }
    return NextResponse.json(
      { region: { code: report.region.code, name: report.region.name }, period: report.period.id, asOf: report.asOf.toISOString(), table: query.data.table, rows },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  } catch (error) {
    const known = toAppError(error);
    if (known instanceof AppError) return NextResponse.json({ error: known.code, message: known.message, fieldErrors: known.fieldErrors }, { status: HTTP_STATUS[known.code] });
    console.error("[feed] unexpected error", error);
    return NextResponse.json({ error: "UNEXPECTED" }, { status: 500 });
  }
}
