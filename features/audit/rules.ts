// The audit log's rules as pure functions: which region an event belongs to, the viewer's date range in
// Beijing time, and what an event's detail may hold.

/**
 * The narrowest region containing every code (GB/T 2260: province XX0000, city XXXX00, county XXXXXX):
 * the county when all are in one, else their city, else their province; null for none or several provinces.
 */
export function narrowestRegion(codes: readonly string[]): string | null {
  const distinct = [...new Set(codes)];
  if (distinct.length === 0) return null;
  if (distinct.length === 1) return distinct[0]!;
  for (const [digits, pad] of [[4, "00"], [2, "0000"]] as const) {
    const prefix = distinct[0]!.slice(0, digits);
    if (distinct.every((c) => c.startsWith(prefix))) return prefix + pad;
  }
  return null;
}

/** The instants bounding Beijing days `from`..`to` (both included): [gte, lt). */
export function beijingDayRange(from?: string, to?: string): { gte?: Date; lt?: Date } {
  const start = (day: string) => new Date(`${day}T00:00:00+08:00`);
  const out: { gte?: Date; lt?: Date } = {};
  if (from && !Number.isNaN(start(from).getTime())) out.gte = start(from);
  if (to && !Number.isNaN(start(to).getTime())) out.lt = new Date(start(to).getTime() + 86_400_000);
  return out;
}

export type AuditDetail = Record<string, string | number | boolean | null>;

// A resident ID number (GB 11643: 17 digits and a check character) anywhere in a value, and a whole
// mainland mobile number: neither belongs in the log (PIPL minimisation), whatever a caller passes.
const RESIDENT_ID = /\d{17}[\dXx]/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** The detail as stored: strings capped, ID numbers and mobile numbers blanked. */
export function scrubDetail(detail: AuditDetail | undefined): AuditDetail | undefined {
  if (!detail) return undefined;
  const out: AuditDetail = {};
  for (const [key, value] of Object.entries(detail)) {
    out[key] = typeof value === "string" ? value.replace(RESIDENT_ID, "******************").replace(MOBILE, "***********").slice(0, 200) : value;
  }
  return out;
}
