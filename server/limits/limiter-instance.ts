// The process's limiter: counters shared through Redis when REDIS_URL is set, else in this
// process (or, in a worker of a clustered server, in its primary: server/cluster/shared-stores.ts);
// month-to-date spend read from the database.
import { getDb } from "../db/client";
import { REDIS_KEY_PREFIX, getRedis } from "../redis/redis-client";
import { sharedInProcessStore } from "../cluster/shared-stores";
import type { BudgetStore } from "./budget-store";
import { Limiter } from "./limiter";
import { monthToDateSpendFrom } from "./month-to-date-spend";
import { RedisBudgetStore } from "./redis-budget-store";
import { RedisRateWindowStore } from "./redis-rate-window-store";
import type { RateWindowStore } from "./rate-window-store";

const holder = globalThis as unknown as { __switchyardLimiter?: Limiter; __switchyardRateWindows?: RateWindowStore; __switchyardBudgets?: BudgetStore };

/** The process's per-minute counters, the limiter's own (the admin API counts its calls there too, under keys of its own). */
export function getRateWindowStore(): RateWindowStore {
  const redis = getRedis();
  holder.__switchyardRateWindows ??= redis ? new RedisRateWindowStore(redis, REDIS_KEY_PREFIX) : sharedInProcessStore("rate-windows");
  return holder.__switchyardRateWindows;
}

/** The process's budget counters: the keys' and teams' (the limiter's) and the tenants' evaluation budgets. */
export function getBudgetStore(): BudgetStore {
  const redis = getRedis();
  holder.__switchyardBudgets ??= redis ? new RedisBudgetStore(redis, REDIS_KEY_PREFIX) : sharedInProcessStore("budgets");
  return holder.__switchyardBudgets;
}

export function getLimiter(): Limiter {
  holder.__switchyardLimiter ??= new Limiter(getRateWindowStore(), getBudgetStore(), monthToDateSpendFrom(getDb()));
  return holder.__switchyardLimiter;
}
