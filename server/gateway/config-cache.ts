// In-process caches that keep database round trips off the hot path: API keys by hash and
// tenant configuration by tenant, each with a short TTL and explicit invalidation when the
// console changes them. Kept on globalThis because Next.js may load this module once per
// route bundle.
import type { PrismaClient } from "../db/generated/client";
import { hashApiKey, isWellFormedApiKey } from "../auth/api-key-secret";
import { loadTenantConfig, type TenantConfig } from "./load-tenant-config";
import { publishInvalidation, startInvalidationListener, type Invalidation, type Notifier } from "./config-invalidation";
import { env } from "../env";
import { LruCache } from "../cache/lru-cache";

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
 * Keys remembered at most, of each kind. Anyone can present made-up keys, each remembered as
 * unknown: they have their own bounded cache, so a stream of them never pushes out a key in use,
 * and within each cache the least recently used goes first.
 */
export const MAX_CACHED_KEYS = 20_000;
// Only the entry count bounds these caches; an entry's size is not counted.
const KEY_LIMITS = { maxEntries: MAX_CACHED_KEYS, maxBytes: Number.POSITIVE_INFINITY };

interface Caches {
  keys: LruCache<GatewayKey>;
  unknownKeys: LruCache<true>;
  tenants: Map<string, Entry<Promise<TenantConfig>>>;
}

const holder = globalThis as unknown as { __switchyardGatewayCaches?: Caches };
const caches: Caches = (holder.__switchyardGatewayCaches ??= {
  keys: new LruCache(KEY_LIMITS),
  unknownKeys: new LruCache(KEY_LIMITS),
  tenants: new Map(),
});

export async function findKeyBySecret(db: PrismaClient, secret: string, now = Date.now()): Promise<GatewayKey | null> {
  listenOnce();
  // Not shaped like a key we issue: no hashing, no look-up, nothing remembered.
  if (!isWellFormedApiKey(secret)) return null;
  const hash = hashApiKey(secret);
  const known = caches.keys.get(hash, now);
  if (known) return known;
  if (caches.unknownKeys.get(hash, now)) return null;
  const row = await db.apiKey.findUnique({ where: { hash }, include: { team: { select: { monthlyBudgetUsd: true } } } });
  if (!row) {
    caches.unknownKeys.set(hash, true, 0, UNKNOWN_KEY_TTL_MS, now);
    return null;
  }
  const value: GatewayKey = {
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
  caches.keys.set(hash, value, 0, KEY_TTL_MS, now);
  return value;
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
  if (keyHash) {
    caches.keys.delete(keyHash);
    caches.unknownKeys.delete(keyHash);
  }
  if (tenantId) {
    caches.tenants.delete(tenantId);
    caches.keys.deleteWhere((key) => key.tenantId === tenantId);
  }
  if (!keyHash && !tenantId) {
    caches.keys.clear();
    caches.unknownKeys.clear();
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
