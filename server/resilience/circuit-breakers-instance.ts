// The process's breakers: shared through Redis when REDIS_URL is set, else in this process (or,
// in a worker of a clustered server, in its primary: server/cluster/shared-stores.ts).
import { REDIS_KEY_PREFIX, getRedis } from "../redis/redis-client";
import { sharedInProcessStore } from "../cluster/shared-stores";
import { processBreakerConfig } from "./process-breaker-config";
import { RedisBreakerStore } from "./redis-breaker-store";
import { CircuitBreakers } from "./circuit-breakers";
import { observeBreakerOpen } from "../observability/observe-request";
import { processMetrics } from "../observability/process-metrics";

const holder = globalThis as unknown as { __switchyardBreakers?: CircuitBreakers };

function createCircuitBreakers(): CircuitBreakers {
  const redis = getRedis();
  const store = redis ? new RedisBreakerStore(redis, processBreakerConfig(), REDIS_KEY_PREFIX) : sharedInProcessStore("breakers");
  const breakers = new CircuitBreakers(store, Date.now, undefined, observeBreakerOpen);
  processMetrics()?.watchBreakers(() => breakers.openNow());
  return breakers;
}

/** Called on every request: built once, on the first. */
export function getCircuitBreakers(): CircuitBreakers {
  return (holder.__switchyardBreakers ??= createCircuitBreakers());
}
