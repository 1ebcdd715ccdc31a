// `npm run gateway`: the gateway alone on PORT (default 3000), serving the same handlers as
// the console's /v1 routes. Needs DATABASE_URL; buffered usage is written before exit.
import { env, requireDatabaseUrl } from "../server/env";
import { createGatewayServer } from "../server/gateway/node-server";
import { eventLoopDelay } from "../server/health/event-loop-delay";
import { flushUsageOnShutdown } from "../server/usage/usage-writer-instance";
import { getDb } from "../server/db/client";
import { startProcessLearningJob, stopProcessLearningJob } from "../server/learning/learning-job";
import { startProcessAlertsJob, stopProcessAlertsJob } from "../server/alerts/alerts-job";
import { startProcessWebhooksJob, stopProcessWebhooksJob } from "../server/webhooks/webhooks-job";
import { loadTokenizer } from "../server/providers/simulated";
import { DEFAULT_CATALOG, DEFAULT_POLICY, route } from "../server/routing";

requireDatabaseUrl();
loadTokenizer();
// Builds the router's tables (classifier weights, token ranks) now rather than in the first request.
route({ request: { messages: [{ role: "user", content: "Warm-up" }] }, catalog: DEFAULT_CATALOG, policy: DEFAULT_POLICY, unhealthy: {}, now: new Date() });
eventLoopDelay(); // starts the monitor that /api/health reports
const server = createGatewayServer();
server.keepAliveTimeout = 65_000;
server.listen(env.PORT, () => console.log(`Gateway: http://localhost:${env.PORT}/v1`));
startProcessLearningJob(getDb(), env.SWITCHYARD_LEARNING_INTERVAL_MS);
startProcessAlertsJob(getDb(), env.SWITCHYARD_ALERTS_INTERVAL_MS);
startProcessWebhooksJob(getDb(), env.SWITCHYARD_WEBHOOKS_INTERVAL_MS, env.NEXTAUTH_URL);

const shutdown = () => {
  server.close();
  void Promise.allSettled([stopProcessLearningJob(), stopProcessAlertsJob(), stopProcessWebhooksJob(), flushUsageOnShutdown()]).finally(() => process.exit(0));
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
