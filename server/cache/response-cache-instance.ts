// The process's response cache: shared through Redis when REDIS_URL is set, else in this process
// (or, in a worker of a clustered server, in its primary: server/cluster/shared-stores.ts).
import { REDIS_KEY_PREFIX, getRedis } from "../redis/redis-client";
import { sharedInProcessStore } from "../cluster/shared-stores";
import { RedisCachedTexts, responseCacheOver, type ResponseCache } from "./response-cache";

const holder = globalThis as unknown as { __switchyardResponseCache?: ResponseCache };

export function getResponseCache(): ResponseCache {
  const redis = getRedis();
  holder.__switchyardResponseCache ??= responseCacheOver(redis ? new RedisCachedTexts(redis, REDIS_KEY_PREFIX) : sharedInProcessStore("response-cache"));
  return holder.__switchyardResponseCache;
}
