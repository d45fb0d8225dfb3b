// Next's proxy (Next 16's name for middleware): the content security policy of every page, with a fresh
// nonce per request (lib/csp.ts). Next reads the nonce from the request's Content-Security-Policy header
// and puts it on its own scripts; every page is rendered per request (the root layout reads the locale
// cookie), so each gets its own. Authorization is not done here: every page, action and route checks it.
// Other security headers (HSTS, nosniff, referrer, permissions, the API's policy) come from next.config.mjs.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";
import { env, servedOverHttps } from "@/lib/env";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    development: env.NODE_ENV === "development",
    https: servedOverHttps,
    videoOrigins: env.CSP_VIDEO_ORIGINS,
    muxData: Boolean(env.MUX_DATA_ENV_KEY),
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // For a component that must pass the nonce itself (next/script): headers().get("x-nonce").
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Not route handlers (/api: no HTML), build assets, videos and public files: no nonce to give.
      source: "/((?!api/|_next/static|_next/image|media/|favicon.ico|robots.txt).*)",
      // Prefetches carry no HTML either (Next's CSP guide).
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
