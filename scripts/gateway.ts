// `npm run gateway`: the gateway alone on PORT (default 3000), serving the same handlers as
// the /v1 paths of the `npm start` server, in SWITCHYARD_WORKERS processes (default: one per
// core). Needs DATABASE_URL; buffered usage is written before exit.
import cluster from "node:cluster";
import { env, requireDatabaseUrl } from "../server/env";
import { runWorkers, workerCount } from "../server/cluster/run-workers";
import { createGatewayServer } from "../server/gateway/node-server";
import { warmUpGateway } from "../server/gateway/warm-up-gateway";
import { getDb } from "../server/db/client";
import { drainableServer } from "../server/http/drain-server";
import { exitGracefullyOnSignals, startProcessJobs } from "../server/jobs/process-jobs";
import { writeUsageOnThreadBeside } from "../server/usage/usage-writer-instance";

const announce = () => console.log(`Gateway: http://localhost:${env.PORT}/v1`);

function serve() {
  requireDatabaseUrl();
  writeUsageOnThreadBeside(process.argv[1]!);
  warmUpGateway();
  const server = createGatewayServer();
  server.listen(env.PORT, () => !cluster.isWorker && announce());
  startProcessJobs(getDb());
  const drain = drainableServer(server);
  exitGracefullyOnSignals(() => drain(env.SWITCHYARD_SHUTDOWN_GRACE_MS));
}

runWorkers(workerCount(env.SWITCHYARD_WORKERS), serve, announce);
