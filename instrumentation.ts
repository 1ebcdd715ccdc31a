// Runs once when a server process starts: refuse to serve in production without the secrets
// that protect stored credentials and sessions.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { masterKey } = await import("./server/crypto/secret-box");
  const { env } = await import("./server/env");
  masterKey();
  if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) throw new Error("NEXTAUTH_SECRET is required in production");
}
