import { redirect } from "next/navigation";
import { ROLE_HOME } from "@/lib/roles";
import { getSession } from "@/lib/session";

/** The front door: the login page, or the signed-in user's home. */
export default async function Home() {
  const user = await getSession();
  if (!user) redirect("/login");
  redirect(user.mustChangePassword ? "/account/password" : ROLE_HOME[user.role]);
}
