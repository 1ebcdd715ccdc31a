// Breaker states shared by every gateway process through Redis. Each state is a hash; the
// transitions of circuit-breaker.ts run inside Lua so that concurrent processes never race
// (exactly one of them wins a half-open probe).
import type Redis from "ioredis";
import { CLOSED, breakerIdleTtlMs, type BreakerConfig, type BreakerPhase, type BreakerState } from "./circuit-breaker";
import type { BreakerStore } from "./breaker-store";
import { defineLuaScript } from "../redis/lua-script";

const PHASES: BreakerPhase[] = ["closed", "open", "half_open"];
const FIELDS = ["phase", "consecutiveFailures", "windowStart", "windowCalls", "windowFailures", "openUntil", "probeUntil"] as const;

// KEYS: breakers; ARGV: now, probeTimeoutMs, ttlMs. Phases: 0 closed, 1 open, 2 half-open.
const acquireScript = defineLuaScript(`
local now, probeTimeout, ttl = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local probes = {}
for i, key in ipairs(KEYS) do
  local s = redis.call('HMGET', key, 'phase', 'openUntil', 'probeUntil')
  local phase = tonumber(s[1] or '0')
  if phase ~= 0 then
    local untilAt = tonumber((phase == 1 and s[2] or s[3]) or '0')
    if now < untilAt then return 0 end
    probes[#probes + 1] = key
  end
end
for _, key in ipairs(probes) do
  redis.call('HSET', key, 'phase', 2, 'openUntil', 0, 'probeUntil', now + probeTimeout)
  redis.call('PEXPIRE', key, ttl)
end
return 1`);

// KEYS: breakers; ARGV: success (1/0), now, consecutiveLimit, failureRate, minCalls, windowMs,
// coolDownMs, ttlMs. Returns, per key, 1 when this outcome opened the breaker, else 0.
const recordScript = defineLuaScript(`
local success = ARGV[1] == '1'
local now, limit, rate, minCalls = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local windowMs, coolDown, ttl = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local opened = {}
local function open(key, i)
  opened[i] = 1
  redis.call('DEL', key)
  redis.call('HSET', key, 'phase', 1, 'windowStart', now, 'openUntil', now + coolDown)
  redis.call('PEXPIRE', key, ttl)
end
for i, key in ipairs(KEYS) do
  opened[i] = 0
  local s = redis.call('HMGET', key, 'phase', 'consecutiveFailures', 'windowStart', 'windowCalls', 'windowFailures')
  local phase = tonumber(s[1] or '0')
  if phase == 2 then
    if success then
      redis.call('DEL', key)
      redis.call('HSET', key, 'phase', 0, 'windowStart', now)
      redis.call('PEXPIRE', key, ttl)
    else open(key, i) end
  elseif phase == 0 then
    local windowStart = tonumber(s[3] or '0')
    local fresh = now - windowStart >= windowMs
    local calls = (fresh and 0 or tonumber(s[4] or '0')) + 1
    local failures = (fresh and 0 or tonumber(s[5] or '0')) + (success and 0 or 1)
    local consecutive = success and 0 or tonumber(s[2] or '0') + 1
    if consecutive >= limit or (calls >= minCalls and failures / calls >= rate) then open(key, i)
    else
      redis.call('HSET', key, 'consecutiveFailures', consecutive, 'windowStart', fresh and now or windowStart,
        'windowCalls', calls, 'windowFailures', failures)
      redis.call('PEXPIRE', key, ttl)
    end
  end
end
return opened`);

export class RedisBreakerStore implements BreakerStore {
  private readonly ttlMs: number;

  constructor(private readonly redis: Redis, private readonly config: BreakerConfig, private readonly prefix: string) {
    // An idle breaker's key expires.
    this.ttlMs = breakerIdleTtlMs(config);
  }

  private keyOf(key: string): string {
    return `${this.prefix}breaker:${key}`;
  }

  async read(keys: string[], _now: number): Promise<BreakerState[]> {
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hmget(this.keyOf(key), ...FIELDS);
    const replies = (await pipeline.exec()) ?? [];
    return replies.map(([error, values]) => {
      if (error) throw error;
      const v = values as (string | null)[];
      if (v.every((x) => x === null)) return CLOSED;
      const n = (i: number) => Number(v[i] ?? 0);
      return {
        phase: PHASES[n(0)] ?? "closed", consecutiveFailures: n(1), windowStart: n(2), windowCalls: n(3),
        windowFailures: n(4), openUntil: n(5), probeUntil: n(6),
      };
    });
  }

  async listNotClosed(limit: number): Promise<string[]> {
    const pattern = `${this.keyOf("")}*`;
    const found: string[] = [];
    let cursor = "0";
    // Idle breakers expire (ttlMs), so the scan covers the tenants' recently used models and providers.
    do {
      const [next, keys] = await this.redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
      cursor = next;
      if (keys.length === 0) continue;
      const pipeline = this.redis.pipeline();
      for (const key of keys) pipeline.hget(key, "phase");
      const phases = (await pipeline.exec()) ?? [];
      keys.forEach((key, i) => {
        const phase = phases[i]?.[1];
        if (phase !== null && phase !== undefined && Number(phase) !== 0 && found.length < limit) found.push(key.slice(pattern.length - 1));
      });
    } while (cursor !== "0" && found.length < limit);
    return found;
  }

  async acquire(keys: string[], now: number): Promise<boolean> {
    const reply = await acquireScript(this.redis, keys.map((k) => this.keyOf(k)), [now, this.config.probeTimeoutMs, this.ttlMs]);
    return reply === 1;
  }

  async record(keys: string[], success: boolean, now: number): Promise<boolean[]> {
    const c = this.config;
    const opened = await recordScript(this.redis, keys.map((k) => this.keyOf(k)), [success ? 1 : 0, now,
      c.consecutiveFailures, c.failureRate, c.minCallsForRate, c.windowMs, c.coolDownMs, this.ttlMs]);
    return (opened as number[]).map((flag) => flag === 1);
  }
}
