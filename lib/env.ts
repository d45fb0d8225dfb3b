// The one place that reads process.env: validated once, typed everywhere else.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** file:… → SQLite (default ./data/app.db); postgresql://… → PostgreSQL. */
  DATABASE_URL: z
    .string()
    .default("file:./data/app.db")
    .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), "DATABASE_URL must start with file: or postgresql://"),
  /** Signs session tokens. When unset, a random one is kept in data/.auth-secret (see ensureAuthSecret). */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Failed logins that lock an account for the rest of the window (OWASP ASVS 2.2.1: at most 100 an hour). */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: int(10).refine((n) => n <= 100, "at most 100 failures an hour per account (ASVS 2.2.1)"),
  /** Failed logins from one IP address in the window before that address is refused. */
  LOGIN_MAX_FAILURES_PER_IP: int(50),
  LOGIN_THROTTLE_WINDOW_MINUTES: int(60),
  /** Login attempts (right or wrong) a minute from one address, counted across instances (lib/rate-limit.ts).
   *  Generous: a classroom or an enterprise behind one address signs in together. */
  LOGIN_MAX_ATTEMPTS_PER_IP_PER_MINUTE: int(120),
  /** Login attempts a minute for one mobile number: bounds a parallel burst the failure count cannot see yet. */
  LOGIN_MAX_ATTEMPTS_PER_MOBILE_PER_MINUTE: int(30),
  /** Session lifetime. Learners on phones keep a week; a password change ends every session earlier. */
  SESSION_MAX_AGE_HOURS: int(24 * 7),
  /** Keys the hash of resident ID numbers (rosters keep only that hash and a masked form). When unset, a
   *  random one is kept in data/.identifier-secret. Never change it once rosters hold ID numbers. */
  IDENTIFIER_SECRET: z.string().min(32).optional(),
  /** Years `npm run retention` keeps logs (logins, rate limits, heartbeats, audit events), finished roster
   *  imports and the identity of people who left (features/privacy/retention.ts). Records are kept at
   *  least 3 years (DOMAIN.md), so 3 is the floor; 3 is also the default (PIPL art. 19: no longer than
   *  needed). Class-hour records and certificates are never removed. */
  RETENTION_YEARS: z.coerce
    .number()
    .int()
    .default(3)
    .refine((n) => n >= 3, "RETENTION_YEARS must be at least 3: records are kept at least 3 years (DOMAIN.md)")
    .refine((n) => n <= 50, "RETENTION_YEARS must be at most 50 (a number of years, not a date)"),
  /** Class-hour crediting (features/learning/crediting.ts): seconds between heartbeats. */
  LEARNING_HEARTBEAT_SECONDS: int(15).refine((n) => n >= 2 && n <= 60, "between 2 and 60 seconds"),
  /** Seconds without interaction before "are you still there?"; no answer pauses crediting. */
  LEARNING_IDLE_SECONDS: int(300).refine((n) => n >= 10 && n <= 3600, "between 10 and 3600 seconds"),
  /** Mux Data environment key. Unset (the default): the video player reports nothing to Mux. */
  MUX_DATA_ENV_KEY: z.string().min(1).optional(),
  /** `npm start` serves here. */
  PORT: int(3000),
  /** The address learners and inspectors reach the site at (e.g. https://gsyf.example.cn): printed in
   *  certificate QR codes. Unset: the address of the request that made the PDF. */
  PUBLIC_URL: z.string().url().optional(),
  /** Cookies for HTTPS only (__Host- names, Secure). Unset: when PUBLIC_URL is https://. "false" for plain
   *  http on a LAN; "true" also works on http://localhost and http://127.0.0.1 (browsers treat them as secure). */
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  /** Other origins lesson videos come from (a CDN, stream.mux.com), comma-separated: the content security
   *  policy allows them for media, images (posters) and fetches (HLS). E.g. https://video.example.cn */
  CSP_VIDEO_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(",").map((o) => o.trim()).filter(Boolean))
    .refine((list) => list.every((o) => /^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o)), "comma-separated https:// origins, no paths"),
  /** `npm start` loads the demo accounts and enterprises unless this is "false" (production). */
  DEMO_DATA: z.enum(["true", "false"]).default("true"),
  /** With the demo data, a generated city for the coverage dashboard (features/demo/city.ts); 0: none. */
  DEMO_CITY_STAFF: z.coerce.number().int().min(0).max(2_000_000).default(50_000),
  DEMO_CITY_ENTERPRISES: z.coerce.number().int().min(1).max(20_000).default(500),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}

export const env = load();

export const databaseProvider: "sqlite" | "postgresql" = env.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql";

/** Served over HTTPS (PUBLIC_URL says so): the CSP upgrades any http:// subresource. */
export const servedOverHttps = env.PUBLIC_URL?.startsWith("https://") === true;
/** Session and CSRF cookies with the __Host- prefix and Secure (lib/cookies.ts). */
export const secureCookies = env.SECURE_COOKIES ? env.SECURE_COOKIES === "true" : servedOverHttps;

/**
 * The session-signing secret. A fresh clone has none, and `npm start` must just work: generate one
 * on first use and keep it beside the database, so sessions survive restarts. Production sets AUTH_SECRET.
 */
export function authSecret(): string {
  return env.AUTH_SECRET ?? keptSecret(".auth-secret");
}

/** The key of resident-ID hashes (PIPL: the number itself is not stored). */
export function identifierSecret(): string {
  return env.IDENTIFIER_SECRET ?? keptSecret(".identifier-secret");
}

function keptSecret(name: string): string {
  const file = path.join(process.cwd(), "data", name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  return secret;
}
