// POST /v1/embeddings through the running gateway with the official OpenAI SDK, the Vercel AI
// SDK and LangChain: OpenAI and Gemini wire formats against scripted upstreams, the simulator,
// usage records, the response cache, budgets, fallback to another entry of the same model, and
// chat requests kept away from embedding models.
import { createOpenAI } from "@ai-sdk/openai";
import { OpenAIEmbeddings } from "@langchain/openai";
import { embed, embedMany } from "ai";
import OpenAI from "openai";
import { afterAll, describe, expect, it } from "vitest";
import { generateApiKeySecret } from "../auth/api-key-secret";
import { startScriptedServer, type FakeUpstream, type RecordedRequest, type ScriptedResponse } from "../testing/fake-upstreams";
import { addProviderCredential } from "../testing/seed-gateway-tenant";
import { setupGateway, waitForRequestLog } from "../testing/setup-gateway";

/** A vector that says which text and which upstream it came from: [text length, upstream mark, 0.5...]. */
const vectorFor = (text: string, mark: number, dimensions = 4) => [text.length, mark, ...Array<number>(Math.max(dimensions - 2, 0)).fill(0.5)].slice(0, dimensions);

/** OpenAI's /embeddings (and a short chat answer); unless `healthy`, fails with the status a `#429` or `#500` marker in the inputs names. */
function openAIReply(mark: number, healthy = false) {
  return (req: RecordedRequest): ScriptedResponse => {
    const inputs = req.body.input as string[];
    if (req.path.endsWith("/chat/completions")) {
      return { json: { id: "c1", object: "chat.completion", created: 1, model: req.body.model, choices: [{ index: 0, message: { role: "assistant", content: "Hi" }, finish_reason: "stop" }], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } } };
    }
    const text = JSON.stringify(inputs);
    if (!healthy && text.includes("#429")) return { status: 429, headers: { "retry-after": "0" }, json: { error: { message: "rate limited", type: "rate_limit_error" } } };
    if (!healthy && text.includes("#500")) return { status: 500, json: { error: { message: "internal secret detail", type: "server_error" } } };
    return { json: { object: "list", model: req.body.model, data: inputs.map((t, index) => ({ object: "embedding", index, embedding: vectorFor(t, mark, req.body.dimensions) })), usage: { prompt_tokens: 11, total_tokens: 11 } } };
  };
}

/** Gemini's embedContent and batchEmbedContents (and a short generateContent answer for chat). */
function geminiReply(req: RecordedRequest): ScriptedResponse {
  if (req.path.endsWith(":generateContent")) {
    return { json: { candidates: [{ content: { role: "model", parts: [{ text: "Hi" }] }, finishReason: "STOP" }], usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 1, totalTokenCount: 4 } } };
  }
  if (req.path.endsWith(":embedContent")) return { json: { embedding: { values: vectorFor(req.body.content.parts[0].text, 9, req.body.outputDimensionality) } } };
  const requests = req.body.requests as Array<{ content: { parts: Array<{ text: string }> }; outputDimensionality?: number }>;
  return { json: { embeddings: requests.map((r) => ({ values: vectorFor(r.content.parts[0]!.text, 9, r.outputDimensionality) })) } };
}

