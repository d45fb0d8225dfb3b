// The one getSession(): the signed-in user, checked against the database on every request so that a
// disabled account or a changed password ends the session at once. Wrapped in React cache(): one
// lookup per request however many components ask.
//
// Route handlers (machine callers, downloads, the heartbeat every 15 s of every learner) use
// getRequestSession(): the same checks, but it reads the session cookie itself instead of through
// Auth.js's auth(), which also re-issues the cookie (a rolling session: pages keep doing that) and costs
// a key derivation, a decryption and an encryption per call. A token already decrypted is remembered
// until it expires, so a learner's heartbeats decrypt their cookie once.
import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { findSessionUser } from "@/features/accounts/data";
import { auth } from "@/lib/auth";
import { sessionCookieName } from "@/lib/cookies";
import { authSecret, secureCookies } from "@/lib/env";

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

export const getSession = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findSessionUser(id);
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  return user;
});

/** The one name lib/auth.ts gives the session cookie (__Host- when served over HTTPS). */
export const SESSION_COOKIE = sessionCookieName(secureCookies);

type Claims = { sub: string; sv: number; exp: number };
const decoded = new Map<string, Claims | null>();
const DECODED_MAX = 50_000;

async function claimsOf(token: string, cookieName: string): Promise<Claims | null> {
  const key = `${cookieName}\u0000${token}`;
  let claims = decoded.get(key);
  if (claims === undefined) {
    const payload = await decode({ token, secret: authSecret(), salt: cookieName }).catch(() => null);
    claims =
      payload && typeof payload.sub === "string" && typeof payload.exp === "number"
        ? { sub: payload.sub, sv: typeof payload.sv === "number" ? payload.sv : -1, exp: payload.exp }
        : null;
    if (decoded.size >= DECODED_MAX) decoded.clear();
    decoded.set(key, claims);
  }
  return claims && claims.exp * 1000 > Date.now() ? claims : null;
}

export const getRequestSession = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (token) {
    const claims = await claimsOf(token, SESSION_COOKIE);
    if (!claims) return null;
    const user = await findSessionUser(claims.sub);
    if (!user || user.sessionVersion !== claims.sv) return null;
    return user;
  }
  // No whole cookie (Auth.js splits very large ones into chunks): ask Auth.js.
  return getSession();
});
