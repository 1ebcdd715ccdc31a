/**
 * Mulberry32: a tiny, seedable PRNG. Everything that must come out the same run after run
 * (simulated answers, demo traffic, router training) draws from this one generator, so the
 * checked-in router weights and recorded simulated outputs change if it does.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
