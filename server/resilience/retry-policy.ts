// When to try the same model again after a failed attempt, and after how long. Pure: the
// random source is injected. Retries are few and short on purpose: the fallback plan is the
// better remedy for a sick model, so a long Retry-After moves on rather than waits.
import type { UpstreamError } from "../providers/upstream-error";

export interface RetryPolicy {
  /** Extra attempts of the same model after the first one. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the next model is tried instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, baseDelayMs: 250, maxDelayMs: 4_000, maxRetryAfterMs: 10_000 };

/**
 * The wait before retry number `retriesSoFar + 1`, or null to give up on this model.
 * Without a hint: "full jitter" (uniform in [0, base * 2^n], capped) so that callers which
 * failed together do not retry together. With Retry-After: at least that long, plus jitter.
 */
export function retryDelayMs(error: UpstreamError, retriesSoFar: number, policy: RetryPolicy, random: () => number): number | null {
  if (!error.retryable || retriesSoFar >= policy.maxRetries) return null;
  if (error.retryAfterMs !== undefined) {
    if (error.retryAfterMs > policy.maxRetryAfterMs) return null;
    return Math.round(error.retryAfterMs + random() * policy.baseDelayMs);
  }
  return Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retriesSoFar));
}