const fakes = {} as { openai: FakeUpstream; backup: FakeUpstream; gemini: FakeUpstream };
const keys = { spent: "" };
const fx = setupGateway({
  prepare: async ({ db, tenant, masterKey }) => {
    fakes.openai = await startScriptedServer(openAIReply(1));
    fakes.backup = await startScriptedServer(openAIReply(2, true));
    fakes.gemini = await startScriptedServer(geminiReply);
    await addProviderCredential(db, tenant.tenantId, "openai", { baseUrl: `${fakes.openai.url}/v1`, apiKey: "sk-o", masterKey });
    await addProviderCredential(db, tenant.tenantId, "google", { baseUrl: `${fakes.gemini.url}/v1beta`, apiKey: "g-key", masterKey });
    const embedding = { kind: "embedding", inputPricePerMTok: 0.02, outputPricePerMTok: 0, contextWindow: 8191, quality: {} };
    // The same provider model at a second server: the only fallback text-embedding-3-small has.
    await db.model.create({ data: { ...embedding, tenantId: tenant.tenantId, slug: "small-backup", provider: "openai-compatible", providerModelId: "text-embedding-3-small", displayName: "Small (backup)", baseUrl: `${fakes.backup.url}/v1` } });
    await db.model.create({ data: { ...embedding, tenantId: tenant.tenantId, slug: "sim-embedder", provider: "simulated", providerModelId: "sim-embedder", displayName: "Simulated embedder" } });
    await db.routingPolicy.updateMany({ where: { tenantId: tenant.tenantId, isDefault: true }, data: { cacheTtlSeconds: 300 } });
    // A key whose monthly budget this month's spend already used up (the counters start from the rollups).
    const key = generateApiKeySecret();
    const row = await db.apiKey.create({ data: { tenantId: tenant.tenantId, name: "Spent", prefix: key.prefix, hash: key.hash, monthlyBudgetUsd: 0.01 } });
    const now = new Date();
    await db.usageRollup.create({
      data: { tenantId: tenant.tenantId, hour: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), category: "", model: "text-embedding-3-small", apiKeyId: row.id, requests: 5, costUsd: 0.02, latencyHistogram: [], ttftHistogram: [] },
    });
    keys.spent = key.secret;
  },
});
afterAll(async () => {
  await Promise.all([fakes.openai?.close(), fakes.backup?.close(), fakes.gemini?.close()]);
});

const client = (apiKey = fx.tenant.apiKey) => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey, maxRetries: 0, timeout: 20_000 });
let unique = 0;
/** Texts no earlier request sent, so that the response cache does not answer them. */
const fresh = (text: string) => `${text} (${++unique})`;

