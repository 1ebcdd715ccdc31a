/**
 * Which requests are evaluated (answered by a challenger too and judged): a deterministic sample by
 * hash of the request's key and a seed, so that the same request is always in or out and no random
 * source is needed on the request's path.
 */
import { fnv1a } from "../training/metrics";

export function isSampledForEvaluation(key: string, share: number, seed: number): boolean {
  if (!(share > 0)) return false;
  if (share >= 1) return true;
  // Mix the seed in, then spread the hash (FNV-1a's low bits alone are poorly distributed).
  let h = fnv1a(`${seed >>> 0}:${key}`);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296 < share;
}
