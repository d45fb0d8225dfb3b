// Every exported server action × every role (issue 9, item 1), from the rules of tests/access/matrix.ts:
// each action is called as a signed-out visitor and as a demo account of each role, with an invalid
// input. A role the rule does not let through gets the unauthenticated / forbidden message and nothing
// is written; one it lets through gets past the permission check (to the validation error). The
// actions are enumerated from features/*/actions.ts at test time: an action without a rule fails.
// Only the request's session is stood in for (as tests/integration/authorization.test.ts does), and
// Auth.js's signIn/signOut, which need an HTTP request; the database is real.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it, vi } from "vitest";
import messages from "@/messages/zh-CN.json";
import type { SessionUser } from "@/lib/session";
import { ACCOUNTS, ACTION_RULES, BASE_ACTORS, actionFiles, completeness, type Actor, type ActionRule } from "../access/matrix";

const session = vi.hoisted(() => ({ current: null as SessionUser | null }));
const authCalls = vi.hoisted(() => ({ signOut: 0 }));
vi.mock("@/lib/session", () => ({ getSession: async () => session.current, getRequestSession: async () => session.current }));
vi.mock("@/lib/auth", () => ({
  auth: async () => null,
  handlers: {},
  signIn: async () => {},
  signOut: async () => {
    authCalls.signOut++;
  },
}));
// next-auth's package cannot load outside Next; the login action only needs its error class.
vi.mock("next-auth", () => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => createTranslator({ locale: "zh-CN", messages }),
  getFormatter: async () => ({ dateTime: (d: Date) => d.toISOString() }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = await import("@/lib/db");
const { loadDemo, sessionOf } = await import("./support");

const ROOT = process.cwd();
type Action = (previous: unknown, payload: unknown) => Promise<unknown>;

/** "features/x/actions.ts#name" → the exported function, for every function every actions file exports. */
const exported = new Map<string, (...args: unknown[]) => unknown>();
for (const file of actionFiles()) {
  const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) if (typeof value === "function") exported.set(`${file}#${name}`, value as (...args: unknown[]) => unknown);
}

const sessions = new Map<Actor, SessionUser | null>();

/** Row counts of every model: what a refused call must leave as it was. */
const MODELS = [...readFileSync(path.join(ROOT, "prisma/models.prisma"), "utf8").matchAll(/^model\s+(\w+)/gm)].map((m) => m[1]!);
const delegate = (model: string) => (db as unknown as Record<string, { count: () => Promise<number>; findMany: () => Promise<unknown[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!;

async function rowCounts(): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(MODELS.map(async (m) => [m, await delegate(m).count()] as const)));
}

/** A digest of every row of every model: no update either, not only no insert or delete. */
async function contentDigest(): Promise<string> {
  const hash = createHash("sha256");
  for (const m of MODELS) {
    const rows = (await delegate(m).findMany()).map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).sort();
    hash.update(`${m}\n${rows.join("\n")}\n`);
  }
  return hash.digest("hex");
}

beforeAll(async () => {
  await loadDemo();
  for (const actor of BASE_ACTORS) sessions.set(actor, actor === "ANON" ? null : await sessionOf(ACCOUNTS[actor].mobile));
});

describe("the action list and the rules agree", () => {
  it("every exported server action has a rule", () => {
    const { missingRules } = completeness([...exported.keys()]);
    expect(missingRules.filter((m) => m.startsWith("server action")), "add a rule to ACTION_RULES in tests/access/matrix.ts").toEqual([]);
  });

  it("every action rule names an exported server action", () => {
    const { staleRules } = completeness([...exported.keys()]);
    expect(staleRules.filter((m) => m.startsWith("ACTION_RULES")), "remove or rename the rule in tests/access/matrix.ts").toEqual([]);
  });

  it("every page and route handler of app/ has a rule, and every page or handler rule a route", () => {
    const { missingRules, staleRules } = completeness([...exported.keys()]);
    expect({ missingRules: missingRules.filter((m) => !m.startsWith("server action")), staleRules: staleRules.filter((m) => !m.startsWith("ACTION_RULES")) }).toEqual({ missingRules: [], staleRules: [] });
  });
});

/** What `actor` must get from the action: through to the validation error, or refused. */
function expected(rule: ActionRule, actor: Actor): "through" | "unauthenticated" | "forbidden" {
  if (rule.allow.includes(actor)) return "through";
  return actor === "ANON" ? "unauthenticated" : "forbidden";
}

describe("every server action × every role", () => {
  let before = "";
  beforeAll(async () => {
    before = await contentDigest();
  });

  for (const rule of ACTION_RULES) {
    const key = `${rule.file}#${rule.name}`;
    it(`${key} (${rule.access}): ${rule.allow.join(", ") || "nobody"} through, the rest refused`, async (ctx) => {
      const fn = exported.get(key);
      // A rule without its action is reported by the completeness test above, by name.
      if (!fn) return ctx.skip(`not exported yet: ${key}${rule.pending ? ` (${rule.pending})` : ""}`);
      const failures: string[] = [];
      const countsBefore = await rowCounts();
      for (const actor of BASE_ACTORS) {
        session.current = sessions.get(actor)!;
        const want = expected(rule, actor);
        if (rule.plainForm) {
          // A plain form handler (the header's sign-out button): public, it must run for everyone.
          const calls = authCalls.signOut;
          await (fn as () => Promise<void>)();
          if (want === "through" && authCalls.signOut !== calls + 1) failures.push(`${actor}: did not run`);
          if (want !== "through") failures.push(`${actor}: a plain form handler cannot refuse; give it a permission through defineAction`);
          continue;
        }
        const result = (await (fn as Action)(null, rule.input ?? {})) as { ok: boolean; message?: string };
        if (want === "through") {
          // Past the permission check, the invalid input is refused by the action's schema.
          if (!(result.ok === false && result.message === messages.errors.validation)) failures.push(`${actor}: expected the validation error, got ${JSON.stringify(result)}`);
        } else {
          const message = want === "unauthenticated" ? messages.errors.unauthenticated : messages.errors.forbidden;
          if (!(result.ok === false && result.message === message && !("fieldErrors" in result && result.fieldErrors))) failures.push(`${actor}: expected ${want} (${message}), got ${JSON.stringify(result)}`);
        }
      }
      session.current = null;
      expect(failures, key).toEqual([]);
      expect(await rowCounts(), `${key} wrote rows`).toEqual(countsBefore);
    });
  }

  it("no call above changed any row", async () => {
    expect(before).not.toBe("");
    expect(await contentDigest()).toBe(before);
  });
});
