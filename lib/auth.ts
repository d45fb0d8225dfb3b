// Auth.js (next-auth v5): credentials login with mobile number + password, JWT sessions.
// Throttling and password checks live in features/accounts/login.ts; this file only wires them in.
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { verifyLogin, type LoginFailure } from "@/features/accounts/login";
import { loginSchema } from "@/features/accounts/schemas";
import { authCookies } from "@/lib/cookies";
import { authSecret, env, secureCookies } from "@/lib/env";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    sessionVersion: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

/** A refused login. `code` reaches the login action: "<reason>" or "<reason>:<retryAt ISO>". */
export class LoginRefused extends CredentialsSignin {
  constructor(failure: LoginFailure) {
    super();
    this.code = failure.retryAt ? `${failure.reason}:${failure.retryAt.toISOString()}` : failure.reason;
  }
}

/** The caller's address. Behind a reverse proxy, its X-Forwarded-For; see docs/deploy.md (hardening). */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  // Fixed by the setting, not guessed per request (Auth.js's default): lib/session.ts and the benchmarks
  // must know the session cookie's name, and a TLS-terminating proxy makes every request look like http.
  useSecureCookies: secureCookies,
  cookies: authCookies(secureCookies),
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { mobile: {}, password: {} },
      async authorize(raw, request) {
        const parsed = loginSchema.safeParse(raw);
        if (!parsed.success) throw new LoginRefused({ reason: "invalid" });
        const result = await verifyLogin({ ...parsed.data, ip: clientIp(request.headers) });
        if (!result.ok) throw new LoginRefused(result);
        return { id: result.user.id, name: result.user.name, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      return session;
    },
  },
});
