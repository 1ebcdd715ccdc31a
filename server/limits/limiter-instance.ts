// The process's limiter: counters shared through Redis when REDIS_URL is set, else in this
// process (or, in a worker of a clustered server, in its primary: server/cluster/shared-stores.ts);
// month-to-date spend read from the database.
import { getDb } from "../db/client";
import { REDIS_KEY_PREFIX, getRedis } from "../redis/redis-client";
import { sharedInProcessStore } from "../cluster/shared-stores";
import { Limiter } from "./limiter";
import { monthToDateSpendFrom } from "./month-to-date-spend";
import { RedisBudgetStore } from "./redis-budget-store";
import { RedisRateWindowStore } from "./redis-rate-window-store";

const holder = globalThis as unknown as { __switchyardLimiter?: Limiter };

export function getLimiter(): Limiter {
  const redis = getRedis();
  holder.__switchyardLimiter ??= new Limiter(
    redis ? new RedisRateWindowStore(redis, REDIS_KEY_PREFIX) : sharedInProcessStore("rate-windows"),
    redis ? new RedisBudgetStore(redis, REDIS_KEY_PREFIX) : sharedInProcessStore("budgets"),
    monthToDateSpendFrom(getDb()),
  );
  return holder.__switchyardLimiter;
}
