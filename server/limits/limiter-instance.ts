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
import type { RateWindowStore } from "./rate-window-store";

const holder = globalThis as unknown as { __switchyardLimiter?: Limiter; __switchyardRateWindows?: RateWindowStore };

/** The process's per-minute counters, the limiter's own (the admin API counts its calls there too, under keys of its own). */
export function getRateWindowStore(): RateWindowStore {
  const redis = getRedis();
  holder.__switchyardRateWindows ??= redis ? new RedisRateWindowStore(redis, REDIS_KEY_PREFIX) : sharedInProcessStore("rate-windows");
  return holder.__switchyardRateWindows;
}

export function getLimiter(): Limiter {
  const redis = getRedis();
  holder.__switchyardLimiter ??= new Limiter(
    getRateWindowStore(),
    redis ? new RedisBudgetStore(redis, REDIS_KEY_PREFIX) : sharedInProcessStore("budgets"),
    monthToDateSpendFrom(getDb()),
  );
  return holder.__switchyardLimiter;
}
