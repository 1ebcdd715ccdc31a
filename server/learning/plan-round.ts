/**
 * One learning round's plan, from the queued events it took and the log rows found for them
 * (pure): which events fold now (per tenant, joined with their request), which wait for a log row
 * the usage writer has not written yet, and which waited too long and are dropped.
 */
import type { FoldableEvent } from "./fold-events";
import { decodeStoredFeatures } from "./stored-features";

export interface QueuedEvent {
  id: bigint;
  tenantId: string;
  requestId: string;
  kind: string;
  score: number | null;
  payload: unknown;
  attempts: number;
  createdAt: Date;
}

export interface LoggedRequest {
  id: string;
  tenantId: string;
  chosenModel: string | null;
  category: string | null;
  policyId: string | null;
  features: unknown;
}

/**
 * How long an event waits for its log row: it is dropped once it has waited both this many rounds
 * and this long, so that neither a short interval nor a long one drops evidence while the usage
 * writer catches up after an outage.
 */
export interface WaitLimits {
  maxAttempts: number;
  maxAgeMs: number;
}

export interface TenantBatch {
  /** Events to fold, in queue order. */
  events: FoldableEvent[];
  /** Their ids (deleted once folded). */
  ids: bigint[];
  /** Ids of events dropped for this tenant (their log row never came). */
  dropped: bigint[];
}

export interface RoundPlan {
  tenants: Map<string, TenantBatch>;
  /** Events whose log row is not there yet: one more attempt each. */
  waiting: bigint[];
}

export function planRound(events: readonly QueuedEvent[], rows: readonly LoggedRequest[], now: Date, limits: WaitLimits): RoundPlan {
  // Keyed by tenant and id: an event only joins its own tenant's request.
  const byKey = new Map(rows.map((r) => [`${r.tenantId}\u0000${r.id}`, r]));
  const tenants = new Map<string, TenantBatch>();
  const waiting: bigint[] = [];
  const batch = (tenantId: string) => {
    let b = tenants.get(tenantId);
    if (!b) tenants.set(tenantId, (b = { events: [], ids: [], dropped: [] }));
    return b;
  };
  for (const e of events) {
    const row = byKey.get(`${e.tenantId}\u0000${e.requestId}`);
    if (!row) {
      const expired = e.attempts + 1 >= limits.maxAttempts && now.getTime() - e.createdAt.getTime() >= limits.maxAgeMs;
      if (expired) batch(e.tenantId).dropped.push(e.id);
      else waiting.push(e.id);
      continue;
    }
    const b = batch(e.tenantId);
    b.ids.push(e.id);
    b.events.push({
      kind: e.kind,
      score: e.score,
      payload: e.payload,
      request: { servedModel: row.chosenModel, category: row.category, policyId: row.policyId, features: decodeStoredFeatures(row.features) },
    });
  }
  return { tenants, waiting };
}
