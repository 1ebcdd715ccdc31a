// Attempt counters shared by all console processes: one hash per key (count, lastAt), checked
// and counted for all of an attempt's gates in one Lua call, expiring when its count is to be
// forgotten. The same rules as gatesWait() in backoff-store.ts.
import type Redis from "ioredis";
import { defineLuaScript } from "../redis/lua-script";
import type { BackoffDecision, BackoffGate, BackoffStore } from "./backoff-store";

// KEYS: one hash per gate. ARGV[1]: now; then per gate: free, baseMs, capMs, forgetAfterMs,
// onlyAfter (1-based gate index, 0 = always). Returns the wait in ms, 0 when admitted.
const admitScript = defineLuaScript(`
local now = tonumber(ARGV[1])
local counts, lasts = {}, {}
for i = 1, #KEYS do
  local v = redis.call('HMGET', KEYS[i], 'count', 'lastAt')
  counts[i], lasts[i] = tonumber(v[1] or '0'), tonumber(v[2] or '0')
end
local wait = 0
for i = 1, #KEYS do
  local a = 1 + (i - 1) * 5
  local free, base, cap, onlyAfter = tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3]), tonumber(ARGV[a + 5])
  if counts[i] >= free and (onlyAfter == 0 or counts[onlyAfter] > 0) then
    wait = math.max(wait, lasts[i] + math.min(base * 2 ^ (counts[i] - free), cap) - now)
  end
end
if wait > 0 then return math.ceil(wait) end
for i = 1, #KEYS do
  redis.call('HINCRBY', KEYS[i], 'count', 1)
  redis.call('HSET', KEYS[i], 'lastAt', now)
  redis.call('PEXPIRE', KEYS[i], ARGV[1 + (i - 1) * 5 + 4])
end
return 0`);

const refundScript = defineLuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('HINCRBY', KEYS[1], 'count', -1) <= 0 then redis.call('DEL', KEYS[1]) end
return 1`);

export class RedisBackoffStore implements BackoffStore {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private keyOf(key: string): string {
    return `${this.prefix}attempts:${key}`;
  }

  async admit(gates: BackoffGate[], now: number): Promise<BackoffDecision> {
    const args = gates.flatMap((g) => [g.rule.free, g.rule.baseMs, g.rule.capMs, g.rule.forgetAfterMs, g.onlyAfter === undefined ? 0 : g.onlyAfter + 1]);
    const wait = Number(await admitScript(this.redis, gates.map((g) => this.keyOf(g.key)), [now, ...args]));
    return wait > 0 ? { admitted: false, retryAfterMs: wait } : { admitted: true };
  }

  async refund(key: string): Promise<void> {
    await refundScript(this.redis, [this.keyOf(key)], []);
  }

  async forget(key: string): Promise<void> {
    await this.redis.del(this.keyOf(key));
  }
}
