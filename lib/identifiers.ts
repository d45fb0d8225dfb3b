// Chinese identifiers the platform accepts, validated in one place (DOMAIN.md, "Identifiers and
// validation"): mobile numbers, resident ID numbers (GB 11643-1999), unified social credit codes
// (GB 32100-2015) and administrative region codes (GB/T 2260). Pure functions plus zod schemas for the
// boundaries; no I/O, safe on client and server.
import { z } from "zod";

// ---- Mobile number ------------------------------------------------------------------------------

/** Mainland mobile number: 11 digits, `1[3-9]\d{9}` (DOMAIN.md). */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function isValidMobile(value: string): boolean {
  return MOBILE_PATTERN.test(value);
}

/** 138****0000: what lists and logs show of a mobile number. */
export function maskMobile(value: string): string {
  return value.length === 11 ? `${value.slice(0, 3)}****${value.slice(7)}` : "***";
}

// ---- Resident ID number (GB 11643-1999) ---------------------------------------------------------

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = "10X98765432";

/** The check digit (0–9 or X) of the first 17 digits of a resident ID number, ISO 7064 MOD 11-2. */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error("residentIdCheckDigit needs 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export type ResidentIdProblem = "format" | "region" | "birthDate" | "checkDigit";

/**
 * Checks an 18-character resident ID number: structure, a real birth date (not in the future, not
 * before 1800: the standard's own example is born in 1880) and the GB 11643 check digit. Returns null
 * when valid, else what is wrong.
 */
export function residentIdProblem(value: string, today = new Date()): ResidentIdProblem | null {
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return "format";
  if (!/^[1-9]\d{5}$/.test(id.slice(0, 6))) return "region";
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  // "Today" is the calendar date in China (UTC+8), so a baby born today is valid at any hour.
  const china = new Date(today.getTime() + 8 * 3_600_000);
  const todayInChina = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate());
  if (y < 1800 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > todayInChina)
    return "birthDate";
  if (residentIdCheckDigit(id.slice(0, 17)) !== id[17]) return "checkDigit";
  return null;
}

export function isValidResidentId(value: string): boolean {
  return residentIdProblem(value) === null;
}

/** 5104**********123X: PIPL treats the ID number as sensitive; lists show only this much. */
export function maskResidentId(value: string): string {
  return value.length === 18 ? `${value.slice(0, 4)}${"*".repeat(10)}${value.slice(14)}` : "***";
}

// ---- Unified social credit code (GB 32100-2015) -------------------------------------------------

/** The 31 characters a credit code may use: digits and upper-case letters without I, O, Z, S, V. */
export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character of the first 17 characters of a credit code (GB 32100-2015, 31 − Σ mod 31). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error("creditCodeCheckChar needs 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (v < 0) throw new Error(`"${first17[i]}" is not a credit-code character`);
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

export type CreditCodeProblem = "format" | "checkChar";

export function creditCodeProblem(value: string): CreditCodeProblem | null {
  const code = value.toUpperCase();
  // Position 1: registration authority, 2: entity type, 3–8: region code, 9–17: organisation code.
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return "format";
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return "checkChar";
  return null;
}

export function isValidCreditCode(value: string): boolean {
  return creditCodeProblem(value) === null;
}

// ---- Region code (GB/T 2260) --------------------------------------------------------------------

export type RegionLevel = "PROVINCE" | "CITY" | "COUNTY";

/** Six digits, a province part 11–82, and no county part without its city part. */
export function isValidRegionCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const province = Number(code.slice(0, 2));
  if (province < 11 || province > 82) return false;
  return !(code.slice(2, 4) === "00" && code.slice(4) !== "00");
}

export function regionLevel(code: string): RegionLevel {
  if (code.endsWith("0000")) return "PROVINCE";
  if (code.endsWith("00")) return "CITY";
  return "COUNTY";
}

/** The code prefix every region inside `code` shares: 51 for Sichuan, 5104 for Panzhihua. */
export function regionPrefix(code: string): string {
  const level = regionLevel(code);
  return level === "PROVINCE" ? code.slice(0, 2) : level === "CITY" ? code.slice(0, 4) : code;
}

/** Is `inner` the region `outer` or inside it? */
export function isWithinRegion(outer: string, inner: string): boolean {
  return inner.startsWith(regionPrefix(outer));
}

// ---- zod schemas for the boundaries (messages are keys under `validation` in messages/) ------

export const mobileSchema = z.string().trim().regex(MOBILE_PATTERN, "mobile");

export const residentIdSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => residentIdProblem(v) === null, "residentId");

export const creditCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => creditCodeProblem(v) === null, "creditCode");

export const regionCodeSchema = z.string().trim().refine(isValidRegionCode, "regionCode");

// ---- Text the database can store ------------------------------------------------------------------

/** No NUL (PostgreSQL refuses it in text) and no half of a surrogate pair (Prisma's query protocol refuses it). */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}

/**
 * The schema, also refusing every string in its value that the database could not store, at the field
 * that holds it (message key "invalidText"). A JSON payload may carry "\u0000" or "\ud800": the query
 * failed on it and the request was answered as an unexpected error (issue 9, tests/integration/fuzz-api.test.ts).
 */
export function storableText<S extends z.ZodType>(schema: S): S {
  return schema.superRefine((value, ctx) => {
    const visit = (v: unknown, path: (string | number)[], depth: number): void => {
      if (typeof v === "string") {
        if (!isStorableText(v)) ctx.addIssue({ code: "custom", path, message: "invalidText" });
      } else if (Array.isArray(v) && depth < 8) v.forEach((x, i) => visit(x, [...path, i], depth + 1));
      else if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype && depth < 8)
        for (const [k, x] of Object.entries(v)) visit(x, [...path, k], depth + 1);
    };
    visit(value, [], 0);
  }) as S;
}
