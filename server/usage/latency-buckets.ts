// Upper bounds (ms, exclusive) of the latency histogram kept in UsageRollup; the last bucket is
// open-ended. Percentiles read from rollups are interpolated inside a bucket, so the bounds
// are dense where latencies usually fall.
export const LATENCY_BUCKET_BOUNDS_MS = [
  25, 50, 100, 150, 200, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 4000, 5000, 7500, 10000, 15000, 20000, 30000, 60000,
] as const;

export const LATENCY_BUCKET_COUNT = LATENCY_BUCKET_BOUNDS_MS.length + 1;

export function latencyBucketIndex(ms: number): number {
  const index = LATENCY_BUCKET_BOUNDS_MS.findIndex((bound) => ms < bound);
  return index === -1 ? LATENCY_BUCKET_BOUNDS_MS.length : index;
}

/** Percentile (0-1) from bucket counts, interpolating linearly inside the bucket. */
export function percentileFromHistogram(counts: readonly number[], p: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const target = p * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i] ?? 0;
    if (count > 0 && seen + count >= target) {
      const lower = i === 0 ? 0 : LATENCY_BUCKET_BOUNDS_MS[i - 1]!;
      const upper = LATENCY_BUCKET_BOUNDS_MS[i] ?? lower * 2;
      return lower + ((target - seen) / count) * (upper - lower);
    }
    seen += count;
  }
  return LATENCY_BUCKET_BOUNDS_MS[LATENCY_BUCKET_BOUNDS_MS.length - 1]!;
}
