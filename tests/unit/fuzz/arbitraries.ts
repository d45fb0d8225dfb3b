// fast-check arbitraries the fuzz tests share: malformed values of every kind a form, a JSON body or a
// server action's payload can carry, identifiers valid by construction (GB 11643, GB 32100, GB/T 2260),
// and the check that an error message is clear (a message key that exists, or ready text).
import fc from "fast-check";
import messages from "@/messages/zh-CN.json";
import { creditCodeCheckChar, CREDIT_CODE_CHARSET, residentIdCheckDigit } from "@/lib/identifiers";

// The seed: random on a developer's machine (a failure prints its seed and the shrunk input, to replay
// with FUZZ_SEED), fixed in CI so that a run judges the change, not a newly drawn input. FUZZ_SEED overrides.
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.CI === "true" ? 20_261_205 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });

// ---- Malformed values -----------------------------------------------------------------------------

const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).concat("\u007f", "\u0085", "\u2028", "\u2029");

/** Strings that have broken parsers before: NUL, lone surrogates, bidi overrides, full-width digits, injections. */
export const TRICKY_STRINGS = [
  "", " ", "\u0000", "\u0000abc", "abc\u0000", "\u200b", "\ufeff", "\u202e13800000000", "\ud800", "\udfff", "x\ud83d",
  "１３８００００００００", "١٣٨٠٠٠٠٠٠٠٠", "13800000000\n", " 13800000000\u0000", "NaN", "Infinity", "-Infinity", "-0", "1e309",
  "-1", "0x10", "null", "undefined", "true", "false", "[]", "{}", "<script>alert(1)</script>", "' OR 1=1 --", "\"; DROP TABLE \"User\"; --",
  "{0}", "{name}", "{{x}}", "%s%n", "../../etc/passwd", "__proto__", "constructor", "prototype", "toString", "$ACTION_ID_0",
  "2026-02-30", "2026-13-01", "0000-00-00", "9999-99-99", "2026-02-29", "51040219900230123X", "11010519491231002x",
  "91510400MA00000000", "ZZZZZZZZZZZZZZZZZZ", "510400", "000000", "999999", "yes", "on", "STAFF", "zh-CN",
] as const;

export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "__defineGetter__", "hasOwnProperty", "toString", "valueOf"] as const;

/** Strings of every kind: any code points, graphemes, control characters, tricky constants, huge ones. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...TRICKY_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...CONTROL), minLength: 1, maxLength: 20 }), weight: 1 },
  // Huge: far past every max() (the largest is 2,000), up to 200,000 characters.
  { arbitrary: fc.tuple(fc.constantFrom("字", "a", "1", "\u0000", "𠮷", " "), fc.integer({ min: 2_001, max: 200_000 })).map(([c, n]) => c.repeat(n)), weight: 1 },
);

/** Numbers at the edges: NaN, infinities, -0, huge, tiny, negative, fractions. */
export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER, -1, 1e21, 0.5, 2 ** 31, -(2 ** 31) - 1),
  fc.double(),
  fc.integer(),
);

