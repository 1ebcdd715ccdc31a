// The process's span pipeline when OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is set:
// spans are queued and sent in batches over OTLP/HTTP (JSON) by the official SDK, off the
// request path. A full queue drops spans rather than holding requests; what is queued is sent on
// graceful shutdown. The exporter reads the endpoint and OTEL_EXPORTER_OTLP_HEADERS itself.
import type { Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { env } from "../env";

/** Spans waiting to be sent; beyond this (a collector that is down or slow) new ones are dropped. */
const MAX_QUEUED_SPANS = 8192;
const SHUTDOWN_TIMEOUT_MS = 5_000;

// On globalThis: the `npm start` server holds these modules twice (see scripts/serve.ts).
const holder = globalThis as unknown as { __switchyardTracerProvider?: BasicTracerProvider };

export const tracingEnabled = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);

export function gatewayTracer(): Tracer {
  holder.__switchyardTracerProvider ??= new BasicTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ timeoutMillis: 10_000 }), { maxQueueSize: MAX_QUEUED_SPANS, maxExportBatchSize: 512, scheduledDelayMillis: 1_000 })],
  });
  return holder.__switchyardTracerProvider.getTracer("switchyard-gateway");
}

/** Sends the queued spans before the process exits (bounded: a collector that is away cannot hold the exit). */
export async function flushTracesOnShutdown(): Promise<void> {
  const provider = holder.__switchyardTracerProvider;
  if (!provider) return;
  await Promise.race([provider.shutdown(), new Promise((resolve) => setTimeout(resolve, SHUTDOWN_TIMEOUT_MS).unref())]);
}
