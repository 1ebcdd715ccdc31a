import { addTextFeatures, lowerCase, type FeatureSink } from "./hash-features";
import { computeHeuristics, HEURISTIC_COUNT } from "./compute-heuristics";
import { headTail, USER_HEAD_CHARS, USER_TAIL_CHARS } from "./extract-prompt-text";

/**
 * Extra dense cues for difficulty on top of the shared heuristics: surface form, the question stem
 * without its options, quantitative and multi-step cues. Chosen by leave-one-source-out APGR
 * (npm run -s train:router -- --loso), so what they add has to carry over between sources.
 */
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
  // Appended (older artefacts and stored learners read only the first entries, which keep their meaning).
  "option_count",
  "numeric_option_share",
  "stem_log_words",
  "negation_cues",
  "stem_numbers",
  "scientific_notation",
  "multi_part",
  "formal_logic",
  "question_count",
  "longest_option",
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
const OPTION_LINE = /\n[^\S\n]*\(?[A-J][).:]\s*[^\n]*/g;
const SCENARIO = /\bscenario\b|\bstatement \d\b/;
/** Questions asking for the exception or the false option are harder to answer by recall alone. */
const NEGATION = /\b(not|except|least|false|incorrect|never|cannot)\b/g;
/** Numbers of a quantitative stem ("2.5 m/s", "1,200", "3/4"). */
const NUMBER = /\d+(?:[.,/]\d+)*/g;
const SCI_NOTATION = /\d\s*(?:[×x*]\s*10\s*\^|e[-+]\d)|10\^\s*-?\d/;
const FORMAL_LOGIC = /[⊃∨≡∧¬→↔]|predicate logic|propositional logic|truth table|\bPL\b/;

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
  let optionStart = -1;
  let longestOption = 0;
  let numericOptions = 0;
  if (text.includes("\n")) {
    OPTION_LINE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = OPTION_LINE.exec(text)) !== null) {
      const len = m[0].length;
      optionChars += len;
      optionCount++;
      if (len > longestOption) longestOption = len;
      if (optionStart < 0) optionStart = m.index;
      if (hasDigit(m[0])) numericOptions++;
    }
  }
  const optionLen = optionChars / Math.max(1, optionCount);
  const stem = optionStart >= 0 ? text.slice(0, optionStart) : text;
  const stemLower = optionStart >= 0 ? lower.slice(0, optionStart) : lower;
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
  dense[j++] = Math.min(1, optionCount / 10);
  dense[j++] = optionCount > 0 ? numericOptions / optionCount : 0;
  dense[j++] = Math.min(1, Math.log1p(wordCount(stem)) / Math.log1p(400));
  dense[j++] = Math.min(1, count(NEGATION, stemLower, 3) / 3);
  dense[j++] = Math.min(1, count(NUMBER, stem, 10) / 10);
  dense[j++] = SCI_NOTATION.test(text) ? 1 : 0;
  dense[j++] = isMultiPart(stemLower) ? 1 : 0;
  dense[j++] = FORMAL_LOGIC.test(text) ? 1 : 0;
  dense[j++] = Math.min(1, charCount(stem, 63 /* ? */, 3) / 3);
  dense[j++] = Math.min(1, Math.log1p(longestOption) / Math.log1p(400));
}

/** "(a) ... (b)": a question in several parts. indexOf, not /\(a\)[\s\S]*\(b\)/, which rescans from every "(a)". */
function isMultiPart(lower: string): boolean {
  const a = lower.indexOf("(a)");
  return a >= 0 && lower.indexOf("(b)", a + 3) > 0;
}

function hasDigit(s: string): boolean {
  // Skip the option's own letter ("\nA) ...") by starting after the first few characters.
  for (let i = 3; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const w = isAlnum(s.charCodeAt(i));
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

function charCount(s: string, code: number, cap: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n < cap; i++) if (s.charCodeAt(i) === code) n++;
  return n;
}