/** An object whose own keys include prototype-pollution keys (as JSON.parse would build it). */
export const pollutingObject: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.oneof(fc.constant({ polluted: true }), fc.constant("polluted"), fc.constant(null)), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }))
  .map(([key, value, rest]) => {
    const out = JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}}`) as Record<string, unknown>;
    for (const [k, v] of Object.entries(rest)) setOwn(out, k, v);
    return out;
  });

/**
 * Any value a request may carry, malformed: wrong types, NaN/Infinity, huge strings, control characters,
 * nested objects and arrays, Maps, Sets, Dates (valid and invalid), BigInts, typed arrays, Files,
 * null-prototype objects and objects with prototype-pollution keys.
 */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: nastyString, weight: 5 },
  { arbitrary: nastyNumber, weight: 3 },
  { arbitrary: fc.constantFrom(null, undefined, true, false), weight: 2 },
  { arbitrary: fc.bigInt(), weight: 1 },
  { arbitrary: fc.date({ noInvalidDate: false }), weight: 1 },
  { arbitrary: pollutingObject, weight: 2 },
  { arbitrary: fc.array(nastyString, { maxLength: 5 }), weight: 1 },
  { arbitrary: fc.constant(null).map(() => new File(["not a form field"], "x.txt", { type: "text/plain" })), weight: 1 },
  {
    arbitrary: fc.anything({
      maxDepth: 3,
      maxKeys: 5,
      key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...PROTOTYPE_KEYS)),
      values: [nastyString, nastyNumber, fc.boolean(), fc.constant(null)],
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
      withObjectString: true,
    }),
    weight: 3,
  },
);

/** Sets an own property (also "__proto__", which an assignment would treat as the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type Path = (string | number)[];

/** Every path to a value inside a plain object or array (the places a mutation may hit). */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (prefix.length > 8) return [prefix];
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return [prefix];
}

function cloneDeep<T>(value: T, depth = 0): T {
  if (depth > 20) return value;
  if (Array.isArray(value)) return value.map((v) => cloneDeep(v, depth + 1)) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, cloneDeep(v, depth + 1));
    return out as T;
  }
  return value;
}

export type Mutation =
  | { kind: "replace"; at: number; value: unknown }
  | { kind: "delete"; at: number }
  | { kind: "extra"; at: number; key: string; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: nastyValue }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("extra" as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 12 })), value: nastyValue }), weight: 2 },
);

/** setOwn, where the target takes it (a typed array refuses most keys, a boxed string its indices). */
function trySetOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  try {
    setOwn(target, key, value);
  } catch {
    // not a place a field can be added
  }
}

/** Applies mutations to a copy of a (valid) value: a field replaced by a malformed value, deleted, or an extra key added. */
export function mutate(base: unknown, mutations: Mutation[]): unknown {
  let root = cloneDeep(base);
  for (const original of mutations) {
    // A copy: fast-check hands the same constant objects to many runs, and a mutation must not change them.
    const m = "value" in original ? { ...original, value: cloneDeep(original.value) } : original;
    // A field rather than the whole value, where there are fields: malformedFrom replaces the whole itself.
    const all = pathsOf(root);
    const paths = m.kind === "extra" || all.length === 1 ? all : all.slice(1);
    const path = paths[m.at % paths.length]!;
    if (path.length === 0) {
      if (m.kind === "replace") root = m.value;
      else if (m.kind === "extra" && root && typeof root === "object" && !Array.isArray(root)) trySetOwn(root as Record<string, unknown>, m.key, m.value);
      else if (m.kind === "delete") root = undefined;
      continue;
    }
    const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root) as Record<string | number, unknown> | unknown[];
    const key = path[path.length - 1]!;
    if (m.kind === "replace") {
      if (Array.isArray(parent)) parent[key as number] = m.value;
      else trySetOwn(parent, String(key), m.value);
    } else if (m.kind === "delete") {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else {
      const target = Array.isArray(parent) ? parent : (parent[key] as unknown);
      if (target && typeof target === "object" && !Array.isArray(target)) trySetOwn(target as Record<string, unknown>, m.key, m.value);
      else if (Array.isArray(target)) target.push(m.value);
    }
  }
  return root;
}

/** A valid value with one to three mutations, or a malformed value in its place. */
export function malformedFrom(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([v, ms]) => mutate(v, ms)), weight: 4 },
    { arbitrary: nastyValue, weight: 1 },
  );
}

// ---- Identifiers valid by construction ------------------------------------------------------------

export const validMobile = fc.stringMatching(/^1[3-9]\d{9}$/);

const pad = (n: number, w: number) => String(n).padStart(w, "0");

/** A resident ID number (GB 11643-1999): region, a real past birth date, sequence, check digit. */
export const validResidentId = fc
  .tuple(
    fc.stringMatching(/^[1-9]\d{5}$/),
    fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date(Date.now() - 3 * 86_400_000), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([region, birth, seq]) => {
    const first17 = `${region}${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}${pad(seq, 3)}`;
    return first17 + residentIdCheckDigit(first17);
  });

const creditChar = fc.constantFrom(...CREDIT_CODE_CHARSET.split(""));

/** A unified social credit code (GB 32100-2015): 2 characters, 6-digit region, 9 characters, check character. */
export const validCreditCode = fc
  .tuple(fc.array(creditChar, { minLength: 2, maxLength: 2 }), fc.stringMatching(/^\d{6}$/), fc.array(creditChar, { minLength: 9, maxLength: 9 }))
  .map(([a, region, b]) => {
    const first17 = `${a.join("")}${region}${b.join("")}`;
    return first17 + creditCodeCheckChar(first17);
  });

/** A region code (GB/T 2260): province 11–82; a county part only with a city part. */
export const validRegionCode = fc
  .tuple(fc.integer({ min: 11, max: 82 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
  .map(([p, c, k]) => `${p}${pad(c, 2)}${pad(c === 0 ? 0 : k, 2)}`);

/** A real calendar day, YYYY-MM-DD. */
export const validDay = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Text of 1–n characters with no leading or trailing space (what a trimmed field keeps). */
export const text = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."安全生产工伤预防培训班组长abcXYZ0123456789-_".split("")), minLength: min, maxLength: max });

// ---- Clear errors ---------------------------------------------------------------------------------

const VALIDATION_KEYS = new Set(Object.keys(messages.validation));

/**
 * A clear error message: a key under "validation" that exists in messages/zh-CN.json (lib/action.ts
 * translateIssue shows its text), or ready text (words, not a bare key). A key-like message that does
 * not exist would reach the user as "surveyLevl" and is not clear.
 */
export function isClearMessage(message: unknown): boolean {
  if (typeof message !== "string" || message.trim() === "") return false;
  if (/^[A-Za-z][A-Za-z0-9_.]*$/.test(message)) return VALIDATION_KEYS.has(message);
  return true;
}

/** After a translated field error: text of a key that existed, or ready text; never a bare key. */
export function isTranslatedMessage(message: unknown): boolean {
  return typeof message === "string" && message.trim() !== "" && !/^[A-Za-z][A-Za-z0-9_.]*$/.test(message);
}

/** Object.prototype as it was when the module loaded: a parse that pollutes it changes this. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort().join(",");
export function prototypeIntact(): boolean {
  return Object.getOwnPropertyNames(Object.prototype).sort().join(",") === PROTOTYPE_NAMES && !("polluted" in {});
}
