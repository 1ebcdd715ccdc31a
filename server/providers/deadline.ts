import { AbortScope, type AbortLike } from "./abort-scope";
import { UpstreamAddressRefused } from "./guard-upstream-address";
import { UpstreamError, describeUpstreamFailure, type UpstreamErrorKind } from "./upstream-error";

export type CallTimeouts = {
  /** Until response headers arrive (connect + upstream queueing). */
  connectMs?: number;
  /** From headers until the first body bytes (or first event of an in-process stream). */
  firstByteMs?: number;
  /** Longest silence allowed between two chunks once the body is flowing. */
  idleMs?: number;
  /** The whole call, from sending the request to the last byte, however steadily it flows. */
  totalMs?: number;
};

export type Deadline = ReturnType<typeof createDeadline>;

/**
 * One abort scope per upstream call, linked to the caller's, whose timers abort with a
 * "timeout" UpstreamError so the reason survives however fetch reports the abort. The stage
 * timer is re-armed per stage (`arm`); the total timer runs from creation until `dispose`.
 */
export function createDeadline(provider: string, callerSignal?: AbortLike, totalMs?: number) {
  const scope = new AbortScope();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onCallerAbort = () => scope.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const timeout = (message: string) => scope.abort(new UpstreamError({ status: 0, kind: "timeout", message: `${provider}: ${message}`, provider }));
  const totalTimer = totalMs === undefined || scope.aborted ? undefined : setTimeout(() => timeout(`call not complete within ${totalMs} ms`), totalMs);

  function disarm() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  return {
    /** What the node HTTP client listens to. */
    scope,
    /** A web signal for an in-process provider. */
    get signal() {
      return scope.signal;
    },
    arm(ms: number | undefined, waitingFor: string) {
      disarm();
      if (ms === undefined || scope.aborted) return;
      timer = setTimeout(() => timeout(`no ${waitingFor} within ${ms} ms`), ms);
    },
    disarm,
    dispose() {
      disarm();
      clearTimeout(totalTimer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
    /**
     * What to throw for a failure: the caller's own abort reason untouched (not an upstream
     * fault, never retried), our timeout, an UpstreamError as is, a refused address, or else
     * `fallbackKind`. A socket error's text names addresses: it stays in `detail`, for the logs.
     */
    toFailure(error: unknown, fallbackKind: UpstreamErrorKind): unknown {
      if (callerSignal?.aborted) return callerSignal.reason;
      if (scope.aborted) return scope.reason;
      if (error instanceof UpstreamError) return error;
      if (error instanceof UpstreamAddressRefused) {
        return new UpstreamError({ status: 0, kind: "blocked", message: `${provider}: ${error.message}`, provider, detail: error.detail });
      }
      const detail = error instanceof Error ? error.message : String(error);
      return new UpstreamError({ status: 0, kind: fallbackKind, message: describeUpstreamFailure(provider, 0, fallbackKind, undefined), provider, detail, cause: error });
    },
  };
}

/** Re-arms the deadline around every chunk: first-byte before the first, idle after each. */
export async function* withTimeouts<T>(
  source: AsyncIterable<T>,
  deadline: Deadline,
  timeouts: CallTimeouts,
): AsyncGenerator<T> {
  deadline.arm(timeouts.firstByteMs, "first byte");
  try {
    for await (const chunk of source) {
      deadline.disarm();
      yield chunk;
      deadline.arm(timeouts.idleMs, "data");
    }
  } finally {
    deadline.disarm();
  }
}
