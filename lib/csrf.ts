// Cross-site request forgery check of route handlers (lib/route.ts). The session cookie is SameSite=Lax,
// which already keeps it off cross-site POSTs in current browsers; this check does not rely on that (older
// browsers, a sibling subdomain counts as same-site). A state-changing request authenticated by the cookie
// must say it comes from our own origin:
//   1. Origin (every browser sends it on POST/PUT/PATCH/DELETE, fetch, XMLHttpRequest and sendBeacon alike);
//   2. without it, Sec-Fetch-Site: same-origin;
//   3. without either, the Referer's origin;
//   4. with none of them: refused (a browser always sends one; a script can add Origin itself).
// "Ours" is the host the request was sent to (Host, or X-Forwarded-Host behind a proxy; the scheme is not
// compared because TLS usually ends at the proxy, as Next's own check of server actions does) or PUBLIC_URL.
// A cross-site page cannot forge Origin or X-Forwarded-Host: a custom header needs a CORS preflight we
// never grant. Server actions get Next's own Origin-against-Host check; the data feed is authorised by an
// API key in a header, which a browser never sends by itself, so it needs no check.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginVerdict = { ok: true } | { ok: false; reason: "crossOrigin" | "noOrigin" };

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** The hosts this request may come from: the one it was sent to, and PUBLIC_URL's. */
function ownHosts(request: Request, publicUrl: string | undefined): Set<string> {
  const hosts = new Set<string>();
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = request.headers.get("host")?.trim();
  for (const h of [forwarded, host]) if (h) hosts.add(h.toLowerCase());
  if (!host) {
    const own = hostOf(request.url);
    if (own) hosts.add(own);
  }
  const pub = publicUrl ? hostOf(publicUrl) : null;
  if (pub) hosts.add(pub);
  return hosts;
}

/** Whether a state-changing request comes from our own origin (GET and HEAD always pass). */
export function checkOrigin(request: Request, publicUrl?: string): OriginVerdict {
  if (!isStateChanging(request.method)) return { ok: true };
  const own = ownHosts(request, publicUrl);
  const origin = request.headers.get("origin");
  if (origin !== null) {
    // "null": a sandboxed frame, a file, a redirect across origins: not us.
    const host = origin === "null" ? null : hostOf(origin);
    return host && own.has(host) ? { ok: true } : { ok: false, reason: "crossOrigin" };
  }
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" ? { ok: true } : { ok: false, reason: "crossOrigin" };
  const referer = request.headers.get("referer");
  if (referer) {
    const host = hostOf(referer);
    return host && own.has(host) ? { ok: true } : { ok: false, reason: "crossOrigin" };
  }
  return { ok: false, reason: "noOrigin" };
}
