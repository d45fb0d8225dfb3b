// The names and attributes of Auth.js's cookies in one place: lib/auth.ts configures them, lib/session.ts
// reads the session cookie by name (and decodes it: the name is the JWT's salt), and the benchmarks mint
// session cookies. No env import: callers pass lib/env.ts `secureCookies`, and a benchmark the setting
// it starts its server with.
//
// Over HTTPS the names carry the __Host- prefix: the browser then accepts the cookie only with Secure,
// Path=/ and no Domain, so neither a sibling subdomain nor a plain-http page can set or overwrite it.

const SESSION = "authjs.session-token";

/** The session cookie's name (Auth.js may split a very large session into `<name>.0`, `<name>.1`). */
export function sessionCookieName(secure: boolean): string {
  return secure ? `__Host-${SESSION}` : SESSION;
}

export type CookieOptions = { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean };

/** Attributes of every cookie we set for the session: not readable by scripts, sent on top-level links. */
export function cookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: "lax", path: "/", secure };
}

/** Auth.js's `cookies` option: the session, its CSRF token and the callback address. */
export function authCookies(secure: boolean) {
  const name = (base: string) => (secure ? `__Host-${base}` : base);
  const options = cookieOptions(secure);
  return {
    sessionToken: { name: sessionCookieName(secure), options },
    csrfToken: { name: name("authjs.csrf-token"), options },
    callbackUrl: { name: name("authjs.callback-url"), options },
  };
}
