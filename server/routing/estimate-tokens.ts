/**
 * Token estimate for long texts without running the BPE: a linear model over character-class counts,
 * calibrated against exact o200k counts (see training/fit-token-estimate.ts; `npm run train:router --
 * --fit-tokens` prints refitted coefficients). One pass over at most TOKEN_SCAN_CHARS characters;
 * longer texts are estimated from their head and tail and scaled by length.
 *
 * Why not exact: exact counting looks every new word piece up in a 200,000-entry rank table, which
 * cost 20-50 µs per 4,000-character message on distinct text. This estimate costs a few µs and,
 * on dev prompts it was not fitted on, is closer to the exact count than the previous head/tail
 * sample extrapolation (bench/routing/RESULTS.md reports both errors).
 */
export const TOKEN_FEATURE_NAMES = [
  "intercept",
  "latin_words",
  "latin_word_chars_beyond_6",
  "digits",
  "ascii_punctuation",
  "newlines",
  "cjk_chars",
  "other_non_ascii",
  "capitalised_words",
  "spaces_tabs",
] as const;

/** Fitted by training/fit-token-estimate.ts on train.jsonl + difficulty_train.jsonl prompts longer than 200 characters. */
export const TOKEN_ESTIMATE_COEFFICIENTS: readonly number[] = [0.4485, 0.7273, 0.0762, 0.809, 0.6754, 0.4086, 0.9658, 0.3707, 0.2655, 0.2778];

export const TOKEN_SCAN_CHARS = 2048;

// Character classes (indexes into the counts below): ASCII by table, then CJK vs other non-ASCII.
const LOWER = 0;
const UPPER = 1;
const DIGIT = 2;
const SPACE = 3;
const NEWLINE = 4;
const PUNCT = 5;
const CJK = 6;
const OTHER = 7;
const ASCII_CLASS = new Uint8Array(128).map((_, c) =>
  c >= 97 && c <= 122 ? LOWER : c >= 65 && c <= 90 ? UPPER : c >= 48 && c <= 57 ? DIGIT : c === 32 || c === 9 || c === 13 ? SPACE : c === 10 ? NEWLINE : PUNCT,
);
const counts = new Int32Array(8);

function classOf(c: number): number {
  if (c < 128) return ASCII_CLASS[c]!;
  return (c >= 0x3000 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) ? CJK : OTHER;
}

/** Add the character-class counts of text[from, to) to `f` (indexed like TOKEN_FEATURE_NAMES; f[0] untouched). */
function addCounts(text: string, from: number, to: number, f: Float64Array): void {
  counts.fill(0);
  let words = 0;
  let longExtra = 0;
  let caps = 0;
  let run = 0;
  for (let i = from; i < to; i++) {
    const k = classOf(text.charCodeAt(i));
    counts[k] = counts[k]! + 1;
    if (k <= UPPER) {
      if (run === 0 && k === UPPER) caps++;
      run++;
    } else if (run > 0) {
      words++;
      if (run > 6) longExtra += run - 6;
      run = 0;
    }
  }
  if (run > 0) {
    words++;
    if (run > 6) longExtra += run - 6;
  }
  f[1] = f[1]! + words;
  f[2] = f[2]! + longExtra;
  f[3] = f[3]! + counts[DIGIT]!;
  f[4] = f[4]! + counts[PUNCT]!;
  f[5] = f[5]! + counts[NEWLINE]!;
  f[6] = f[6]! + counts[CJK]!;
  f[7] = f[7]! + counts[OTHER]!;
  f[8] = f[8]! + caps;
  f[9] = f[9]! + counts[SPACE]!;
}

/** Character-class counts of the whole text (training: no scan limit). */
export function tokenEstimateFeatures(text: string, out: Float64Array = new Float64Array(TOKEN_FEATURE_NAMES.length)): Float64Array {
  out.fill(0);
  out[0] = 1;
  addCounts(text, 0, text.length, out);
  return out;
}

const scratch = new Float64Array(TOKEN_FEATURE_NAMES.length);

/** Estimated o200k token count of `text` (deterministic; at least 1 for non-empty text). */
export function estimateTokens(text: string, coefficients: readonly number[] = TOKEN_ESTIMATE_COEFFICIENTS): number {
  const n = text.length;
  if (n === 0) return 0;
  scratch.fill(0);
  let scale = 1;
  if (n <= TOKEN_SCAN_CHARS) addCounts(text, 0, n, scratch);
  else {
    // Head and tail (a word cut at the seam counts as two; negligible at this length).
    const half = TOKEN_SCAN_CHARS >> 1;
    addCounts(text, 0, half, scratch);
    addCounts(text, n - half, n, scratch);
    scale = n / TOKEN_SCAN_CHARS;
  }
  let s = 0;
  for (let i = 1; i < scratch.length; i++) s += scratch[i]! * coefficients[i]!;
  return Math.max(1, Math.round(coefficients[0]! + s * scale));
}
