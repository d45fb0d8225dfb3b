// The one getSession(): the signed-in user, checked against the database on every request so that a
// disabled account or a changed password ends the session at once. Wrapped in React cache(): one
// lookup per request however many components ask.
import "server-only";
import { cache } from "react";
import { findSessionUser } from "@/features/accounts/data";
import { auth } from "@/lib/auth";

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

export const getSession = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findSessionUser(id);
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  return user;
});
