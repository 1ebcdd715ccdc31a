// GET /metrics: the Prometheus exposition of the gateway's metrics, for a scraper that presents
// SWITCHYARD_METRICS_TOKEN as a bearer token. The route exists only when the token is set (else
// the path is the gateway's 404). In a worker of a clustered server the answer is the sum over
// all workers, which the primary collects (server/cluster/shared-stores.ts).
import { createHash, timingSafeEqual } from "node:crypto";
import cluster from "node:cluster";
import { env } from "../env";
import { sharedInProcessStore } from "../cluster/shared-stores";
import { jsonResponse, type GatewayRequest, type GatewayResponse } from "../gateway/gateway-request";
import { processMetrics } from "./process-metrics";

export const metricsEnabled = Boolean(env.SWITCHYARD_METRICS_TOKEN);

// Digests compared, so that the comparison takes the same time whatever the presented length.
const digest = (text: string) => createHash("sha256").update(text).digest();

function authorised(presented: string | null): boolean {
  const token = presented?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  return token !== undefined && timingSafeEqual(digest(token), digest(env.SWITCHYARD_METRICS_TOKEN ?? ""));
}

// A worker's stand-in for the primary's collector, made on the first scrape.
let primary: ReturnType<typeof sharedInProcessStore<"metrics">> | undefined;

async function exposition(): Promise<{ text: string; contentType: string }> {
  const metrics = processMetrics()!;
  const text = cluster.isWorker ? await (primary ??= sharedInProcessStore("metrics")).clusterMetrics() : await metrics.registry.metrics();
  return { text, contentType: metrics.registry.contentType };
}

export async function handleMetrics(request: GatewayRequest): Promise<GatewayResponse> {
  if (!authorised(request.headers.get("authorization"))) {
    return jsonResponse({ error: "Send the metrics token as 'Authorization: Bearer <token>'" }, { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  }
  try {
    const { text, contentType } = await exposition();
    return { status: 200, headers: { "content-type": contentType, "cache-control": "no-store" }, body: text };
  } catch (error) {
    console.error("[metrics] collection failed:", error);
    return jsonResponse({ error: "Metrics are unavailable right now" }, { status: 503 });
  }
}
