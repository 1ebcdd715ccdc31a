import o200kBase from "js-tiktoken/ranks/o200k_base";
import { estimateTokens } from "./estimate-tokens";

/**
 * Token counting with the o200k_base BPE (ranks ship inside js-tiktoken; nothing is downloaded).
 *
 * Exact BPE over long texts costs too much for the routing hot path, so `countTokens` is exact up to
 * `EXACT_TOKEN_CHAR_LIMIT` characters and beyond that uses a calibrated character-class estimate
 * (estimate-tokens.ts). `countTokensExact` is always exact (equal to js-tiktoken's `encode` length).
 */
export const EXACT_TOKEN_CHAR_LIMIT = 200;

/**
 * Rank table keyed by the token's bytes as a binary string (one char per byte), built once from the
 * same rank file js-tiktoken reads (`atob` of each base64 token gives exactly that string). Looking up
 * a binary string avoids js-tiktoken's comma-joined byte keys and its per-call set-up (it compiles its
 * regexes and builds special-token sets on every `encode`), which dominated the cost of a new piece.
 */
let ranks: Map<string, number> | null = null;
function getRanks(): Map<string, number> {
  if (!ranks) {
    const m = new Map<string, number>();
    for (const line of o200kBase.bpe_ranks.split("\n")) {
      if (!line) continue;
      const parts = line.split(" ");
      const offset = Number.parseInt(parts[1]!, 10);
      for (let i = 2; i < parts.length; i++) m.set(atob(parts[i]!), offset + i - 2);
    }
    ranks = m;
  }
  return ranks;
}

/**
 * BPE never merges across pre-tokenizer pieces, so a text's token count is the sum of its pieces'
 * counts. Pieces (mostly words with their leading space) repeat a lot, so their counts are memoised;
 * the pre-tokenizer regex is compiled once.
 * The memo only caches a pure function, so results never depend on call history.
 */
const PIECE = new RegExp(o200kBase.pat_str, "gu");
const pieceMemo = new Map<string, number>();
const MEMO_LIMIT = 50_000;
/** Only short pieces are memoised, so the memo's memory stays bounded whatever the texts. */
const MEMO_PIECE_CHARS = 64;

function pieceTokens(piece: string): number {
  if (piece.length > MEMO_PIECE_CHARS) return bpeCount(piece);
  let n = pieceMemo.get(piece);
  if (n === undefined) {
    n = bpeCount(piece);
    if (pieceMemo.size >= MEMO_LIMIT) pieceMemo.clear();
    pieceMemo.set(piece, n);
  }
  return n;
}

/**
 * BPE's merge loop is quadratic in a piece's length, and a text without spaces (one long word,
 * base64, a character repeated) is one piece: a 10,000-character piece took 27 s in js-tiktoken.
 * Longer pieces are therefore merged in windows of this many bytes. Real tokens are far shorter,
 * so a window boundary moves the count by about one token, and ordinary text (whose pieces are
 * words) is counted exactly.
 */
export const MAX_PIECE_BYTES = 256;

const utf8 = new TextEncoder();
let pieceBytes = new Uint8Array(256);
let starts = new Int32Array(257);
let pairRank = new Float64Array(256);

/** The piece's UTF-8 bytes as a binary string (ASCII pieces are their own binary string). */
function binaryOf(piece: string): string {
  let ascii = true;
  for (let i = 0; i < piece.length; i++) {
    if (piece.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return piece;
  if (pieceBytes.length < piece.length * 3) pieceBytes = new Uint8Array(piece.length * 3);
  const len = utf8.encodeInto(piece, pieceBytes).written;
  let bin = "";
  for (let i = 0; i < len; i += 4096) bin += String.fromCharCode(...pieceBytes.subarray(i, Math.min(len, i + 4096)));
  return bin;
}

/**
 * Byte-pair merge of one pre-tokenizer piece, counting the resulting tokens: the same merges as
 * js-tiktoken (lowest rank first, leftmost on ties). Every single byte is a token of o200k, so the
 * count is the number of parts left when no adjacent pair merges.
 */
function bpeCount(piece: string): number {
  const bin = binaryOf(piece);
  if (bin.length <= MAX_PIECE_BYTES) return mergeCount(bin);
  let n = 0;
  for (let at = 0; at < bin.length; at += MAX_PIECE_BYTES) n += mergeCount(bin.slice(at, at + MAX_PIECE_BYTES));
  return n;
}

function mergeCount(bin: string): number {
  const r = getRanks();
  const len = bin.length;
  if (len <= 1) return len;
  if (r.has(bin)) return 1;
  if (starts.length < len + 1) {
    starts = new Int32Array(len * 2 + 1);
    pairRank = new Float64Array(len * 2);
  }
  // Parts are [starts[i], starts[i + 1]); pairRank[i] is the rank of parts i and i + 1 merged.
  let parts = len;
  for (let i = 0; i <= len; i++) starts[i] = i;
  const rankAt = (i: number): number => r.get(bin.slice(starts[i]!, starts[i + 2]!)) ?? Infinity;
  for (let i = 0; i < parts - 1; i++) pairRank[i] = rankAt(i);
  while (parts > 1) {
    let best = -1;
    let bestRank = Infinity;
    for (let i = 0; i < parts - 1; i++) {
      if (pairRank[i]! < bestRank) {
        bestRank = pairRank[i]!;
        best = i;
      }
    }
    if (best < 0) break;
    starts.copyWithin(best + 1, best + 2, parts + 1);
    pairRank.copyWithin(best + 1, best + 2, parts - 1);
    parts--;
    if (best < parts - 1) pairRank[best] = rankAt(best);
    if (best > 0) pairRank[best - 1] = rankAt(best - 1);
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

/**
 * Tokens of one message: exact up to `exactCharLimit` characters, beyond that the calibrated
 * character-class estimate (estimate-tokens.ts). The gateway reconciles with the provider's usage.
 */
export function countTokens(text: string, exactCharLimit: number = EXACT_TOKEN_CHAR_LIMIT): number {
  if (text.length <= exactCharLimit) return countTokensExact(text);
  return estimateTokens(text);
}

/** Characters a request's texts may add up to before its count turns to the estimate. */
export const REQUEST_EXACT_CHARS = 32_768;

/**
 * A counter for the many texts of one request (messages, parts, tools) whose work is linear in
 * their total size and bounded: texts are counted exactly while the characters counted exactly
 * add up to at most `exactChars`, and estimated after that (a few µs each, at most
 * TOKEN_SCAN_CHARS characters read). `estimated` says whether any text was estimated.
 */
export function createTokenCounter(exactChars: number = REQUEST_EXACT_CHARS): { count(text: string): number; readonly estimated: boolean } {
  let left = exactChars;
  let estimated = false;
  return {
    count(text) {
      if (text.length <= left) {
        left -= text.length;
        return countTokensExact(text);
      }
      estimated = true;
      return estimateTokens(text);
    },
    get estimated() {
      return estimated;
    },
  };
}

/** Per-message framing overhead of chat formats (role markers etc.), in tokens. */
export const MESSAGE_OVERHEAD_TOKENS = 4;
