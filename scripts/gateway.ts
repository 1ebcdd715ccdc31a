// `npm run gateway`: the gateway alone on PORT (default 3000), serving the same handlers as
// the /v1 paths of the `npm start` server. Needs DATABASE_URL; buffered usage is written before exit.
import { env, requireDatabaseUrl } from "../server/env";
import { createGatewayServer } from "../server/gateway/node-server";
import { warmUpGateway } from "../server/gateway/warm-up-gateway";
import { getDb } from "../server/db/client";
import { exitGracefullyOnSignals, startProcessJobs } from "../server/jobs/process-jobs";

requireDatabaseUrl();
warmUpGateway();
const server = createGatewayServer();
server.keepAliveTimeout = 65_000;
server.listen(env.PORT, () => console.log(`Gateway: http://localhost:${env.PORT}/v1`));
startProcessJobs(getDb());
exitGracefullyOnSignals(() => server.close());
