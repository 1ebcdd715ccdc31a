// The signed-in user's id from the next-auth session (JWT), or null.
import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";

export async function sessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  return typeof id === "string" ? id : null;
}
