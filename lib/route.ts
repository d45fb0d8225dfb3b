// The one wrapper of route handlers (machine callers and file downloads): the same-origin check of
// state-changing requests (lib/csrf.ts), the permission check, typed errors as JSON with their HTTP
// status (a rate limit's with Retry-After), anything unexpected logged and answered 500 without details.
// Every handler here is authorised by the session cookie; the data feed (API keys) does not use it.
import "server-only";
import { NextResponse } from "next/server";
import { requireRequest, type Permission } from "@/lib/authz";
import { checkOrigin } from "@/lib/csrf";
import { env } from "@/lib/env";
import { AppError, HTTP_STATUS, forbidden, notFound, toAppError } from "@/lib/errors";
import { isStorableText } from "@/lib/identifiers";
import { RateLimited, rateLimitedResponse } from "@/lib/rate-limit";
import type { SessionUser } from "@/lib/session";

export function routeHandler<C>(name: string, permission: Permission, run: (user: SessionUser, request: Request, context: C) => Promise<Response>) {
  return async function handler(request: Request, context: C): Promise<Response> {
    try {
      // Before the session is read: a forged request learns nothing, not even whether it was signed in.
      if (!checkOrigin(request, env.PUBLIC_URL).ok) throw forbidden("errors.crossOrigin");
      const user = await requireRequest(permission);
      // A path segment the database cannot store (%00 decodes to NUL, which PostgreSQL refuses) names nothing.
      const params = (context as { params?: Promise<Record<string, string | string[] | undefined>> } | undefined)?.params;
      if (params && !Object.values(await params).flat().every((v) => v === undefined || isStorableText(v))) throw notFound();
      return await run(user, request, context);
    } catch (error) {
      if (error instanceof RateLimited) return rateLimitedResponse(error);
      const known = toAppError(error);
      if (known instanceof AppError) {
        // The message is a message key (never internal detail): the browser shows it translated.
        return NextResponse.json({ error: known.code, message: known.message, params: known.params }, { status: HTTP_STATUS[known.code] });
      }
      console.error(`[${name}] unexpected error`, error);
      return NextResponse.json({ error: "UNEXPECTED" }, { status: 500 });
    }
  };
}

/** A file download: no caching by shared caches, an ASCII fallback name and the real (UTF-8) one. */
export function fileResponse(body: Buffer, contentType: string, asciiName: string, name: string): Response {
  return new NextResponse(new Uint8Array(body), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
