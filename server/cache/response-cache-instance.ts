// The process's response cache: shared through Redis when REDIS_URL is set, else in this process.
import { REDIS_KEY_PREFIX, getRedis } from "../redis/redis-client";
import { InProcessResponseCache, RedisResponseCache, type ResponseCache } from "./response-cache";

const holder = globalThis as unknown as { __switchyardResponseCache?: ResponseCache };

export function getResponseCache(): ResponseCache {
  const redis = getRedis();
  holder.__switchyardResponseCache ??= redis ? new RedisResponseCache(redis, REDIS_KEY_PREFIX) : new InProcessResponseCache();
  return holder.__switchyardResponseCache;
}
