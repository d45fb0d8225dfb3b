// The content security policy of pages (lib/csp.ts, set by proxy.ts) and the session cookies' names and
// attributes (lib/cookies.ts, used by lib/auth.ts, lib/session.ts and the benchmarks).
import { describe, expect, it } from "vitest";
import { authCookies, cookieOptions, sessionCookieName } from "@/lib/cookies";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => { const [name, ...values] = d.split(" "); return [name!, values]; }));

describe("content security policy", () => {
  const base = { nonce: "abc123==", development: false, https: true, videoOrigins: [], muxData: false };

  it("runs only scripts with this request's nonce, never inline or eval in production", () => {
    const csp = directives(contentSecurityPolicy(base));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
  });

  it("allows eval only in development, and upgrades requests only over HTTPS", () => {
    expect(directives(contentSecurityPolicy({ ...base, development: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ ...base, https: false })).has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows video origins and Mux Data only when configured", () => {
    const csp = directives(contentSecurityPolicy({ ...base, videoOrigins: ["https://video.example.cn"], muxData: true }));
    expect(csp.get("media-src")).toEqual(["'self'", "blob:", "https://video.example.cn"]);
    expect(csp.get("connect-src")).toEqual(["'self'", "https://video.example.cn", "https://*.litix.io"]);
    expect(csp.get("img-src")).toContain("https://img.litix.io");
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});

describe("session cookies", () => {
  it("over HTTPS: __Host- names, Secure, HttpOnly, SameSite=Lax, Path=/", () => {
    expect(sessionCookieName(true)).toBe("__Host-authjs.session-token");
    const cookies = authCookies(true);
    expect(cookies.sessionToken.name).toBe("__Host-authjs.session-token");
    expect(cookies.csrfToken.name).toBe("__Host-authjs.csrf-token");
    expect(cookies.callbackUrl.name).toBe("__Host-authjs.callback-url");
    for (const c of Object.values(cookies)) expect(c.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
  });

  it("over plain http (a LAN install): the same attributes without Secure, names without the prefix", () => {
    expect(sessionCookieName(false)).toBe("authjs.session-token");
    expect(authCookies(false).csrfToken.name).toBe("authjs.csrf-token");
    expect(cookieOptions(false)).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: false });
  });
});
