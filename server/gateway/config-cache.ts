// In-process caches that keep database round trips off the hot path: API keys by hash and
// tenant configuration by tenant, each with a short TTL and explicit invalidation when the
// console changes them. Kept on globalThis because Next.js may load this module once per
// route bundle.
import type { PrismaClient } from "../db/generated/client";
import { hashApiKey, isWellFormedApiKey } from "../auth/api-key-secret";
import { loadTenantConfig, type TenantConfig } from "./load-tenant-config";
import { publishInvalidation, startInvalidationListener, type Invalidation, type Notifier } from "./config-invalidation";
import { env } from "../env";

export interface GatewayKey {
  id: string;
  tenantId: string;
  teamId: string | null;
  policyId: string | null;
  name: string;
  scopes: string[];
  monthlyBudgetUsd: number | null;
  /** The key's team's monthly budget, shared by all of its keys. */
  teamBudgetUsd: number | null;
  rpmLimit: number | null;
  tpmLimit: number | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

interface Entry<T> {
  value: T;
  expiresAt: number;
}

const KEY_TTL_MS = 30_000;
const UNKNOWN_KEY_TTL_MS = 5_000;
const TENANT_TTL_MS = 30_000;
/**
 * Keys remembered at most, known and unknown. Anyone can present made-up keys, each of which is
 * remembered as unknown: without a bound, a stream of them would grow the map without end.
 */
export const MAX_CACHED_KEYS = 20_000;

interface Caches {
  keys: Map<string, Entry<GatewayKey | null>>;
  tenants: Map<string, Entry<Promise<TenantConfig>>>;
}

const holder = globalThis as unknown as { __switchyardGatewayCaches?: Caches };
const caches: Caches = (holder.__switchyardGatewayCaches ??= { keys: new Map(), tenants: new Map() });

export async function findKeyBySecret(db: PrismaClient, secret: string, now = Date.now()): Promise<GatewayKey | null> {
  listenOnce();
  // Not shaped like a key we issue: no hashing, no look-up, nothing remembered.
  if (!isWellFormedApiKey(secret)) return null;
  const hash = hashApiKey(secret);
  const cached = caches.keys.get(hash);
  if (cached && cached.expiresAt > now) return cached.value;
  const row = await db.apiKey.findUnique({ where: { hash }, include: { team: { select: { monthlyBudgetUsd: true } } } });
  const value: GatewayKey | null = row && {
    id: row.id,
    tenantId: row.tenantId,
    teamId: row.teamId,
    policyId: row.policyId,
    name: row.name,
    scopes: row.scopes,
    monthlyBudgetUsd: row.monthlyBudgetUsd === null ? null : Number(row.monthlyBudgetUsd),
    teamBudgetUsd: row.team?.monthlyBudgetUsd == null ? null : Number(row.team.monthlyBudgetUsd),
    rpmLimit: row.rpmLimit,
    tpmLimit: row.tpmLimit,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
  };
  if (caches.keys.size >= MAX_CACHED_KEYS && !caches.keys.has(hash)) makeRoom(caches.keys, now);
  caches.keys.set(hash, { value, expiresAt: now + (value ? KEY_TTL_MS : UNKNOWN_KEY_TTL_MS) });
  return value;
}

/**
 * Drops the expired entries, and when that is not a tenth of the bound, the oldest ones up to it
 * (a Map iterates in insertion order). Linear, but it runs once per tenth of the bound's inserts.
 */
function makeRoom<T>(entries: Map<string, Entry<T>>, now: number): void {
  for (const [k, e] of entries) if (e.expiresAt <= now) entries.delete(k);
  const target = MAX_CACHED_KEYS - Math.ceil(MAX_CACHED_KEYS / 10);
  for (const k of entries.keys()) {
    if (entries.size <= target) break;
    entries.delete(k);
  }
}

export function tenantConfig(db: PrismaClient, tenantId: string, now = Date.now()): Promise<TenantConfig> {
  listenOnce();
  const cached = caches.tenants.get(tenantId);
  if (cached && cached.expiresAt > now) return cached.value;
  const value = loadTenantConfig(db, tenantId);
  caches.tenants.set(tenantId, { value, expiresAt: now + TENANT_TTL_MS });
  // A failed load must not stay cached for the whole TTL.
  value.catch(() => caches.tenants.delete(tenantId));
  return value;
}

function dropCached({ tenantId, keyHash }: Invalidation): void {
  if (keyHash) caches.keys.delete(keyHash);
  if (tenantId) {
    caches.tenants.delete(tenantId);
    for (const [hash, entry] of caches.keys) if (entry.value?.tenantId === tenantId) caches.keys.delete(hash);
  }
  if (!keyHash && !tenantId) {
    caches.keys.clear();
    caches.tenants.clear();
  }
}

/** Hears other processes' invalidations; started with the first cached look-up. */
function listenOnce(): void {
  if (env.DATABASE_URL) startInvalidationListener(env.DATABASE_URL, dropCached);
}

/** Called when a key is revoked, rotated or edited: here at once, elsewhere through NOTIFY. */
export async function invalidateKey(db: Notifier, hash: string): Promise<void> {
  dropCached({ keyHash: hash });
  await publishInvalidation(db, { keyHash: hash });
}

/** Called when a tenant's catalog, policies or credentials change. */
export async function invalidateTenant(db: Notifier, tenantId: string): Promise<void> {
  dropCached({ tenantId });
  await publishInvalidation(db, { tenantId });
}
