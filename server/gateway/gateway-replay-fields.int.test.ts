// A routed request's log row keeps what replaying it under another policy needs (the policy
// what-if): the router's input token estimate, the request's max_tokens, the forced category
// the classifier's own category and confidence, and whether it asked for JSON following a schema.
// A request for a named model keeps none.
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { setupGateway, waitForRequestLog } from "../testing/setup-gateway";

const fx = setupGateway();
const openai = () => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 20_000 });

describe("replay fields in the request log", () => {
  it("records the router's estimate, max_tokens, the forced category and the classifier's guess", async () => {
    const { data } = await openai().chat.completions
      .create({ model: "auto", max_tokens: 120, messages: [{ role: "user", content: "Write a Python function that reverses a linked list." }] }, { headers: { "x-switchyard-category": "math" } })
      .withResponse();
    const row = await waitForRequestLog(fx.db, data.id);
    const explanation = row.explanation as { estimate: { inputTokens: number }; classifierCategory: string; classifierConfidence: number };
    expect(row).toMatchObject({
      category: "math",
      categorySource: "forced",
      estimatedInputTokens: explanation.estimate.inputTokens,
      maxOutputTokens: 120,
      forcedCategory: "math",
      classifierCategory: "coding",
      classifierConfidence: explanation.classifierConfidence,
      needsStructuredOutput: false,
    });
    expect(row.estimatedInputTokens).toBeGreaterThan(0);
    expect(row.classifierConfidence).toBeGreaterThan(0);
  });

  it("records that a request asked for JSON following a schema", async () => {
    const { data } = await openai().chat.completions
      .create({
        model: "auto",
        messages: [{ role: "user", content: "Give the capital of France as JSON." }],
        response_format: { type: "json_schema", json_schema: { name: "capital", strict: true, schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false } } },
      })
      .withResponse();
    expect((await waitForRequestLog(fx.db, data.id)).needsStructuredOutput).toBe(true);
  });

  it("keeps none for a request that named its model", async () => {
    const { data } = await openai().chat.completions.create({ model: "gpt-5.4", messages: [{ role: "user", content: "Name three rivers." }] }).withResponse();
    const row = await waitForRequestLog(fx.db, data.id);
    expect(row).toMatchObject({ estimatedInputTokens: null, maxOutputTokens: null, forcedCategory: null, classifierCategory: null, classifierConfidence: null, needsStructuredOutput: null });
  });
});
