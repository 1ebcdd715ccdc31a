// Budget reservations shared by all gateway processes. Per scope and month: a counter of
// settled spend and a sorted set of live holds ("<holdId>:<units>" scored by expiry). One Lua
// call checks and holds on every scope, so two processes can never both take the last room.
import type Redis from "ioredis";
import { defineLuaScript } from "../redis/lua-script";
import type { BudgetStore, Reservation, ReserveRequest, ReserveResult } from "./budget-store";

/** Outlives the month it counts; a new month has new keys. */
const MONTH_TTL_MS = 40 * 24 * 3_600_000;

// KEYS: spent1, holds1, spent2, holds2, ...; ARGV: now, expiresAt, member, units, ttl,
// limit1, limit2, ... Returns {1} reserved, {0, i, spent, held} refused, {-1, i...} uninitialised.
const reserveScript = defineLuaScript(`
local now, expiresAt, member, units, ttl = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local scopes = #KEYS / 2
local missing = {-1}
for i = 1, scopes do
  if redis.call('EXISTS', KEYS[2 * i - 1]) == 0 then missing[#missing + 1] = i end
end
if #missing > 1 then return missing end
for i = 1, scopes do
  local holds = KEYS[2 * i]
  redis.call('ZREMRANGEBYSCORE', holds, '-inf', now)
  local held = 0
  for _, m in ipairs(redis.call('ZRANGE', holds, 0, -1)) do held = held + tonumber(string.match(m, ':(%d+)$')) end
  local spent = tonumber(redis.call('GET', KEYS[2 * i - 1]))
  if spent + held + units > tonumber(ARGV[5 + i]) then return {0, i, spent, held} end
end
for i = 1, scopes do
  redis.call('ZADD', KEYS[2 * i], expiresAt, member)
  redis.call('PEXPIRE', KEYS[2 * i], ttl)
end
return {1}`);

// KEYS: spent1, holds1, ...; ARGV: member, actualUnits. Spend of a scope whose counter is gone
// is not recreated here: the usage record carries it to the database, where it is read back.
const settleScript = defineLuaScript(`
for i = 1, #KEYS / 2 do
  redis.call('ZREM', KEYS[2 * i], ARGV[1])
  if redis.call('EXISTS', KEYS[2 * i - 1]) == 1 then redis.call('INCRBY', KEYS[2 * i - 1], ARGV[2]) end
end
return 1`);

const holdMember = (holdId: string, units: number) => `${holdId}:${units}`;

export class RedisBudgetStore implements BudgetStore {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private keysOf(scope: string, month: string): [string, string] {
    const base = `${this.prefix}budget:${scope}:${month}`;
    return [`${base}:spent`, `${base}:holds`];
  }

  async reserve({ holds, month, holdId, units, now, leaseMs }: ReserveRequest): Promise<ReserveResult> {
    const keys = holds.flatMap((h) => this.keysOf(h.scope, month));
    const reply = (await reserveScript(this.redis, keys, [now, now + leaseMs, holdMember(holdId, units), units, MONTH_TTL_MS, ...holds.map((h) => h.limitUnits)])) as number[];
    if (reply[0] === 1) return { status: "reserved" };
    if (reply[0] === -1) return { status: "uninitialised", scopes: reply.slice(1).map((i) => holds[i - 1]!.scope) };
    return { status: "refused", scope: holds[reply[1]! - 1]!.scope, spentUnits: reply[2]!, heldUnits: reply[3]! };
  }

  async initialise(scope: string, month: string, spentUnits: number): Promise<void> {
    await this.redis.set(this.keysOf(scope, month)[0], spentUnits, "PX", MONTH_TTL_MS, "NX");
  }

  async settle({ scopes, month, holdId, units }: Reservation, actualUnits: number): Promise<void> {
    await settleScript(this.redis, scopes.flatMap((s) => this.keysOf(s, month)), [holdMember(holdId, units), actualUnits]);
  }
}