describe("embeddings with the OpenAI SDK", () => {
  it("answers floats in input order with usage, records the request and prices it", async () => {
    const texts = [fresh("first"), fresh("second text")];
    const { data, response } = await client()
      .embeddings.create({ model: "text-embedding-3-small", input: texts, encoding_format: "float", user: "u-42" })
      .withResponse();
    expect(data.object).toBe("list");
    expect(data.model).toBe("text-embedding-3-small");
    expect(data.data.map((d) => d.embedding)).toEqual(texts.map((t) => vectorFor(t, 1)));
    expect(data.usage).toEqual({ prompt_tokens: 11, total_tokens: 11 });
    expect(fakes.openai.requests.at(-1)?.body).toMatchObject({ model: "text-embedding-3-small", input: texts, encoding_format: "float", user: "u-42" });
    expect(response.headers.get("x-switchyard-model")).toBe("text-embedding-3-small");
    expect(response.headers.get("x-switchyard-category")).toBeNull();
    expect(Number(response.headers.get("x-switchyard-cost-usd"))).toBeCloseTo((11 * 0.02) / 1e6, 12);

    const row = await waitForRequestLog(fx.db, response.headers.get("x-switchyard-request-id"));
    expect(row).toMatchObject({ endpoint: "openai-embeddings", requestedModel: "text-embedding-3-small", chosenModel: "text-embedding-3-small", provider: "openai", inputTokens: 11, outputTokens: 0, status: 200, cacheHit: false, simulated: false });
    expect(Number(row.costUsd)).toBeCloseTo((11 * 0.02) / 1e6, 12);
    expect(row.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("decodes base64 (the SDK's default) to the same floats, with dimensions passed on", async () => {
    const text = fresh("base64 please");
    const data = await client().embeddings.create({ model: "text-embedding-3-small", input: text, dimensions: 3 });
    expect(fakes.openai.requests.at(-1)?.body).toMatchObject({ dimensions: 3, encoding_format: "float" });
    expect(data.data[0]?.embedding).toEqual(vectorFor(text, 1, 3));

    const raw = await client().embeddings.create({ model: "text-embedding-3-small", input: text, dimensions: 3, encoding_format: "base64" }).asResponse();
    const body = (await raw.json()) as { data: Array<{ embedding: string }> };
    const bytes = Buffer.from(body.data[0]!.embedding, "base64");
    expect(bytes).toHaveLength(12);
    expect([0, 1, 2].map((i) => bytes.readFloatLE(i * 4))).toEqual(vectorFor(text, 1, 3));
  });

  it("maps Gemini's embedContent and batchEmbedContents both ways", async () => {
    const one = fresh("gemini one");
    const single = await client().embeddings.create({ model: "gemini-embedding-001", input: one, dimensions: 5, encoding_format: "float" });
    expect(fakes.gemini.requests.at(-1)?.path).toBe("/v1beta/models/gemini-embedding-001:embedContent");
    expect(single.data[0]?.embedding).toEqual(vectorFor(one, 9, 5));
    expect(single.usage.prompt_tokens).toBeGreaterThan(0);

    const texts = [fresh("a"), fresh("b")];
    const batch = await client().embeddings.create({ model: "gemini-embedding-001", input: texts, encoding_format: "float" });
    expect(fakes.gemini.requests.at(-1)?.path).toBe("/v1beta/models/gemini-embedding-001:batchEmbedContents");
    expect(batch.data.map((d) => d.embedding)).toEqual(texts.map((t) => vectorFor(t, 9)));
  });

  it("serves the simulator's deterministic unit vectors, honouring dimensions", async () => {
    const data = await client().embeddings.create({ model: "sim-embedder", input: ["same", "same", "other"], dimensions: 64 });
    const [a, b, c] = data.data.map((d) => d.embedding);
    expect(a).toHaveLength(64);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 5);
  });

  it("answers a repeated request from the response cache at no cost", async () => {
    const input = fresh("cache me");
    const first = await client().embeddings.create({ model: "text-embedding-3-small", input, encoding_format: "float" }).withResponse();
    const sent = fakes.openai.requests.length;
    const second = await client().embeddings.create({ model: "text-embedding-3-small", input, encoding_format: "float" }).withResponse();
    expect(fakes.openai.requests.length).toBe(sent);
    expect(second.response.headers.get("x-switchyard-cache")).toBe("hit");
    expect(second.response.headers.get("x-switchyard-cost-usd")).toBe("0.00000000");
    expect(second.data.data).toEqual(first.data.data);
    const row = await waitForRequestLog(fx.db, second.response.headers.get("x-switchyard-request-id"));
    expect(row).toMatchObject({ cacheHit: true, status: 200, endpoint: "openai-embeddings" });
  });

  it("refuses bad requests, a chat model and a used-up budget in OpenAI's error format", async () => {
    const refused = (body: Record<string, unknown>, apiKey?: string) => client(apiKey).post("/embeddings", { body }).catch((e: unknown) => e);
    const tokens = await refused({ model: "text-embedding-3-small", input: [[1, 2, 3]] });
    expect(tokens).toBeInstanceOf(OpenAI.BadRequestError);
    expect((tokens as Error).message).toMatch(/token-id arrays are not supported/);
    expect(await refused({ model: "gpt-5.4", input: "hi" })).toBeInstanceOf(OpenAI.BadRequestError);
    expect(((await refused({ model: "auto", input: "hi" })) as Error).message).toMatch(/Embeddings are not routed/);
    expect(((await refused({ model: "text-embedding-3-small", input: "x ".repeat(9000) })) as Error).message).toMatch(/reads at most 8191/);
    const budget = await refused({ model: "text-embedding-3-small", input: "hi" }, keys.spent);
    expect(budget).toBeInstanceOf(OpenAI.RateLimitError);
    expect((budget as InstanceType<typeof OpenAI.RateLimitError>).headers?.get("x-should-retry")).toBe("false");
  });
});

describe("embeddings with the Vercel AI SDK and LangChain", () => {
  it("embed and embedMany through createOpenAI().embedding()", async () => {
    const model = createOpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey }).embedding("text-embedding-3-small");
    const value = fresh("ai sdk one");
    const single = await embed({ model, value, maxRetries: 0 });
    expect(single.embedding).toEqual(vectorFor(value, 1));
    expect(single.usage.tokens).toBe(11);
    const values = [fresh("ai sdk a"), fresh("ai sdk b")];
    const many = await embedMany({ model, values, maxRetries: 0, providerOptions: { openai: { dimensions: 3 } } });
    expect(many.embeddings).toEqual(values.map((v) => vectorFor(v, 1, 3)));
  });

  it("OpenAIEmbeddings embedQuery and embedDocuments", async () => {
    const embeddings = new OpenAIEmbeddings({ model: "text-embedding-3-small", apiKey: fx.tenant.apiKey, dimensions: 3, maxRetries: 0, configuration: { baseURL: fx.gateway.baseUrl } });
    const query = fresh("langchain query");
    expect(await embeddings.embedQuery(query)).toEqual(vectorFor(query, 1, 3));
    const docs = [fresh("doc one"), fresh("doc two")];
    expect(await embeddings.embedDocuments(docs)).toEqual(docs.map((d) => vectorFor(d, 1, 3)));
  });
});

