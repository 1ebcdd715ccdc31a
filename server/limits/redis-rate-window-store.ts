// Rate windows shared by all gateway processes: one hash per key and minute, checked and
// charged in one Lua call, expiring shortly after its minute.
import type Redis from "ioredis";
import { defineLuaScript } from "../redis/lua-script";
import { WINDOW_MS, type RateWindowStore, type WindowCost, type WindowLimits } from "./rate-window-store";

// KEYS[1]: window hash; ARGV: requests, tokens, requestLimit, tokenLimit (-1 = none), ttlMs.
const takeScript = defineLuaScript(`
local requests, tokens = tonumber(ARGV[1]), tonumber(ARGV[2])
local requestLimit, tokenLimit, ttl = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local used = redis.call('HMGET', KEYS[1], 'requests', 'tokens')
local usedRequests, usedTokens = tonumber(used[1] or '0'), tonumber(used[2] or '0')
if requestLimit >= 0 and usedRequests + requests > requestLimit then return 0 end
if tokenLimit >= 0 and usedTokens + tokens > tokenLimit then return 0 end
redis.call('HINCRBY', KEYS[1], 'requests', requests)
redis.call('HINCRBY', KEYS[1], 'tokens', tokens)
redis.call('PEXPIRE', KEYS[1], ttl)
return 1`);

// A window that already expired is left alone rather than recreated.
const adjustScript = defineLuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local tokens = redis.call('HINCRBY', KEYS[1], 'tokens', tonumber(ARGV[1]))
if tokens < 0 then redis.call('HSET', KEYS[1], 'tokens', 0) end
return 1`);

export class RedisRateWindowStore implements RateWindowStore {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private keyOf(key: string, window: number): string {
    return `${this.prefix}rate:${key}:${window}`;
  }

  async take(key: string, window: number, cost: WindowCost, limits: WindowLimits): Promise<boolean> {
    const reply = await takeScript(this.redis, [this.keyOf(key, window)], [cost.requests, cost.tokens, limits.requests ?? -1, limits.tokens ?? -1, 2 * WINDOW_MS]);
    return reply === 1;
  }

  async adjustTokens(key: string, window: number, delta: number): Promise<void> {
    if (delta !== 0) await adjustScript(this.redis, [this.keyOf(key, window)], [delta]);
  }
}
