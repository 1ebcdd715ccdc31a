import { Tiktoken } from "js-tiktoken/lite";
import o200kBase from "js-tiktoken/ranks/o200k_base";

/**
 * Token counting with the o200k_base BPE (ranks ship inside js-tiktoken; nothing is downloaded).
 *
 * Exact BPE over long texts costs ~0.5-1 ms per 4,000 characters, too slow for the routing hot path,
 * so `countTokens` is exact up to `EXACT_TOKEN_CHAR_LIMIT` characters and beyond that encodes a
 * head and a tail sample and extrapolates by characters. `countTokensExact` is always exact.
 */
export const EXACT_TOKEN_CHAR_LIMIT = 200;
const SAMPLE_CHARS = 100;

let encoder: Tiktoken | null = null;
function getEncoder(): Tiktoken {
  if (!encoder) encoder = new Tiktoken(o200kBase);
  return encoder;
}

/**
 * BPE never merges across pre-tokenizer pieces, so a text's token count is the sum of its pieces'
 * counts. Pieces (mostly words with their leading space) repeat a lot, so their counts are memoised;
 * the pre-tokenizer regex is compiled once (js-tiktoken recompiles it on every call).
 * The memo only caches a pure function, so results never depend on call history.
 */
const PIECE = new RegExp(o200kBase.pat_str, "gu");
const pieceMemo = new Map<string, number>();
const MEMO_LIMIT = 50_000;

function pieceTokens(piece: string): number {
  let n = pieceMemo.get(piece);
  if (n === undefined) {
    n = getEncoder().encode(piece, [], []).length;
    if (pieceMemo.size >= MEMO_LIMIT) pieceMemo.clear();
    pieceMemo.set(piece, n);
  }
  return n;
}

export function countTokensExact(text: string): number {
  if (text.length === 0) return 0;
  PIECE.lastIndex = 0;
  let total = 0;
  let m: RegExpExecArray | null;
  while ((m = PIECE.exec(text)) !== null) {
    if (m[0].length === 0) {
      PIECE.lastIndex++;
      continue;
    }
    total += pieceTokens(m[0]);
  }
  return total;
}

export function countTokens(text: string, exactCharLimit: number = EXACT_TOKEN_CHAR_LIMIT): number {
  const n = text.length;
  if (n <= exactCharLimit) return countTokensExact(text);
  const half = Math.max(1, Math.floor(Math.min(SAMPLE_CHARS, exactCharLimit / 2)));
  const head = text.slice(0, half);
  const tail = text.slice(n - half);
  const sampled = countTokensExact(head) + countTokensExact(tail);
  return Math.max(1, Math.round((sampled * n) / (2 * half)));
}

/** Per-message framing overhead of chat formats (role markers etc.), in tokens. */
export const MESSAGE_OVERHEAD_TOKENS = 4;
