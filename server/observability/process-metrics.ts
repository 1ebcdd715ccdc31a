// The process's gateway metrics, kept only when a scraper can read them (SWITCHYARD_METRICS_TOKEN).
import { env } from "../env";
import { GatewayMetrics } from "./gateway-metrics";

// On globalThis: the `npm start` server holds these modules twice (see scripts/serve.ts).
const holder = globalThis as unknown as { __switchyardMetrics?: GatewayMetrics };

/** null when metrics are off. */
export function processMetrics(): GatewayMetrics | null {
  if (!env.SWITCHYARD_METRICS_TOKEN) return null;
  return (holder.__switchyardMetrics ??= new GatewayMetrics());
}
