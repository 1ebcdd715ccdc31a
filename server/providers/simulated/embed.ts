// The simulator's embeddings: a deterministic unit vector per text, drawn from a generator
// seeded with the text's hash, so equal texts always get equal vectors and different texts
// nearly orthogonal ones. `dimensions` truncates as the real models do, then renormalises.
import { createHash } from "node:crypto";
import { setImmediate } from "node:timers/promises";
import { inputTokenCounts, sumOf, type EmbeddingRequest, type EmbeddingResult } from "../embeddings";

/** The published vector lengths of the built-in embedding models; others get OpenAI's small model's. */
const NATIVE_DIMENSIONS: Record<string, number> = { "text-embedding-3-small": 1536, "text-embedding-3-large": 3072, "gemini-embedding-001": 3072 };
const DEFAULT_DIMENSIONS = 1536;

export function nativeDimensions(providerModelId: string): number {
  return NATIVE_DIMENSIONS[providerModelId] ?? DEFAULT_DIMENSIONS;
}

/** xorshift128 seeded from the model and text's sha256; values uniform in [-1, 1). */
function vectorOf(model: string, text: string, length: number): number[] {
  const seed = createHash("sha256").update(model).update("\0").update(text).digest();
  let [a, b, c, d] = [seed.readUInt32LE(0), seed.readUInt32LE(4), seed.readUInt32LE(8), seed.readUInt32LE(12) || 1];
  const out = new Array<number>(length);
  let norm = 0;
  for (let i = 0; i < length; i++) {
    let t = a ^ (a << 11);
    [a, b, c] = [b, c, d];
    d = (d ^ (d >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    t = d / 2 ** 31 - 1;
    out[i] = t;
    norm += t * t;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < length; i++) out[i] = out[i]! * scale;
  return out;
}

/** Vectors drawn between turns of the event loop, so that 2,048 long ones do not hold it for a second. */
const VECTORS_PER_TURN = 64;

export async function simulateEmbeddings(req: EmbeddingRequest, providerModelId: string): Promise<EmbeddingResult> {
  const length = Math.min(req.dimensions ?? Infinity, nativeDimensions(providerModelId));
  const vectors: number[][] = [];
  for (const [index, text] of req.inputs.entries()) {
    if (index > 0 && index % VECTORS_PER_TURN === 0) await setImmediate();
    vectors.push(vectorOf(providerModelId, text, length));
  }
  return { vectors, inputTokens: sumOf(inputTokenCounts(req.inputs)) };
}
