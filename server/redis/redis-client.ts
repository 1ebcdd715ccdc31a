// The process's shared Redis connection, present only when REDIS_URL is set. Everything that
// uses it (rate limits, budgets, response cache, circuit breakers) has an in-process twin, so
// one gateway process works without Redis and several agree with it.
import Redis from "ioredis";
import { env } from "../env";

/** Every key this application writes starts with this, so a shared Redis stays tidy. */
export const REDIS_KEY_PREFIX = env.SWITCHYARD_REDIS_PREFIX;

export function createRedis(url: string): Redis {
  return new Redis(url, {
    // Fail a command quickly instead of queueing it forever while Redis is away: callers
    // decide whether to fail open (cache, breaker) or closed (budgets).
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    enableAutoPipelining: true,
  });
}

const holder = globalThis as unknown as { __switchyardRedis?: Redis | null };

export function getRedis(): Redis | null {
  if (holder.__switchyardRedis === undefined) holder.__switchyardRedis = env.REDIS_URL ? createRedis(env.REDIS_URL) : null;
  return holder.__switchyardRedis;
}
