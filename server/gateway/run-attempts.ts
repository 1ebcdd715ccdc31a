// The fallback loop (DESIGN convention 4): a plain loop over the plan; every attempt builds a
// fresh upstream request from the unchanged incoming one and is recorded. It moves on when
// an upstream fails before any output reached the caller (429, 5xx, timeout, connection,
// or our own credential being refused), never on a fault in the caller's request.
import { env } from "../env";
import { callProvider, type CallTimeouts } from "../providers/call-provider";
import type { ChatRequest, ChatResponse, StreamEvent } from "../providers/types";
import { UpstreamError } from "../providers/upstream-error";
import type { CatalogModel } from "../routing/types";
import type { AttemptRecord } from "../usage/usage-record";
import type { TenantConfig } from "./load-tenant-config";
import { resolveProviderTarget } from "./resolve-provider-target";

export const UPSTREAM_TIMEOUTS: CallTimeouts = {
  connectMs: env.SWITCHYARD_UPSTREAM_CONNECT_TIMEOUT_MS,
  firstByteMs: env.SWITCHYARD_UPSTREAM_FIRST_BYTE_TIMEOUT_MS,
  idleMs: env.SWITCHYARD_UPSTREAM_IDLE_TIMEOUT_MS,
};

export interface AttemptSuccess<T> {
  result: T;
  model: CatalogModel;
  simulated: boolean;
  attempts: AttemptRecord[];
}

export class AttemptsFailed extends Error {
  constructor(readonly last: UpstreamError, readonly attempts: AttemptRecord[]) {
    super(last.message);
    this.name = "AttemptsFailed";
  }
}

function asUpstreamError(error: unknown, provider: string): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new UpstreamError({ status: 0, kind: "unknown", message, provider, cause: error });
}

/** Worth trying the next model: the upstream's trouble, or our credential for it. */
export function movesOn(error: UpstreamError): boolean {
  return error.retryable || error.kind === "auth" || error.kind === "not_found" || error.kind === "stream_broken";
}

export async function runAttempts(
  plan: CatalogModel[],
  request: ChatRequest,
  config: TenantConfig,
  signal: AbortSignal,
  timeouts: CallTimeouts = UPSTREAM_TIMEOUTS,
): Promise<AttemptSuccess<ChatResponse | AsyncIterable<StreamEvent>>> {
  const attempts: AttemptRecord[] = [];
  for (const [index, model] of plan.entries()) {
    const { adapter, target, simulated } = resolveProviderTarget(model, config, request.stream);
    const started = performance.now();
    try {
      const result = await callProvider(adapter, request, target, { signal, timeouts });
      attempts.push({ model: model.id, provider: model.provider, status: 200, errorClass: null, latencyMs: Math.round(performance.now() - started) });
      return { result, model, simulated, attempts };
    } catch (error) {
      if (signal.aborted) throw signal.reason ?? error;
      const failure = asUpstreamError(error, model.provider);
      attempts.push({ model: model.id, provider: model.provider, status: failure.status, errorClass: failure.kind, latencyMs: Math.round(performance.now() - started) });
      if (!movesOn(failure) || index === plan.length - 1) throw new AttemptsFailed(failure, attempts);
    }
  }
  throw new AttemptsFailed(new UpstreamError({ status: 0, kind: "unknown", message: "No model to try", provider: "switchyard" }), attempts);
}
