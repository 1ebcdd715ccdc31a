// The process's breakers: shared through Redis when REDIS_URL is set, else in this process.
import { REDIS_KEY_PREFIX, getRedis } from "../redis/redis-client";
import { DEFAULT_BREAKER_CONFIG } from "./circuit-breaker";
import { InProcessBreakerStore } from "./breaker-store";
import { RedisBreakerStore } from "./redis-breaker-store";
import { CircuitBreakers } from "./circuit-breakers";

const holder = globalThis as unknown as { __switchyardBreakers?: CircuitBreakers };

export function getCircuitBreakers(): CircuitBreakers {
  const redis = getRedis();
  holder.__switchyardBreakers ??= new CircuitBreakers(
    redis ? new RedisBreakerStore(redis, DEFAULT_BREAKER_CONFIG, REDIS_KEY_PREFIX) : new InProcessBreakerStore(DEFAULT_BREAKER_CONFIG),
  );
  return holder.__switchyardBreakers;
}
