/** Evaluation helpers shared by the training script and the benchmark. */

/**
 * APGR: area under "performance gap recovered vs share of strong-model calls" when prompts are
 * sent to the strong model in decreasing order of `score`. Random order gives ~0.5.
 */
export function computeApgr(score: number[], strong: number[], weak: number[]): number {
  const n = score.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b]! - score[a]! || a - b);
  let weakTotal = 0;
  let strongTotal = 0;
  for (let i = 0; i < n; i++) {
    weakTotal += weak[i]!;
    strongTotal += strong[i]!;
  }
  const gap = strongTotal - weakTotal;
  if (gap === 0) return 0.5;
  let perf = weakTotal;
  let area = 0;
  let prev = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    perf += strong[i]! - weak[i]!;
    const pgr = (perf - weakTotal) / gap;
    area += (prev + pgr) / 2;
    prev = pgr;
  }
  return area / n;
}

/** Stable 32-bit FNV-1a hash of a string (for deterministic splits). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** MMLU subject of a difficulty row id "routellm_mmlu-<subject>-<row>". */
export function subjectOf(id: string): string {
  const parts = id.split("-");
  return parts.slice(1, -1).join("-");
}

/** Held-back difficulty subjects: about a quarter of subjects, chosen by hash of the subject name. */
export function isHeldBackSubject(subject: string): boolean {
  return fnv1a(subject) % 4 === 0;
}

/** Pool-adjacent-violators: non-decreasing fit of ys (weights ws). */
export function isotonic(ys: number[], ws: number[]): number[] {
  const vals: number[] = [];
  const wts: number[] = [];
  const lens: number[] = [];
  for (let i = 0; i < ys.length; i++) {
    vals.push(ys[i]!);
    wts.push(ws[i]!);
    lens.push(1);
    while (vals.length > 1 && vals[vals.length - 2]! > vals[vals.length - 1]!) {
      const w = wts[wts.length - 2]! + wts[wts.length - 1]!;
      const v = (vals[vals.length - 2]! * wts[wts.length - 2]! + vals[vals.length - 1]! * wts[wts.length - 1]!) / w;
      const l = lens[lens.length - 2]! + lens[lens.length - 1]!;
      vals.splice(-2, 2, v);
      wts.splice(-2, 2, w);
      lens.splice(-2, 2, l);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < vals.length; i++) for (let j = 0; j < lens[i]!; j++) out.push(vals[i]!);
  return out;
}
