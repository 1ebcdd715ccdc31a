// The background work of a server process (learning, alerts and webhooks jobs, buffered usage
// records) and its graceful end, for every entry point: `next start` (instrumentation.ts), the
// lean gateway (scripts/gateway.ts) and the `npm start` server (scripts/serve.ts). The last
// holds these modules twice, its own copy and the Next.js bundle's; the jobs and the usage
// writer live on globalThis, so either copy starts, stops and flushes the same ones.
import cluster from "node:cluster";
import type { PrismaClient } from "../db/generated/client";
import { env } from "../env";
import { startProcessLearningJob, stopProcessLearningJob } from "../learning/learning-job";
import { startProcessAlertsJob, stopProcessAlertsJob } from "../alerts/alerts-job";
import { startProcessWebhooksJob, stopProcessWebhooksJob } from "../webhooks/webhooks-job";
import { flushUsageOnShutdown } from "../usage/usage-writer-instance";
import { flushTracesOnShutdown } from "../observability/trace-export";

/** Starts the process's jobs once each (a job whose interval is 0 stays off). */
export function startProcessJobs(db: PrismaClient): void {
  // Folds queued evidence into the tenants' learned state (one process at a time, see learning-job.ts).
  startProcessLearningJob(db, env.SWITCHYARD_LEARNING_INTERVAL_MS);
  // Raises and resolves budget alerts from the usage rollups (one process at a time, see alerts-job.ts).
  startProcessAlertsJob(db, env.SWITCHYARD_ALERTS_INTERVAL_MS);
  // Sends alerts whose status changed to the tenants' webhooks, with retries (see webhooks-job.ts).
  startProcessWebhooksJob(db, env.SWITCHYARD_WEBHOOKS_INTERVAL_MS, env.NEXTAUTH_URL);
}

const holder = globalThis as unknown as { __switchyardExitOnSignals?: boolean };

/**
 * On SIGTERM or SIGINT, or in a worker of a clustered server when its primary is gone (killed:
 * no connection reaches the worker any more): `drain` (stop accepting connections and let the
 * requests in progress end, which queues their usage records), then rounds in progress finish and
 * buffered usage records and spans are written, then the process exits. Installed once per
 * process: the first caller's `drain` is the one that runs.
 */
export function exitGracefullyOnSignals(drain?: () => Promise<void>): void {
  if (holder.__switchyardExitOnSignals) return;
  holder.__switchyardExitOnSignals = true;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const jobs = Promise.allSettled([stopProcessLearningJob(), stopProcessAlertsJob(), stopProcessWebhooksJob()]);
    void Promise.allSettled([jobs, drain?.()])
      .then(() => Promise.allSettled([flushUsageOnShutdown(), flushTracesOnShutdown()]))
      .finally(() => process.exit(0));
  };
  // Once each: a second Ctrl-C still ends the process at once.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, stop);
  if (cluster.worker) {
    // Node ends a worker at once when the channel to its primary closes unexpectedly (unless the
    // disconnect is marked as expected): marked, so that the worker writes what it holds first.
    cluster.worker.exitedAfterDisconnect = true;
    process.once("disconnect", stop);
  }
}
