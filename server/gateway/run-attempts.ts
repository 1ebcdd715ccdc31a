// The fallback loop (DESIGN convention 4): a plain loop over the plan; every attempt builds a
// fresh upstream request from the unchanged incoming one and is recorded. It moves on when
// an upstream fails before any output reached the caller (429, 5xx, timeout, connection,
// or our own credential being refused), never on a fault in the caller's request. A model
// whose circuit breaker refuses is skipped; a retryable failure is retried on the same model
// with backoff (bounded, and never past the request's retry deadline) before moving on.
import { env } from "../env";
import type { AbortLike } from "../providers/abort-scope";
import { callProvider, type CallTimeouts } from "../providers/call-provider";
import type { ChatRequest, ChatResponse, StreamEvent } from "../providers/types";
import { UpstreamError, describeUpstreamFailure } from "../providers/upstream-error";
import type { CatalogModel } from "../routing/types";
import type { CircuitBreakers } from "../resilience/circuit-breakers";
import { getCircuitBreakers } from "../resilience/circuit-breakers-instance";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../resilience/retry-policy";
import { withRetries } from "../resilience/with-retries";
import type { AttemptRecord } from "../usage/usage-record";
import type { TenantConfig } from "./load-tenant-config";
import { resolveProviderTarget } from "./resolve-provider-target";

export const UPSTREAM_TIMEOUTS: CallTimeouts = {
  connectMs: env.SWITCHYARD_UPSTREAM_CONNECT_TIMEOUT_MS,
  firstByteMs: env.SWITCHYARD_UPSTREAM_FIRST_BYTE_TIMEOUT_MS,
  idleMs: env.SWITCHYARD_UPSTREAM_IDLE_TIMEOUT_MS,
  totalMs: env.SWITCHYARD_UPSTREAM_TOTAL_TIMEOUT_MS,
};
export const UPSTREAM_MAX_ANSWER_BYTES = env.SWITCHYARD_MAX_UPSTREAM_ANSWER_BYTES;

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
  const detail = error instanceof Error ? error.message : String(error);
  return new UpstreamError({ status: 0, kind: "unknown", message: describeUpstreamFailure(provider, 0, "unknown", undefined), provider, detail, cause: error });
}

export interface AttemptGuards {
  tenantId: string;
  breakers: CircuitBreakers;
  retry: RetryPolicy;
  /** No retry starts (or waits) past this epoch ms; the fallback plan goes on regardless. */
  retryDeadlineAt: number;
}

/** Retries for one request end this long after it started. */
export const RETRY_WINDOW_MS = 30_000;

export function defaultGuards(tenantId: string, now = Date.now()): AttemptGuards {
  return { tenantId, breakers: getCircuitBreakers(), retry: DEFAULT_RETRY_POLICY, retryDeadlineAt: now + RETRY_WINDOW_MS };
}

/** Not an UpstreamError, so that it ends the model's retries at once. */
class CircuitOpen extends Error {}

function skippedFailure(model: CatalogModel): UpstreamError {
  return new UpstreamError({ status: 503, kind: "server", message: `circuit breaker open for ${model.id}; skipped`, provider: model.provider });
}

/** Models the request moved on to after the first; retries of one model are not fallbacks. */
export function fallbackCount(attempts: AttemptRecord[]): number {
  return Math.max(0, new Set(attempts.map((a) => a.model)).size - 1);
}

/** Worth trying the next model: the upstream's trouble, or our credential or base URL for it. */
export function movesOn(error: UpstreamError): boolean {
  return error.retryable || error.kind === "auth" || error.kind === "not_found" || error.kind === "stream_broken" || error.kind === "blocked";
}

export async function runAttempts(
  plan: CatalogModel[],
  request: ChatRequest,
  config: TenantConfig,
  signal: AbortLike,
  guards: AttemptGuards = defaultGuards(config.tenantId),
  timeouts: CallTimeouts = UPSTREAM_TIMEOUTS,
): Promise<AttemptSuccess<ChatResponse | AsyncIterable<StreamEvent>>> {
  return tryInOrder(plan, signal, guards, (model) => {
    const { adapter, target, simulated } = resolveProviderTarget(model, config, request.stream);
    return { simulated, call: () => callProvider(adapter, request, target, { signal, timeouts, maxAnswerBytes: UPSTREAM_MAX_ANSWER_BYTES }) };
  });
}

/** One model's upstream call, ready to make (and to make again on a retry). */
export interface PreparedCall<T> {
  simulated: boolean;
  call: () => Promise<T>;
}

/** The fallback loop itself, for any kind of call (chat, embeddings): `prepare` says how to call each model. */
export async function tryInOrder<T>(
  plan: CatalogModel[],
  signal: AbortLike,
  guards: AttemptGuards,
  prepare: (model: CatalogModel) => PreparedCall<T>,
): Promise<AttemptSuccess<T>> {
  const attempts: AttemptRecord[] = [];
  const { tenantId, breakers } = guards;
  for (const [index, model] of plan.entries()) {
    const { call, simulated } = prepare(model);
    try {
      const result = await withRetries(async () => {
        if (!(await breakers.tryAcquire(tenantId, model))) {
          attempts.push({ model: model.id, provider: model.provider, status: 503, errorClass: "circuit_open", latencyMs: 0 });
          throw new CircuitOpen();
        }
        const started = performance.now();
        try {
          const value = await call();
          attempts.push({ model: model.id, provider: model.provider, status: 200, errorClass: null, latencyMs: Math.round(performance.now() - started) });
          void breakers.recordSuccess(tenantId, model);
          return value;
        } catch (error) {
          if (signal.aborted) throw signal.reason ?? error;
          const failure = asUpstreamError(error, model.provider);
          attempts.push({ model: model.id, provider: model.provider, status: failure.status, errorClass: failure.kind, latencyMs: Math.round(performance.now() - started) });
          await breakers.recordFailure(tenantId, model, failure);
          throw failure;
        }
      }, { policy: guards.retry, deadlineAt: guards.retryDeadlineAt, signal });
      return { result, model, simulated, attempts };
    } catch (error) {
      if (signal.aborted) throw signal.reason ?? error;
      const failure = error instanceof CircuitOpen ? skippedFailure(model) : asUpstreamError(error, model.provider);
      if (!movesOn(failure) || index === plan.length - 1) throw new AttemptsFailed(failure, attempts);
    }
  }
  throw new AttemptsFailed(new UpstreamError({ status: 0, kind: "unknown", message: "No model to try", provider: "switchyard" }), attempts);
}
