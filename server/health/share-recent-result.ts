/**
 * `fn`'s promise, shared by every caller for `ttlMs` after it started: callers within that time
 * (concurrent ones included) get the same result instead of starting the work again. A rejected
 * promise is shared too, for the same time. `now` is for tests.
 */
export function shareRecentResult<T>(fn: () => Promise<T>, ttlMs: number, now: () => number = () => performance.now()): () => Promise<T> {
  let last: { at: number; result: Promise<T> } | null = null;
  return () => {
    const t = now();
    if (!last || t - last.at >= ttlMs) last = { at: t, result: fn() };
    return last.result;
  };
}
