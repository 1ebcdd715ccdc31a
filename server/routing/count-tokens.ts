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
    n = bpeCount(piece);
    if (pieceMemo.size >= MEMO_LIMIT) pieceMemo.clear();
    pieceMemo.set(piece, n);
  }
  return n;
}

/**
 * Byte-pair merge of one pre-tokenizer piece, counting the resulting tokens: the same merges as
 * js-tiktoken's `encode` (lowest rank first, leftmost on ties) on the encoder's own rank table, without
 * its per-call set-up (it compiles its regexes and builds special-token sets on every call, which
 * dominated the cost of a memo miss). Every single byte is a token of o200k, so the count is the
 * number of parts left when no adjacent pair merges.
 */
const utf8 = new TextEncoder();
let pieceBytes = new Uint8Array(256);
let starts = new Int32Array(257);
function rankOf(ranks: Map<string, number>, a: number, b: number): number | undefined {
  let key = String(pieceBytes[a]!);
  for (let i = a + 1; i < b; i++) key += `,${pieceBytes[i]!}`;
  return ranks.get(key);
}
function bpeCount(piece: string): number {
  const ranks = (getEncoder() as unknown as { rankMap: Map<string, number> }).rankMap;
  if (pieceBytes.length < piece.length * 3) {
    pieceBytes = new Uint8Array(piece.length * 3);
    starts = new Int32Array(piece.length * 3 + 1);
  }
  const len = utf8.encodeInto(piece, pieceBytes).written;
  if (len <= 1) return len;
  if (rankOf(ranks, 0, len) !== undefined) return 1;
  // Parts are [starts[i], starts[i + 1]); `parts` of them.
  let parts = len;
  for (let i = 0; i <= len; i++) starts[i] = i;
  while (parts > 1) {
    let best = -1;
    let bestRank = Infinity;
    for (let i = 0; i < parts - 1; i++) {
      const r = rankOf(ranks, starts[i]!, starts[i + 2]!);
      if (r !== undefined && r < bestRank) {
        bestRank = r;
        best = i;
      }
    }
    if (best < 0) break;
    starts.copyWithin(best + 1, best + 2, parts + 1);
    parts--;
  }
  return parts;
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
