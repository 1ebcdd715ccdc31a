// A server that serves the console refuses to start in production without the secrets that
// protect provider credentials (the master key) and console sessions (NEXTAUTH_SECRET).
import { env } from "../env";
import { masterKey } from "./secret-box";

export function requireServerSecrets(): void {
  masterKey();
  if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) throw new Error("NEXTAUTH_SECRET is required in production");
}
