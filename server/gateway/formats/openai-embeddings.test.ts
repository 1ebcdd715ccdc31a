import { describe, expect, it } from "vitest";
import { GatewayError } from "../gateway-error";
import { encodeBase64, serializeEmbeddingsBody, MAX_EMBEDDING_INPUTS, parseEmbeddingsBody, toEmbeddingRequest } from "./openai-embeddings";

const refusal = (body: unknown) => {
  try {
    parseEmbeddingsBody(body);
  } catch (error) {
    if (error instanceof GatewayError) return { status: error.status, message: error.message };
  }
  return null;
};

describe("OpenAI embeddings format", () => {
  it("encodes base64 as little-endian float32, as OpenAI does", () => {
    // 1.0f = 0x3f800000 and -2.0f = 0xc0000000, least significant byte first.
    expect(Buffer.from(encodeBase64([1, -2]), "base64")).toEqual(Buffer.from([0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0]));
    const vector = [0.1, -0.25, 3.5];
    const bytes = Buffer.from(encodeBase64(vector), "base64");
    const decoded = Array.from({ length: 3 }, (_, i) => bytes.readFloatLE(i * 4));
    decoded.forEach((x, i) => expect(x).toBeCloseTo(vector[i]!, 6));
  });

  it("answers in OpenAI's list shape, with floats or base64 strings", async () => {
    const result = { vectors: [[1, -2]], inputTokens: 3 };
    expect(JSON.parse(await serializeEmbeddingsBody(result, 3, "text-embedding-3-small", "float"))).toEqual({
      object: "list", data: [{ object: "embedding", index: 0, embedding: [1, -2] }], model: "text-embedding-3-small", usage: { prompt_tokens: 3, total_tokens: 3 },
    });
    expect(JSON.parse(await serializeEmbeddingsBody(result, 3, "m", "base64")).data[0]?.embedding).toBe("AACAPwAAAMA=");
  });

  it("keeps every vector, in order, when it serialises them over several turns", async () => {
    const vectors = Array.from({ length: 200 }, (_, i) => [i, i + 0.5]);
    const body = JSON.parse(await serializeEmbeddingsBody({ vectors, inputTokens: 9 }, 9, "m", "float")) as { data: Array<{ index: number; embedding: number[] }> };
    expect(body.data.map((d) => d.index)).toEqual(vectors.map((_, i) => i));
    expect(body.data.map((d) => d.embedding)).toEqual(vectors);
  });

  it("takes a string or an array of strings", () => {
    expect(toEmbeddingRequest(parseEmbeddingsBody({ model: "m", input: "hi", dimensions: 8, user: "u" }))).toEqual({ inputs: ["hi"], dimensions: 8, user: "u" });
    expect(toEmbeddingRequest(parseEmbeddingsBody({ model: "m", input: ["a", "b"] })).inputs).toEqual(["a", "b"]);
  });

  it("refuses token ids, empty inputs, too many inputs and bad fields with a 400 naming the field", () => {
    expect(refusal({ model: "m", input: [1, 2, 3] })).toMatchObject({ status: 400, message: expect.stringContaining("token-id arrays are not supported") });
    expect(refusal({ model: "m", input: [[1, 2]] })).toMatchObject({ status: 400, message: expect.stringContaining("token-id") });
    expect(refusal({ model: "m", input: "" })).toMatchObject({ status: 400, message: expect.stringContaining("input") });
    expect(refusal({ model: "m", input: [] })).toMatchObject({ status: 400, message: expect.stringContaining("at least one input") });
    expect(refusal({ model: "m", input: Array(MAX_EMBEDDING_INPUTS + 1).fill("x") })).toMatchObject({ status: 400, message: expect.stringContaining(`at most ${MAX_EMBEDDING_INPUTS}`) });
    expect(refusal({ model: "m", input: "x", encoding_format: "int8" })).toMatchObject({ status: 400, message: expect.stringContaining("encoding_format") });
    expect(refusal({ model: "m", input: "x", dimensions: 0 })).toMatchObject({ status: 400, message: expect.stringContaining("dimensions") });
    expect(refusal({ input: "x" })).toMatchObject({ status: 400, message: expect.stringContaining("model") });
  });
});
