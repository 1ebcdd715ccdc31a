import { describe, expect, it } from "vitest";
import { closeAfterEachTest } from "@/server/testing/close-after-each-test";
import { collect } from "@/server/testing/collect";
import { startFakeGemini } from "@/server/testing/fake-upstreams";
import { callProvider } from "../call-provider";
import { imageRequest, simpleRequest, targetFor, toolConversation } from "../test-requests";
import { UpstreamError } from "../upstream-error";
import { geminiAdapter } from ".";

const startUpstream = closeAfterEachTest(startFakeGemini);

describe("Gemini adapter", () => {
  it("sends generateContent with x-goog-api-key, systemInstruction and generationConfig", async () => {
    const upstream = await startUpstream({ apiKey: "sk-test" });
    await callProvider(geminiAdapter, simpleRequest, targetFor(upstream.url, false, "gemini-2.5-flash"));
    const [sent] = upstream.requests;
    expect(sent?.path).toBe("/models/gemini-2.5-flash:generateContent");
    expect(sent?.headers["x-goog-api-key"]).toBe("sk-test");
    expect(sent?.body).toEqual({
      contents: [{ role: "user", parts: [{ text: "Say hello." }] }],
      systemInstruction: { parts: [{ text: "You are terse." }] },
      generationConfig: { maxOutputTokens: 64, temperature: 0.2, topP: 0.9, stopSequences: ["END"] },
    });
  });

  it("encodes function declarations, calls and responses by name, and strips unsupported schema keys", () => {
    const body = JSON.parse(geminiAdapter.buildRequest({ ...toolConversation, toolChoice: { name: "get_weather" } }, targetFor("http://x", false)).init.body);
    expect(body.contents).toEqual([
      { role: "user", parts: [{ text: "Weather in Paris?" }] },
      { role: "model", parts: [{ text: "Checking." }, { functionCall: { name: "get_weather", args: { city: "Paris", unit: "celsius" } } }] },
      { role: "user", parts: [{ functionResponse: { name: "get_weather", response: { temp: 21 } } }] },
    ]);
    const declaration = body.tools[0].functionDeclarations[0];
    expect(declaration.name).toBe("get_weather");
    expect(declaration.parameters.additionalProperties).toBeUndefined();
    expect(declaration.parameters.required).toEqual(["city", "unit"]);
    expect(body.toolConfig).toEqual({ functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["get_weather"] } });
  });

  it("asks for JSON output with a response schema and encodes images", () => {
    const schema = { type: "object", properties: { note: { type: ["string", "null"] } }, additionalProperties: false };
    const req = { ...imageRequest, responseFormat: { type: "json_schema" as const, name: "x", schema } };
    const body = JSON.parse(geminiAdapter.buildRequest(req, targetFor("http://x", false)).init.body);
    expect(body.generationConfig).toEqual({
      responseMimeType: "application/json",
      responseSchema: { type: "object", properties: { note: { type: "string", nullable: true } } },
    });
    expect(body.contents[0].parts.slice(1)).toEqual([
      { fileData: { mimeType: "image/png", fileUri: "https://example.com/cat.png" } },
      { inlineData: { mimeType: "image/jpeg", data: "AAAA" } },
    ]);
  });

  it("parses a response with a function call and usage metadata", async () => {
    const upstream = await startUpstream({
      reply: { text: "", toolCalls: [{ name: "get_weather", arguments: { city: "Oslo" } }], finishReason: "tool_calls", usage: { input: 21, output: 8 } },
    });
    const response = await callProvider(geminiAdapter, toolConversation, targetFor(upstream.url, false, "gemini-2.5-pro"));
    expect(response).toMatchObject({
      id: "gemini-fake",
      model: "gemini-2.5-pro",
      content: "",
      finishReason: "tool_calls",
      usage: { inputTokens: 21, outputTokens: 8 },
    });
    expect(response.toolCalls).toEqual([{ id: expect.stringMatching(/^call_/), name: "get_weather", arguments: '{"city":"Oslo"}' }]);
  });

  it("streams with alt=sse and ends on the chunk carrying finishReason, with usage", async () => {
    const upstream = await startUpstream({ reply: { text: "Bonjour tout le monde", usage: { input: 9, output: 4 } } });
    const events = await collect(await callProvider(geminiAdapter, { ...simpleRequest, stream: true }, targetFor(upstream.url, true, "gemini-2.5-flash")));
    expect(upstream.requests[0]?.path).toBe("/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
    expect(events.flatMap((e) => (e.type === "text" ? [e.text] : [])).join("")).toBe("Bonjour tout le monde");
    expect(events.slice(-2)).toEqual([
      { type: "finish", finishReason: "stop" },
      { type: "usage", usage: { inputTokens: 9, outputTokens: 4 } },
    ]);
  });

  it("streams a function call as one start and one delta", async () => {
    const upstream = await startUpstream({ reply: { text: "", toolCalls: [{ name: "get_weather", arguments: { city: "Rome" } }], finishReason: "tool_calls" } });
    const events = await collect(await callProvider(geminiAdapter, { ...toolConversation, stream: true }, targetFor(upstream.url, true)));
    expect(events.filter((e) => e.type.startsWith("tool_call"))).toEqual([
      { type: "tool_call_start", index: 0, id: expect.stringMatching(/^call_/), name: "get_weather" },
      { type: "tool_call_delta", index: 0, argumentsDelta: '{"city":"Rome"}' },
    ]);
    expect(events).toContainEqual({ type: "finish", finishReason: "tool_calls" });
  });

  it("reads the retry delay Gemini puts in the error body", () => {
    const body = JSON.stringify({
      error: { code: 429, message: "quota", status: "RESOURCE_EXHAUSTED", details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "38s" }] },
    });
    expect(geminiAdapter.mapError(429, body, new Headers())).toMatchObject({ kind: "rate_limited", retryAfterMs: 38_000, message: "google: HTTP 429 (RESOURCE_EXHAUSTED)", detail: "quota" });
    expect(geminiAdapter.mapError(503, "<html>busy</html>", new Headers({ "retry-after": "5" }))).toMatchObject({ kind: "server", retryAfterMs: 5000 });
  });

  it.each([
    ["MAX_TOKENS", "length"],
    ["SAFETY", "content_filter"],
    ["MALFORMED_FUNCTION_CALL", "error"],
  ] as const)("maps finishReason %s to %s", (finishReason, expected) => {
    const response = geminiAdapter.parseResponse({ candidates: [{ content: { parts: [{ text: "x" }] }, finishReason }] });
    expect(response.finishReason).toBe(expected);
  });

  it("maps error bodies and cut streams", async () => {
    const upstream = await startUpstream({ fault: (index) => (index === 0 ? { type: "status", status: 429, message: "quota" } : { type: "cut", afterEvents: 1 }) });
    const error = await callProvider(geminiAdapter, simpleRequest, targetFor(upstream.url, false)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ status: 429, kind: "rate_limited", detail: "quota", provider: "google" });
    const events = await callProvider(geminiAdapter, { ...simpleRequest, stream: true }, targetFor(upstream.url, true));
    await expect(collect(events)).rejects.toMatchObject({ kind: "stream_broken" });
  });
});
