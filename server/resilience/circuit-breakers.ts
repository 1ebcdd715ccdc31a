// The gateway's view of the breakers: one per model and one per provider, per tenant (tenants
// bring their own credentials, so one tenant's exhausted quota must not close a model for the
// others). A model is usable only when both of its breakers let calls through.
import type { CatalogModel } from "../routing/types";
import type { UpstreamError } from "../providers/upstream-error";
import { breakerHealth } from "./circuit-breaker";
import type { BreakerStore } from "./breaker-store";
import { throttledLog } from "../observability/throttled-log";

type Guarded = Pick<CatalogModel, "id" | "provider">;

/** Which breaker an outcome opened: the model's own or its provider's. */
export type BreakerScope = "model" | "provider";

/** A breaker refusing calls right now: `target` is the model's id or the provider's name. */
export interface OpenBreaker {
  tenantId: string;
  scope: BreakerScope;
  target: string;
}

/** At most this many breakers are listed per scrape, so that a scrape's work is bounded. */
export const MAX_LISTED_BREAKERS = 10_000;

/** `${tenantId}:${scope}:${target}` (keysOf); a model id may itself hold colons. */
function parseBreakerKey(key: string): OpenBreaker | null {
  const first = key.indexOf(":");
  const second = key.indexOf(":", first + 1);
  if (first < 0 || second < 0) return null;
  const scope = key.slice(first + 1, second);
  if (scope !== "model" && scope !== "provider") return null;
  return { tenantId: key.slice(0, first), scope, target: key.slice(second + 1) };
}

/** Failures that say the upstream is unwell; a caller's bad request or our credential do not. */
export function countsAgainstBreaker(error: UpstreamError): boolean {
  return error.retryable || error.kind === "stream_broken";
}

const breakerLog = throttledLog("breaker");

export class CircuitBreakers {
  constructor(
    private readonly store: BreakerStore,
    private readonly clock: () => number = Date.now,
    private readonly onStoreError: (error: unknown) => void = (e) => breakerLog("store unavailable, failing open", e),
    private readonly onOpen: (tenantId: string, scope: BreakerScope, model: Guarded) => void = () => {},
  ) {}

  // Built once per tenant and model (again if the model moved provider): the same few keys serve every request.
  private readonly keys = new Map<string, Map<string, { provider: string; keys: string[] }>>();

  private keysOf(tenantId: string, model: Guarded): string[] {
    let perModel = this.keys.get(tenantId);
    if (!perModel) this.keys.set(tenantId, (perModel = new Map()));
    let entry = perModel.get(model.id);
    if (entry?.provider !== model.provider) {
      entry = { provider: model.provider, keys: [`${tenantId}:model:${model.id}`, `${tenantId}:provider:${model.provider}`] };
      perModel.set(model.id, entry);
    }
    return entry.keys;
  }

  /** Models with an open circuit and why, in the shape route() takes as `unhealthy`. */
  async unhealthy(tenantId: string, models: Guarded[]): Promise<Record<string, string>> {
    if (this.store.allClosed?.()) return {};
    const now = this.clock();
    const keys = models.flatMap((m) => this.keysOf(tenantId, m));
    try {
      const states = await this.store.read(keys, now);
      const result: Record<string, string> = {};
      models.forEach((model, i) => {
        const [own, provider] = [breakerHealth(states[2 * i]!, now), breakerHealth(states[2 * i + 1]!, now)];
        if (!own.available) result[model.id] = own.reason;
        else if (!provider.available) result[model.id] = `provider ${model.provider}: ${provider.reason}`;
      });
      return result;
    } catch (error) {
      this.onStoreError(error);
      return {};
    }
  }

  /** The breakers that refuse calls now (open, or half-open with its probe out), for metrics. */
  async openNow(): Promise<OpenBreaker[]> {
    const keys = await this.store.listNotClosed(MAX_LISTED_BREAKERS);
    if (keys.length === 0) return [];
    const now = this.clock();
    const states = await this.store.read(keys, now);
    return keys.flatMap((key, i) => {
      const parsed = breakerHealth(states[i]!, now).available ? null : parseBreakerKey(key);
      return parsed ? [parsed] : [];
    });
  }

  /** Just before a call: false when a breaker (still, or meanwhile) refuses it. */
  async tryAcquire(tenantId: string, model: Guarded): Promise<boolean> {
    try {
      return await this.store.acquire(this.keysOf(tenantId, model), this.clock());
    } catch (error) {
      this.onStoreError(error);
      return true;
    }
  }

  async recordSuccess(tenantId: string, model: Guarded): Promise<void> {
    await this.record(tenantId, model, true);
  }

  async recordFailure(tenantId: string, model: Guarded, error: UpstreamError): Promise<void> {
    if (countsAgainstBreaker(error)) await this.record(tenantId, model, false);
  }

  private async record(tenantId: string, model: Guarded, success: boolean): Promise<void> {
    try {
      // The model's key, then its provider's (keysOf).
      const [modelOpened, providerOpened] = await this.store.record(this.keysOf(tenantId, model), success, this.clock());
      if (modelOpened) this.onOpen(tenantId, "model", model);
      if (providerOpened) this.onOpen(tenantId, "provider", model);
    } catch (error) {
      this.onStoreError(error);
    }
  }
}