describe("embedding models and chat", () => {
  it("lists both kinds, refuses a chat request naming an embedding model and never routes one to it", async () => {
    const models = (await client().models.list()).data as Array<{ id: string; kind?: string }>;
    expect(models.find((m) => m.id === "text-embedding-3-small")?.kind).toBe("embedding");
    expect(models.find((m) => m.id === "gpt-5.4")?.kind).toBe("chat");
    expect(models.find((m) => m.id === "auto")?.kind).toBe("chat");

    const direct = await client().chat.completions.create({ model: "text-embedding-3-small", messages: [{ role: "user", content: "Hi" }] }).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(OpenAI.BadRequestError);
    expect((direct as Error).message).toMatch(/embedding model, served by POST \/v1\/embeddings/);

    const embeddingIds = new Set(models.filter((m) => m.kind === "embedding").map((m) => m.id));
    for (const content of ["Say hi", "Write a Python function that sorts a list", "Integrate x^2 from 0 to 1"]) {
      const { response } = await client().chat.completions.create({ model: "auto", messages: [{ role: "user", content }] }).withResponse();
      expect(embeddingIds.has(response.headers.get("x-switchyard-model") ?? "")).toBe(false);
    }
  });
});

// Last: the failures it provokes open text-embedding-3-small's circuit breaker.
describe("embeddings when the upstream fails", () => {
  it("falls back to another entry of the same model after a 429, and errors in OpenAI's format when none is left", async () => {
    const { data, response } = await client().embeddings.create({ model: "text-embedding-3-small", input: fresh("busy #429"), encoding_format: "float" }).withResponse();
    expect(data.model).toBe("small-backup");
    expect(data.data[0]?.embedding[1]).toBe(2);
    expect(response.headers.get("x-switchyard-fallbacks")).toBe("1");
    const row = await waitForRequestLog(fx.db, response.headers.get("x-switchyard-request-id"));
    expect((row.attempts as Array<{ model: string; status: number }>).map((a) => `${a.model}:${a.status}`).at(-1)).toBe("small-backup:200");

    // text-embedding-3-large has no twin: its upstream's 500 ends the request, without the upstream's text.
    const failure = await client().embeddings.create({ model: "text-embedding-3-large", input: fresh("broken #500") }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    expect((failure as Error).message).not.toContain("internal secret detail");
  });
});
