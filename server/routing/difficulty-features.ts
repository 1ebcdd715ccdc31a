import { addTextFeatures, lowerCase, type FeatureSink } from "./hash-features";
import { computeHeuristics, HEURISTIC_COUNT } from "./compute-heuristics";
import { headTail, USER_HEAD_CHARS, USER_TAIL_CHARS } from "./extract-prompt-text";

/** Extra dense cues for difficulty on top of the shared heuristics. */
const EXTRA_NAMES = [
  "log_words",
  "avg_word_length",
  "long_word_share",
  "sentences",
  "digit_share",
  "which_of_following",
  "multi_step_cues",
  "option_length",
  "quoted_or_scenario",
  "capital_share",
] as const;

export const DIFFICULTY_DENSE_NAMES: readonly string[] = [
  ...Array.from({ length: HEURISTIC_COUNT }, (_, i) => `h${i}`),
  ...EXTRA_NAMES,
];
export const DIFFICULTY_DENSE_COUNT = HEURISTIC_COUNT + EXTRA_NAMES.length;
/** Weight of the hashed n-gram namespace for difficulty (kept small: it should not memorise topics). */
export const DIFFICULTY_TEXT_WEIGHT = 0.5;

const MULTI_STEP = /\b(then|after that|next|finally|first|second|step|steps|both|each|all of the|none of the|respectively|assume|suppose|given that|if\b|unless|except|compare|derive|prove|calculate|estimate)\b/g;

const SENTENCE_END = /[.!?](\s|$)/g;
/** /which of the following|all of the following|which one of|true statements?/ as plain substrings ("statements?" contains "statement"). */
const WHICH_OF_PHRASES = ["which of the following", "all of the following", "which one of", "true statement"];
// `[^\S\n]*`, not `\s*`: a run of newlines would be rescanned from each one (quadratic).
// Options A to J: ten-option questions exist, and their later options count for the mean length too.
const OPTION_LINE = /\n[^\S\n]*\(?[A-J][).:]\s*[^\n]*/g;
const SCENARIO = /\bscenario\b|\bstatement \d\b/;

/**
 * /["“].{20,}["”]/ as a scan: an opening quote and a later closing quote on one line with at
 * least 20 characters between them. The regex backtracks over the rest of the line from every
 * opening quote that has no such partner, quadratic on a line of quotes.
 */
export function hasLongQuote(text: string): boolean {
  let opener = -1; // the line's first opening quote
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) opener = -1;
    else if (c === 34 /* " */ || c === 0x201d /* ” */) {
      if (opener >= 0 && i - opener > 20) return true;
      if (c === 34 && opener < 0) opener = i;
    } else if (c === 0x201c /* “ */ && opener < 0) opener = i;
  }
  return false;
}

/** Matches of `re` in `s`, counting no further than `cap` (the feature's saturation point). */
function count(re: RegExp, s: string, cap: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < cap && re.exec(s) !== null) n++;
  return n;
}

/**
 * Training-time features of a raw prompt: the same truncation, hashing and heuristics as the
 * routing hot path, which reuses the classifier's features (see estimate-difficulty.ts).
 */
export function difficultyFeatures(prompt: string, sink: FeatureSink, dense: Float32Array): void {
  const text = headTail(prompt, USER_HEAD_CHARS, USER_TAIL_CHARS);
  sink.n = 0;
  addTextFeatures(text, DIFFICULTY_TEXT_WEIGHT, sink);
  computeHeuristics(text, dense);
  difficultyExtras(text, dense);
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c > 127;
}

/** Fill the extra dense cues (after the shared heuristics) for already-truncated text. */
export function difficultyExtras(text: string, dense: Float32Array): void {
  const lower = lowerCase(text);
  // One pass: words (alphanumeric runs) over the whole text, digits and capitals over the first 2,000 characters.
  let nw = 0;
  let totalLen = 0;
  let longWords = 0;
  let cur = 0;
  let digits = 0;
  let caps = 0;
  const m = Math.min(text.length, 2000);
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (i < m) {
      if (c >= 48 && c <= 57) digits++;
      else if (c >= 65 && c <= 90) caps++;
    }
    if (i < text.length && isAlnum(c)) cur++;
    else if (cur > 0) {
      nw++;
      totalLen += cur;
      if (cur >= 9) longWords++;
      cur = 0;
    }
  }
  // Mean length of option lines ("\nA) ...") without building the array of matches.
  let optionChars = 0;
  let optionCount = 0;
  if (text.includes("\n")) {
    OPTION_LINE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = OPTION_LINE.exec(text)) !== null) {
      optionChars += m[0].length;
      optionCount++;
    }
  }
  const optionLen = optionChars / Math.max(1, optionCount);
  let j = HEURISTIC_COUNT;
  dense[j++] = Math.min(1, Math.log1p(nw) / Math.log1p(800));
  dense[j++] = nw > 0 ? Math.min(1, totalLen / nw / 10) : 0;
  dense[j++] = nw > 0 ? longWords / nw : 0;
  dense[j++] = Math.min(1, count(SENTENCE_END, text, 10) / 10);
  dense[j++] = m > 0 ? Math.min(1, (digits / m) * 10) : 0;
  dense[j++] = WHICH_OF_PHRASES.some((x) => lower.includes(x)) ? 1 : 0; // = WHICH_OF.test(lower)
  dense[j++] = Math.min(1, count(MULTI_STEP, lower, 6) / 6);
  dense[j++] = Math.min(1, Math.log1p(optionLen) / Math.log1p(300));
  dense[j++] = hasLongQuote(text) || SCENARIO.test(text) ? 1 : 0;
  dense[j++] = m > 0 ? Math.min(1, (caps / m) * 10) : 0;
}
