// The process's limiter: counters shared through Redis when REDIS_URL is set, else in this
// process; month-to-date spend read from the database.
import { getDb } from "../db/client";
import { REDIS_KEY_PREFIX, getRedis } from "../redis/redis-client";
import { InProcessBudgetStore } from "./budget-store";
import { Limiter } from "./limiter";
import { monthToDateSpendFrom } from "./month-to-date-spend";
import { InProcessRateWindowStore } from "./rate-window-store";
import { RedisBudgetStore } from "./redis-budget-store";
import { RedisRateWindowStore } from "./redis-rate-window-store";

const holder = globalThis as unknown as { __switchyardLimiter?: Limiter };

export function getLimiter(): Limiter {
  const redis = getRedis();
  holder.__switchyardLimiter ??= new Limiter(
    redis ? new RedisRateWindowStore(redis, REDIS_KEY_PREFIX) : new InProcessRateWindowStore(),
    redis ? new RedisBudgetStore(redis, REDIS_KEY_PREFIX) : new InProcessBudgetStore(),
    monthToDateSpendFrom(getDb()),
  );
  return holder.__switchyardLimiter;
}
