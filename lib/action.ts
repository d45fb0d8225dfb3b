// The one server-action wrapper: parse the input with the action's zod schema, get the session, check
// the permission, run, and return a result forms read with useActionState. Server actions are public
// endpoints: no action skips this.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { requireRequest, type Permission } from "@/lib/authz";
import { AppError, toAppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/session";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; code?: string };

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** Zod messages are keys under "validation" where one exists, or ready text (identifier messages). */
export function translateIssue(t: Translate, message: string): string {
  return t.has(`validation.${message}`) ? t(`validation.${message}`) : message;
}

function fieldErrorsOf(t: Translate, error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(translateIssue(t, issue.message));
  }
  return out;
}

function failure(t: Translate, error: unknown): { ok: false; message: string; fieldErrors?: Record<string, string[]>; code?: string } {
  const known = toAppError(error);
  if (known instanceof AppError) {
    const message = t.has(known.message) ? t(known.message, known.params) : known.message;
    const fieldErrors = known.fieldErrors
      ? Object.fromEntries(Object.entries(known.fieldErrors).map(([k, v]) => [k, v.map((m) => translateIssue(t, m))]))
      : undefined;
    // The code lets a caller tell a passing fault (UNAVAILABLE: try again) from a final refusal.
    return { ok: false, message, fieldErrors, code: known.code };
  }
  console.error("[action] unexpected error", error);
  return { ok: false, message: t("errors.unexpected") };
}

function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // Next's own fields
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

type Def<S extends z.ZodType, T> = {
  schema: S;
  /** "public" only for signing in and choosing a language. */
  permission: Permission | "public";
  run: (input: z.output<S>, user: SessionUser | null) => Promise<T>;
};

export function defineAction<S extends z.ZodType, T>(def: Def<S, T>) {
  return async function action(_previous: unknown, payload: FormData | z.input<S>): Promise<ActionResult<T>> {
    const t = await getTranslations();
    let user: SessionUser | null = null;
    try {
      if (def.permission !== "public") user = await requireRequest(def.permission);
    } catch (error) {
      return failure(t, error);
    }
    const parsed = def.schema.safeParse(payload instanceof FormData ? formDataToObject(payload) : payload);
    if (!parsed.success) return { ok: false, message: t("errors.validation"), fieldErrors: fieldErrorsOf(t, parsed.error) };
    try {
      return { ok: true, data: await def.run(parsed.data, user) };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      return failure(t, error);
    }
  };
}
