// What a finished gateway request leaves besides its usage record: its Prometheus figures (when
// SWITCHYARD_METRICS_TOKEN is set) and its spans (when an OTLP endpoint is set). The process's
// usage writer hands it every record it queues, so that every endpoint is covered; with both off
// it is not called at all.
import type { RefusalReason } from "../limits/limiter";
import type { BreakerScope } from "../resilience/circuit-breakers";
import type { CatalogModel } from "../routing/types";
import type { UsageRecord } from "../usage/usage-record";
import { processMetrics } from "./process-metrics";
import { emitRequestSpans } from "./request-spans";
import { gatewayTracer, tracingEnabled } from "./trace-export";

const metrics = processMetrics();
const tracer = tracingEnabled ? gatewayTracer() : null;

export const observingRequests = metrics !== null || tracer !== null;

export function observeRequest(record: UsageRecord): void {
  // Figures and traces are worth less than the answer: a failure here never reaches the request.
  try {
    metrics?.observe(record);
    if (tracer) emitRequestSpans(tracer, record);
  } catch (error) {
    console.error("[observability] request not observed:", error);
  }
}

export function observeLimitRefusal(tenantId: string, reason: RefusalReason): void {
  metrics?.limitRefused(tenantId, reason);
}

export function observeBreakerOpen(tenantId: string, scope: BreakerScope, model: Pick<CatalogModel, "id" | "provider">): void {
  metrics?.breakerOpened(tenantId, scope, model);
}
