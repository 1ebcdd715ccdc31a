import { createRandom } from "../../random/mulberry32";
import { fnv1a } from "./metrics";
import type { LabelledRow } from "./build-classifier";

/** Joined prompts stay within the data's own length limit. */
const MAX_JOINED_CHARS = 4000;

/**
 * Longer training prompts made by joining 2 to 4 prompts of one (category, source) group.
 *
 * The hashed n-gram features are scaled by 1/sqrt(count), so a prompt's sparse score grows with
 * the square root of its length times the mean weight of its n-grams. A long prompt in a style no
 * source has shown is then filed by its common words under whichever category happens to have long
 * training prompts, not by its topic. Joined rows give every category long prompts of its own.
 *
 * Each row keeps its group's category and source, so per-source weighting and leave-one-source-out
 * folds treat it as that source's. Draws are seeded per group, so a group's first rows are the
 * same whatever `share` is and whichever other groups exist (ids are stable across folds).
 */
export function joinPrompts(rows: LabelledRow[], share: number, seed = 11): LabelledRow[] {
  if (share <= 0) return [];
  const groups = new Map<string, LabelledRow[]>();
  for (const r of rows) {
    const key = `${r.category}/${r.source}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const out: LabelledRow[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!;
    if (group.length < 4) continue;
    const rand = createRandom(seed ^ fnv1a(key));
    const wanted = Math.round(group.length * share);
    for (let i = 0; i < wanted; i++) {
      const parts: string[] = [];
      let length = 0;
      const count = 2 + Math.floor(rand() * 3);
      for (let j = 0; j < count; j++) {
        const prompt = group[Math.floor(rand() * group.length)]!.prompt;
        if (parts.length > 0 && length + 2 + prompt.length > MAX_JOINED_CHARS) break;
        parts.push(prompt);
        length += prompt.length + 2;
      }
      if (parts.length < 2) continue;
      const { category, source } = group[0]!;
      out.push({ id: `joined-${key}-${i}`, category, source, prompt: parts.join("\n\n") });
    }
  }
  return out;
}
