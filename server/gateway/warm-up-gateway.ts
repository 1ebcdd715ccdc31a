// Start-up work of a process that serves the gateway, done before it listens rather than in its
// first requests.
import { eventLoopDelay } from "../health/event-loop-delay";
import { loadTokenizer } from "../providers/simulated";
import { DEFAULT_CATALOG, DEFAULT_POLICY, route } from "../routing";

export function warmUpGateway(): void {
  loadTokenizer();
  // Builds the router's tables (classifier weights, token ranks) now rather than in the first request.
  route({ request: { messages: [{ role: "user", content: "Warm-up" }] }, catalog: DEFAULT_CATALOG, policy: DEFAULT_POLICY, unhealthy: {}, now: new Date() });
  eventLoopDelay(); // starts the monitor that /api/health reports
}
