import { describe, expect, it } from "vitest";
import { closeAfterEachTest } from "@/server/testing/close-after-each-test";
import { startScriptedServer } from "@/server/testing/fake-upstreams";
import { callEmbeddings } from "./call-embeddings";
import type { EmbeddingRequest } from "./embeddings";
import { geminiAdapter } from "./gemini";
import { openaiAdapter } from "./openai";
import { openaiCompatibleAdapter } from "./openai-compatible";
import { createSimulatedAdapter } from "./simulated";
import { targetFor } from "./test-requests";
import type { ProviderAdapter } from "./types";
import { UpstreamError } from "./upstream-error";

const startUpstream = closeAfterEachTest(startScriptedServer);
const call = (adapter: ProviderAdapter, req: EmbeddingRequest, baseUrl: string, model = "text-embedding-3-small") =>
  callEmbeddings(adapter, adapter.embeddings!, req, targetFor(baseUrl, false, model));

describe("OpenAI embeddings wire mapping", () => {
  it("sends the inputs, dimensions and user as floats and puts answers back in input order", async () => {
    const upstream = await startUpstream(() => ({
      json: { object: "list", data: [{ index: 1, embedding: [0, 1] }, { index: 0, embedding: [1, 0] }], usage: { prompt_tokens: 7, total_tokens: 7 } },
    }));
    const result = await call(openaiAdapter, { inputs: ["a", "b"], dimensions: 2, user: "u-1" }, `${upstream.url}/v1`);
    const [sent] = upstream.requests;
    expect(sent?.path).toBe("/v1/embeddings");
    expect(sent?.headers.authorization).toBe("Bearer sk-test");
    expect(sent?.body).toEqual({ model: "text-embedding-3-small", input: ["a", "b"], encoding_format: "float", dimensions: 2, user: "u-1" });
    expect(result).toEqual({ vectors: [[1, 0], [0, 1]], inputTokens: 7 });
  });

  it("maps an upstream 429 to a retryable rate-limit error naming the adapter", async () => {
    const upstream = await startUpstream(() => ({ status: 429, headers: { "retry-after": "2" }, json: { error: { message: "slow down" } } }));
    const failure = await call(openaiCompatibleAdapter, { inputs: ["a"] }, upstream.url).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UpstreamError);
    expect(failure).toMatchObject({ status: 429, kind: "rate_limited", provider: "openai-compatible", retryAfterMs: 2000 });
  });

  it("refuses an answer without one vector per input", async () => {
    const upstream = await startUpstream(() => ({ json: { data: [{ index: 0, embedding: [1, "x"] }] } }));
    await expect(call(openaiAdapter, { inputs: ["a"] }, upstream.url)).rejects.toMatchObject({ kind: "unknown", message: expect.stringContaining("one vector per input") });
  });
});

describe("Gemini embeddings wire mapping", () => {
  it("uses embedContent for one input, with outputDimensionality, and reports no tokens", async () => {
    const upstream = await startUpstream(() => ({ json: { embedding: { values: [0.5, 0.25] } } }));
    const result = await call(geminiAdapter, { inputs: ["hello"], dimensions: 2 }, `${upstream.url}/v1beta`, "gemini-embedding-001");
    const [sent] = upstream.requests;
    expect(sent?.path).toBe("/v1beta/models/gemini-embedding-001:embedContent");
    expect(sent?.headers["x-goog-api-key"]).toBe("sk-test");
    expect(sent?.body).toEqual({ content: { parts: [{ text: "hello" }] }, outputDimensionality: 2 });
    expect(result).toEqual({ vectors: [[0.5, 0.25]], inputTokens: null });
  });

  it("uses batchEmbedContents for several inputs, one request each naming the model", async () => {
    const upstream = await startUpstream(() => ({ json: { embeddings: [{ values: [1] }, { values: [2] }] } }));
    const result = await call(geminiAdapter, { inputs: ["a", "b"] }, upstream.url, "gemini-embedding-001");
    const [sent] = upstream.requests;
    expect(sent?.path).toBe("/models/gemini-embedding-001:batchEmbedContents");
    expect(sent?.body).toEqual({
      requests: [
        { model: "models/gemini-embedding-001", content: { parts: [{ text: "a" }] } },
        { model: "models/gemini-embedding-001", content: { parts: [{ text: "b" }] } },
      ],
    });
    expect(result.vectors).toEqual([[1], [2]]);
  });
});

describe("simulated embeddings", () => {
  const simulated = createSimulatedAdapter();
  const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

  it("gives each text a deterministic unit vector of the model's length, or of `dimensions`", async () => {
    const first = await call(simulated, { inputs: ["same text", "other text"] }, "simulated://local");
    const again = await call(simulated, { inputs: ["same text"] }, "simulated://local");
    expect(first.vectors[0]).toHaveLength(1536);
    expect(again.vectors[0]).toEqual(first.vectors[0]);
    expect(first.vectors[1]).not.toEqual(first.vectors[0]);
    for (const v of first.vectors) expect(norm(v)).toBeCloseTo(1, 10);
    expect(first.inputTokens).toBeGreaterThan(0);

    const short = await call(simulated, { inputs: ["same text"], dimensions: 256 }, "simulated://local");
    expect(short.vectors[0]).toHaveLength(256);
    expect(norm(short.vectors[0]!)).toBeCloseTo(1, 10);
    // Shortened as the real models are: the leading values, renormalised.
    const scale = norm(first.vectors[0]!.slice(0, 256));
    expect(short.vectors[0]![10]).toBeCloseTo(first.vectors[0]![10]! / scale, 10);
    expect((await call(simulated, { inputs: ["x"] }, "simulated://local", "text-embedding-3-large")).vectors[0]).toHaveLength(3072);
  });
});
