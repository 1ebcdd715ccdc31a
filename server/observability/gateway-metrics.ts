// The gateway's Prometheus metrics, kept in a registry of their own (never prom-client's global
// one) and updated once per request from its usage record: a handful of counter increments and
// two histogram observations. Labels are bounded: built-in categories and default-catalog model
// ids only (anything else is "other"), and at most MAX_TENANTS distinct tenant ids per process.
import { AggregatorRegistry, Counter, Gauge, Histogram, type PrometheusContentType } from "prom-client";
import type { RefusalReason } from "../limits/limiter";
import type { BreakerScope, OpenBreaker } from "../resilience/circuit-breakers";
import { DEFAULT_CATALOG } from "../routing/defaults";
import { BUILTIN_CATEGORIES, type CatalogModel } from "../routing/types";
import type { UsageRecord } from "../usage/usage-record";

/** Tenants seen after this many share the label "other", so that series stay bounded. */
export const MAX_TENANTS = 500;
export const OTHER = "other";

const KNOWN_MODELS: ReadonlySet<string> = new Set(DEFAULT_CATALOG.map((m) => m.id));
const KNOWN_CATEGORIES: ReadonlySet<string> = new Set(BUILTIN_CATEGORIES);

/** Seconds; from a cache hit to a long reasoning answer. */
const LATENCY_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
const TTFT_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const statusClass = (status: number): string => `${Math.min(5, Math.max(1, Math.floor(status / 100)))}xx`;

export class GatewayMetrics {
  /** An AggregatorRegistry, so that the primary of a clustered server can sum its workers' (see metrics-endpoint.ts). */
  readonly registry = new AggregatorRegistry<PrometheusContentType>();
  private readonly tenants = new Set<string>();

  private readonly requests = this.counter("switchyard_requests_total", "Gateway requests by tenant, served model, category, endpoint and status class.", ["tenant", "model", "category", "endpoint", "status_class"]);
  private readonly tokens = this.counter("switchyard_tokens_total", "Tokens the served models read (input) and wrote (output).", ["tenant", "model", "direction"]);
  private readonly cost = this.counter("switchyard_cost_usd_total", "What the served models cost at catalog prices, in US dollars (unpriced requests add nothing).", ["tenant", "model"]);
  private readonly cacheHits = this.counter("switchyard_cache_hits_total", "Requests answered from the response cache.", ["tenant", "model"]);
  private readonly fallbacks = this.counter("switchyard_fallbacks_total", "Moves down a fallback plan to another model.", ["tenant", "model"]);
  private readonly breakerSkips = this.counter("switchyard_breaker_skips_total", "Upstream attempts skipped because the model's or provider's circuit breaker was open.", ["tenant", "model"]);
  private readonly breakerOpens = this.counter("switchyard_breaker_opens_total", "Circuit breakers opened by upstream failures: a model's own (target = model) or its provider's (target = provider).", ["tenant", "scope", "target"]);
  // Read from the breaker store at scrape time. Every worker of a clustered server reads the same
  // shared store, so the workers' figures are merged by their maximum, not summed.
  private readonly breakersOpen = new Gauge({
    name: "switchyard_breakers_open", help: "Circuit breakers refusing calls now (open, or half-open with a probe out): a model's own (scope = model) or its provider's.",
    labelNames: ["tenant", "scope", "target"], registers: [this.registry], aggregator: "max", collect: () => this.collectOpenBreakers(),
  });
  private listOpenBreakers: (() => Promise<OpenBreaker[]>) | null = null;
  private readonly refusals = this.counter("switchyard_limit_refusals_total", "Requests refused by rate limits or budgets, by reason.", ["tenant", "reason"]);
  private readonly latency = this.histogram("switchyard_request_duration_seconds", "Whole request time in the gateway, until the last byte of the answer.", LATENCY_BUCKETS);
  private readonly ttft = this.histogram("switchyard_time_to_first_token_seconds", "Time until the first token of a successful answer (the whole answer when not streamed).", TTFT_BUCKETS);

  constructor() {
    // The workers of a clustered server answer the primary's requests with this registry.
    AggregatorRegistry.setRegistries([this.registry]);
  }

  private counter<L extends string>(name: string, help: string, labelNames: L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  private histogram(name: string, help: string, buckets: number[]): Histogram<"model" | "endpoint"> {
    return new Histogram({ name, help, labelNames: ["model", "endpoint"], buckets, registers: [this.registry] });
  }

  private tenantLabel(tenantId: string): string {
    if (this.tenants.has(tenantId)) return tenantId;
    if (this.tenants.size >= MAX_TENANTS) return OTHER;
    this.tenants.add(tenantId);
    return tenantId;
  }

  /** The figures of one finished request. */
  observe(r: UsageRecord): void {
    const tenant = this.tenantLabel(r.tenantId);
    const model = r.chosenModel === null ? "none" : KNOWN_MODELS.has(r.chosenModel) ? r.chosenModel : OTHER;
    const category = r.category === null ? "none" : KNOWN_CATEGORIES.has(r.category) ? r.category : OTHER;
    this.requests.inc({ tenant, model, category, endpoint: r.endpoint, status_class: statusClass(r.status) });
    if (r.inputTokens > 0) this.tokens.inc({ tenant, model, direction: "input" }, r.inputTokens);
    if (r.outputTokens > 0) this.tokens.inc({ tenant, model, direction: "output" }, r.outputTokens);
    if (r.costUsd) this.cost.inc({ tenant, model }, r.costUsd);
    if (r.cacheHit) this.cacheHits.inc({ tenant, model });
    if (r.fallbackCount > 0) this.fallbacks.inc({ tenant, model }, r.fallbackCount);
    for (const attempt of r.attempts) {
      if (attempt.errorClass === "circuit_open") this.breakerSkips.inc({ tenant, model: KNOWN_MODELS.has(attempt.model) ? attempt.model : OTHER });
    }
    this.latency.observe({ model, endpoint: r.endpoint }, r.latencyMs / 1000);
    if (r.ttftMs !== null && r.status === 200) this.ttft.observe({ model, endpoint: r.endpoint }, r.ttftMs / 1000);
  }

  breakerOpened(tenantId: string, scope: BreakerScope, model: Pick<CatalogModel, "id" | "provider">): void {
    const target = scope === "provider" ? model.provider : KNOWN_MODELS.has(model.id) ? model.id : OTHER;
    this.breakerOpens.inc({ tenant: this.tenantLabel(tenantId), scope, target });
  }

  /** Where the scrape reads which breakers are open (the process's breakers, once they exist). */
  watchBreakers(list: () => Promise<OpenBreaker[]>): void {
    this.listOpenBreakers = list;
  }

  private async collectOpenBreakers(): Promise<void> {
    this.breakersOpen.reset();
    if (!this.listOpenBreakers) return;
    for (const b of await this.listOpenBreakers()) {
      const target = b.scope === "provider" ? b.target : KNOWN_MODELS.has(b.target) ? b.target : OTHER;
      this.breakersOpen.inc({ tenant: this.tenantLabel(b.tenantId), scope: b.scope, target });
    }
  }

  limitRefused(tenantId: string, reason: RefusalReason): void {
    this.refusals.inc({ tenant: this.tenantLabel(tenantId), reason });
  }
}
