// Runs once when a server process starts. NEXT_RUNTIME is Next's own build-time flag, not a
// setting, so it is read here rather than through server/env.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, so that the sign-in and sign-up limits know each request's real peer address.
  const { stampPeerAddresses } = await import("./server/auth/stamp-peer-address");
  stampPeerAddresses();
  const { requireServerSecrets } = await import("./server/crypto/require-server-secrets");
  const { env } = await import("./server/env");
  requireServerSecrets();
  const { eventLoopDelay } = await import("./server/health/event-loop-delay");
  eventLoopDelay(); // starts the monitor, so /api/health's first figures cover the time since start-up

  // Background jobs, and a shutdown that writes buffered usage records before the process exits
  // (NEXT_MANUAL_SIG_HANDLE keeps `next start`'s own handler out). Under the `npm start` server
  // (scripts/serve.ts) the server has started both already, and these calls do nothing.
  const { exitGracefullyOnSignals, startProcessJobs } = await import("./server/jobs/process-jobs");
  if (env.DATABASE_URL) {
    const { getDb } = await import("./server/db/client");
    startProcessJobs(getDb());
  }
  exitGracefullyOnSignals();
}
