// Runs one model's attempt, retrying it per the retry policy while the request's overall
// deadline allows; the last failure is rethrown for the fallback loop to move down the plan.
import { UpstreamError } from "../providers/upstream-error";
import type { AbortLike } from "../providers/abort-scope";
import { sleep } from "../providers/sleep";
import { retryDelayMs, type RetryPolicy } from "./retry-policy";

export interface RetryOptions {
  policy: RetryPolicy;
  /** Epoch ms after which no retry starts (the wait must also end before it). */
  deadlineAt: number;
  signal?: AbortLike;
  clock?: () => number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortLike) => Promise<void>;
}


/** `attempt` receives the retry number (0 for the first try). */
export async function withRetries<T>(attempt: (retry: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, deadlineAt, signal, clock = Date.now, random = Math.random, sleep: wait = sleep } = options;
  for (let retry = 0; ; retry++) {
    try {
      return await attempt(retry);
    } catch (error) {
      if (!(error instanceof UpstreamError) || signal?.aborted) throw error;
      const delay = retryDelayMs(error, retry, policy, random);
      if (delay === null || clock() + delay >= deadlineAt) throw error;
      await wait(delay, signal);
    }
  }
}
