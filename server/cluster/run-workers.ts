// SWITCHYARD_WORKERS: a server of several processes on one port (node:cluster), so that it uses
// every core. The primary forks the workers, which each run the whole server and share the
// listening port; it keeps the state that must be one per server when there is no Redis
// (shared-stores.ts), replaces a worker that dies, and on SIGTERM or SIGINT has every worker
// end gracefully (each writes its own buffered usage records) before it exits itself.
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { hostSharedStores } from "./shared-stores";

/** A replacement is started no sooner than this after the last, so a worker that keeps dying does not spin the CPU. */
const RESTART_DELAY_MS = 1_000;

/** The number of worker processes: the setting, else one per core. */
export function workerCount(setting: number | undefined): number {
  return setting ?? availableParallelism();
}

/**
 * Runs `serve` in this process when `count` is 1 (or in a worker); else forks `count` workers
 * that run it. `onListening` is called in the primary once the first worker listens.
 */
export function runWorkers(count: number, serve: () => void, onListening: () => void, log = (m: string) => console.error(m)): void {
  if (count <= 1 || cluster.isWorker) {
    serve();
    return;
  }
  // Structured clone over IPC: the stores' arguments and answers keep their Maps and Dates.
  cluster.setupPrimary({ serialization: "advanced" });
  hostSharedStores();
  let served = false;
  let stopping = false;
  let exitCode = 0;
  let lastStart = 0;
  const fork = () => {
    if (stopping) return;
    lastStart = Date.now();
    cluster.fork();
  };
  const stop = (code: number) => {
    stopping = true;
    exitCode = Math.max(exitCode, code);
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker?.process.kill("SIGTERM");
  };
  cluster.on("listening", () => {
    if (served) return;
    served = true;
    onListening();
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    const how = signal ? `signal ${signal}` : `code ${code}`;
    // Before any worker served, a failing worker is a failing start (no build, no database): stop.
    if (!served) {
      log(`[cluster] worker ${worker.process.pid} exited (${how}) before the server was up; stopping`);
      stop(1);
      return;
    }
    log(`[cluster] worker ${worker.process.pid} exited (${how}); starting another`);
    setTimeout(fork, Math.max(0, lastStart + RESTART_DELAY_MS - Date.now()));
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => stop(0));
  for (let i = 0; i < count; i++) fork();
}
