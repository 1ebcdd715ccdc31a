// The process's breakers: shared through Redis when REDIS_URL is set, else in this process.
import { env } from "../env";
import { REDIS_KEY_PREFIX, getRedis } from "../redis/redis-client";
import { DEFAULT_BREAKER_CONFIG, type BreakerConfig } from "./circuit-breaker";
import { InProcessBreakerStore } from "./breaker-store";
import { RedisBreakerStore } from "./redis-breaker-store";
import { CircuitBreakers } from "./circuit-breakers";

const holder = globalThis as unknown as { __switchyardBreakers?: CircuitBreakers };

function createCircuitBreakers(): CircuitBreakers {
  const redis = getRedis();
  const config: BreakerConfig = { ...DEFAULT_BREAKER_CONFIG, consecutiveFailures: env.SWITCHYARD_BREAKER_FAILURES, coolDownMs: env.SWITCHYARD_BREAKER_COOL_DOWN_MS };
  return new CircuitBreakers(redis ? new RedisBreakerStore(redis, config, REDIS_KEY_PREFIX) : new InProcessBreakerStore(config));
}

/** Called on every request: built once, on the first. */
export function getCircuitBreakers(): CircuitBreakers {
  return (holder.__switchyardBreakers ??= createCircuitBreakers());
}
