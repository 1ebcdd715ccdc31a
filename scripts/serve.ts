// The server `npm start` runs: one port for the console and the gateway. The gateway's paths
// (/v1, /healthz, /api/health) go straight from the node request to the lean handlers, as
// `npm run gateway` serves them; every other path goes to the Next.js production build (the
// console, its API and sign-in) in this same process. Bundled into .gateway/serve.mjs like the
// lean gateway (scripts/build-gateway.ts) and run with plain `node`, from the repository root.
// PORT sets the port; `--host=<address>` the address it listens on (default: every address);
// `--dev` serves the console from Next.js's development server instead (`npm run dev`, through tsx).
//
// This process holds the server modules twice: this bundle's copy and the Next.js build's.
// What both use lives on globalThis (Prisma client, the caches of keys and tenant configuration,
// usage writer, jobs, event-loop monitor), so that a policy or key changed in the console drops
// the very entries the gateway reads, and the jobs and the shutdown happen once.
import cluster from "node:cluster";
import { createServer } from "node:http";
import next from "next";
import { env, requireDatabaseUrl } from "../server/env";
import { runWorkers, workerCount } from "../server/cluster/run-workers";
import { getDb } from "../server/db/client";
import { requireServerSecrets } from "../server/crypto/require-server-secrets";
import { gatewayListener } from "../server/gateway/node-server";
import { clientTimeoutOptions } from "../server/http/client-timeouts";
import { drainableServer } from "../server/http/drain-server";
import { warmUpGateway } from "../server/gateway/warm-up-gateway";
import { exitGracefullyOnSignals, startProcessJobs } from "../server/jobs/process-jobs";
import { writeUsageOnThreadBeside } from "../server/usage/usage-writer-instance";

const host = process.argv.find((arg) => arg.startsWith("--host="))?.slice("--host=".length);
const dev = process.argv.includes("--dev");
const announce = () => console.log(`Switchyard: http://${host ?? "localhost"}:${env.PORT} (console, and the gateway at /v1)`);

async function main() {
  requireDatabaseUrl();
  writeUsageOnThreadBeside(process.argv[1]!);
  // Checked here as well as in instrumentation.ts: Next.js only logs a failing hook, and the
  // gateway's paths would be served regardless.
  requireServerSecrets();
  warmUpGateway();
  const app = next({ dev, dir: process.cwd(), hostname: host, port: env.PORT });
  const handleNext = app.getRequestHandler();
  const server = createServer(
    clientTimeoutOptions(env.SWITCHYARD_REQUEST_TIMEOUT_MS),
    gatewayListener((req, res) => {
      handleNext(req, res).catch((error: unknown) => {
        console.error("[console]", error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    }),
  );
  // Before Next.js loads instrumentation.ts, whose own calls then find both in place.
  const drain = drainableServer(server);
  exitGracefullyOnSignals(() => drain(env.SWITCHYARD_SHUTDOWN_GRACE_MS));
  startProcessJobs(getDb());
  await app.prepare();
  server.listen(env.PORT, host, () => !cluster.isWorker && announce());
}

runWorkers(
  // Development runs one process: Next.js's development server is not made for several.
  dev ? 1 : workerCount(env.SWITCHYARD_WORKERS),
  () =>
    void main().catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    }),
  announce,
);
