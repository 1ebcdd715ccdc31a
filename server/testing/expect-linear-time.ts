// A check that work grows linearly with input size: the time at size 4n over the time at size
// n, each the fastest of a few runs (the fastest run is the one least disturbed by other load).
// Linear work gives about 4, quadratic 16; the bound of 8 leaves room for noise and caches.

function fastest(run: () => void, tries: number): number {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export interface GrowthMeasure {
  smallMs: number;
  largeMs: number;
  ratio: number;
}

/**
 * `make(n)` builds an input of size n and `work(input)` processes it; n is doubled until the
 * small input takes at least `minMs`, so the ratio is not the noise of a timer tick.
 */
export function measureGrowth<T>(make: (n: number) => T, work: (input: T) => unknown, start = 1_000, minMs = 2, tries = 3): GrowthMeasure {
  let n = start;
  let small = make(n);
  work(small); // warm-up: compile the code paths first
  let smallMs = fastest(() => work(small), tries);
  while (smallMs < minMs && n < 1 << 24) {
    n *= 2;
    small = make(n);
    smallMs = fastest(() => work(small), tries);
  }
  const large = make(4 * n);
  const measure = (): GrowthMeasure => {
    const largeMs = fastest(() => work(large), tries);
    return { smallMs, largeMs, ratio: largeMs / Math.max(smallMs, 1e-3) };
  };
  // A busy machine (other test files run in parallel) can stall every try of one size. Such a
  // stall is rare several times in a row, while quadratic work gives about 16 on every round: a
  // ratio over the bound is measured again, both sizes, up to four times, and the lowest round
  // counts (twice was not enough once the suite grew past 160 files on two cores).
  let best = measure();
  for (let round = 0; round < 4 && best.ratio >= LINEAR_RATIO_BOUND; round++) {
    smallMs = fastest(() => work(small), tries);
    const again = measure();
    if (again.ratio < best.ratio) best = again;
  }
  return best;
}

export const LINEAR_RATIO_BOUND = 8;
