// POST /v1/embeddings in OpenAI's format: the request body (text inputs only, with caps on
// their number) and the answer, with vectors as floats or as base64 of little-endian float32,
// as OpenAI sends them.
import { setImmediate } from "node:timers/promises";
import { z } from "zod";
import type { EmbeddingRequest, EmbeddingResult } from "../../providers/embeddings";
import { badRequest } from "../gateway-error";
import { describeValidationError } from "./describe-validation-error";
import { endUserField, modelField } from "./kept-fields-schema";

/** OpenAI's own limit on inputs per request. */
export const MAX_EMBEDDING_INPUTS = 2048;
/** OpenAI's largest vectors are 3072 long; Gemini's too. */
export const MAX_EMBEDDING_DIMENSIONS = 4096;

const text = z.string().min(1, "must not be empty");

export const openAIEmbeddingsRequestSchema = z.object({
  model: modelField,
  // One string is a list of one, so that a refusal names the cap or the empty input it broke.
  input: z.preprocess(
    (input) => (typeof input === "string" ? [input] : input),
    z.array(text).min(1, "must hold at least one input").max(MAX_EMBEDDING_INPUTS, `at most ${MAX_EMBEDDING_INPUTS} inputs`),
  ),
  dimensions: z.number().int().min(1).max(MAX_EMBEDDING_DIMENSIONS).optional(),
  encoding_format: z.enum(["float", "base64"]).optional(),
  user: endUserField.optional(),
});

export type OpenAIEmbeddingsRequest = z.infer<typeof openAIEmbeddingsRequestSchema>;
export type EncodingFormat = NonNullable<OpenAIEmbeddingsRequest["encoding_format"]>;

/** Token ids (an array of integers, or of such arrays): OpenAI accepts them, but only its own tokenizer can read them. */
function holdsTokenIds(body: unknown): boolean {
  const input = (body as { input?: unknown } | null)?.input;
  if (!Array.isArray(input) || input.length === 0) return false;
  const first: unknown = input[0];
  return typeof first === "number" || Array.isArray(first);
}

export function parseEmbeddingsBody(body: unknown): OpenAIEmbeddingsRequest {
  if (holdsTokenIds(body)) throw badRequest("input: token-id arrays are not supported by this gateway; send the text (a string or an array of strings)");
  const parsed = openAIEmbeddingsRequestSchema.safeParse(body);
  if (!parsed.success) throw badRequest(describeValidationError(parsed.error).message);
  return parsed.data;
}

export function toEmbeddingRequest(body: OpenAIEmbeddingsRequest): EmbeddingRequest {
  return { inputs: body.input, dimensions: body.dimensions, user: body.user };
}

/** The vector as OpenAI's base64: little-endian float32, whatever the machine's byte order. */
export function encodeBase64(vector: readonly number[]): string {
  const bytes = Buffer.allocUnsafe(vector.length * 4);
  for (let i = 0; i < vector.length; i++) bytes.writeFloatLE(vector[i]!, i * 4);
  return bytes.toString("base64");
}

/** Vectors serialised between turns of the event loop: 2,048 vectors of 3,072 floats take seconds in one go. */
const VECTORS_PER_TURN = 64;

/** The answer's JSON text, serialised a few vectors at a time so that a large answer lets other requests run. */
export async function serializeEmbeddingsBody(result: EmbeddingResult, inputTokens: number, model: string, format: EncodingFormat): Promise<string> {
  const items: string[] = [];
  for (const [index, vector] of result.vectors.entries()) {
    if (index > 0 && index % VECTORS_PER_TURN === 0) await setImmediate();
    items.push(JSON.stringify({ object: "embedding", index, embedding: format === "base64" ? encodeBase64(vector) : vector }));
  }
  const usage = JSON.stringify({ prompt_tokens: inputTokens, total_tokens: inputTokens });
  return `{"object":"list","data":[${items.join(",")}],"model":${JSON.stringify(model)},"usage":${usage}}`;
}
