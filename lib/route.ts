// The one wrapper of route handlers (machine callers and file downloads): the permission check, typed
// errors as JSON with their HTTP status, anything unexpected logged and answered 500 without details.
import "server-only";
import { NextResponse } from "next/server";
import { requireRequest, type Permission } from "@/lib/authz";
import { AppError, HTTP_STATUS, toAppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/session";

export function routeHandler<C>(name: string, permission: Permission, run: (user: SessionUser, request: Request, context: C) => Promise<Response>) {
  return async function handler(request: Request, context: C): Promise<Response> {
    try {
      const user = await requireRequest(permission);
      return await run(user, request, context);
    } catch (error) {
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
