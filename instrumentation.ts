// Runs once when a server process starts. NEXT_RUNTIME is Next's own build-time flag, not a
// setting, so it is read here rather than through server/env.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, so that the sign-in and sign-up limits know each request's real peer address.
  const { stampPeerAddresses } = await import("./server/auth/stamp-peer-address");
  stampPeerAddresses();
  const { masterKey } = await import("./server/crypto/secret-box");
  const { env } = await import("./server/env");
  // Refuse to serve in production without the secrets that protect credentials and sessions.
  masterKey();
  if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) throw new Error("NEXTAUTH_SECRET is required in production");
  const { eventLoopDelay } = await import("./server/health/event-loop-delay");
  eventLoopDelay(); // starts the monitor, so /api/health's first figures cover the time since start-up

  // With NEXT_MANUAL_SIG_HANDLE set (npm start sets it), shutdown is ours: usage records
  // still buffered are written before the process exits.
  const { flushUsageOnShutdown } = await import("./server/usage/usage-writer-instance");
  // Folds queued evidence into the tenants' learned state (one process at a time, see learning-job.ts).
  const { startProcessLearningJob, stopProcessLearningJob } = await import("./server/learning/learning-job");
  // Raises and resolves budget alerts from the usage rollups (one process at a time, see alerts-job.ts).
  const { startProcessAlertsJob, stopProcessAlertsJob } = await import("./server/alerts/alerts-job");
  // Sends alerts whose status changed to the tenants' webhooks, with retries (see webhooks-job.ts).
  const { startProcessWebhooksJob, stopProcessWebhooksJob } = await import("./server/webhooks/webhooks-job");
  if (env.DATABASE_URL) {
    const { getDb } = await import("./server/db/client");
    startProcessLearningJob(getDb(), env.SWITCHYARD_LEARNING_INTERVAL_MS);
    startProcessAlertsJob(getDb(), env.SWITCHYARD_ALERTS_INTERVAL_MS);
    startProcessWebhooksJob(getDb(), env.SWITCHYARD_WEBHOOKS_INTERVAL_MS, env.NEXTAUTH_URL);
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void Promise.allSettled([stopProcessLearningJob(), stopProcessAlertsJob(), stopProcessWebhooksJob(), flushUsageOnShutdown()]).finally(() => process.exit(0));
    });
  }
}
