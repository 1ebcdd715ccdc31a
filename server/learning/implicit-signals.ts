/**
 * Implicit signals of a served answer: what the gateway can tell about its quality without anyone
 * grading it. They are counted per category and model and shown as rates; they never move the
 * quality profiles (a signal has no matching "success" event, so folding them would only ever
 * pull a model down).
 *
 * Computed on the request's path from what is already in memory, in bounded work: the finish
 * reason, whether any text or tool call came back, and the first REFUSAL_SCAN_CHARS characters.
 */
import type { FinishReason } from "../providers/types";

export type ImplicitSignal = "empty" | "refusal" | "truncated" | "fallback" | "error";

/** How much of the answer's start is read for a refusal. */
export const REFUSAL_SCAN_CHARS = 300;

/** What the gateway saw of one served answer. */
export interface AnswerObservation {
  finishReason: FinishReason | null;
  /** The answer's text, or at least its first REFUSAL_SCAN_CHARS characters. */
  textStart: string;
  /** Whether any text came back at all (textStart may be whitespace of a longer answer). */
  hasText: boolean;
  hasToolCalls: boolean;
  /** The provider flagged the answer as a refusal (beyond a content_filter finish reason). */
  refusal?: boolean;
  /** The served model is not the plan's first: an earlier model's attempts failed. */
  fallbackAfterFailure: boolean;
}

// Openings of a refusal, lower case with straight apostrophes. Matched at the start of a sentence.
const REFUSAL_OPENINGS = [
  "i can't help", "i cannot help", "i can not help", "i can't assist", "i cannot assist", "i can not assist",
  "i can't provide", "i cannot provide", "i can't share", "i cannot share", "i can't comply", "i cannot comply", "i can't fulfill", "i cannot fulfill",
  "i won't be able to help", "i will not be able to help", "i must decline", "i have to decline",
  "i'm unable to help", "i am unable to help", "i'm unable to assist", "i am unable to assist", "i'm unable to provide", "i am unable to provide",
  "i'm not able to help", "i am not able to help", "i'm not able to assist", "i am not able to assist",
  "i'm sorry, but i can't", "i'm sorry, but i cannot", "i'm sorry, i can't", "i'm sorry, i cannot", "i'm sorry, but i won't",
  "i'm sorry, but i'm unable", "i'm sorry, but i am unable", "i am sorry, but i can't", "i am sorry, but i cannot",
  "sorry, but i can't", "sorry, but i cannot", "sorry, i can't", "sorry, i cannot",
  "i apologize, but i can't", "i apologize, but i cannot", "i apologise, but i can't", "i apologise, but i cannot",
  "i'm afraid i can't", "i'm afraid i cannot",
];

/** Lower case, straight apostrophes, single spaces; at most REFUSAL_SCAN_CHARS characters. */
function normalise(text: string): string {
  return text
    .slice(0, REFUSAL_SCAN_CHARS)
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, " ");
}

const SENTENCE_LEAD = /^[\s"'*_>#(-]+/;
const CONNECTIVE = /^(?:however|but|so|unfortunately|sadly),? /;

function opensWithRefusal(sentence: string): boolean {
  const s = sentence.replace(SENTENCE_LEAD, "").replace(CONNECTIVE, "");
  for (const opening of REFUSAL_OPENINGS) {
    // "I can't help but notice" is no refusal.
    if (s.startsWith(opening) && !s.startsWith(" but ", opening.length)) return true;
  }
  return false;
}

/**
 * Whether the answer's start reads as a refusal: a sentence within its first REFUSAL_SCAN_CHARS
 * characters opens with one of the common refusal phrases. Linear in that bounded prefix.
 */
export function looksLikeRefusal(textStart: string): boolean {
  const text = normalise(textStart);
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i === text.length || c === "." || c === "!" || c === "?" || c === "\n" || c === ":") {
      if (opensWithRefusal(text.slice(start, i + 1))) return true;
      start = i + 1;
    }
  }
  return false;
}

/** The signals of one served answer, in a fixed order. */
export function implicitSignals(o: AnswerObservation): ImplicitSignal[] {
  const signals: ImplicitSignal[] = [];
  const empty = !o.hasText && !o.hasToolCalls;
  if (empty) signals.push("empty");
  if (o.refusal || o.finishReason === "content_filter" || (!empty && looksLikeRefusal(o.textStart))) signals.push("refusal");
  if (o.finishReason === "length") signals.push("truncated");
  if (o.fallbackAfterFailure) signals.push("fallback");
  return signals;
}
