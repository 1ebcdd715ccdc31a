import type { ChatRequest, ProviderTarget, ToolDefinition } from "./types";

/** Canonical requests shared by the adapter tests. */

export const weatherTool: ToolDefinition = {
  name: "get_weather",
  description: "Current weather for a city",
  parameters: {
    type: "object",
    properties: {
      city: { type: "string" },
      unit: { type: "string", enum: ["celsius", "fahrenheit"] },
      days: { type: "integer", minimum: 1 },
    },
    required: ["city", "unit"],
    additionalProperties: false,
  },
};

export const simpleRequest: ChatRequest = {
  system: "You are terse.",
  messages: [{ role: "user", content: [{ type: "text", text: "Say hello." }] }],
  maxTokens: 64,
  temperature: 0.2,
  topP: 0.9,
  stop: ["END"],
  stream: false,
  user: "user-42",
};

export const toolConversation: ChatRequest = {
  messages: [
    { role: "user", content: [{ type: "text", text: "Weather in Paris?" }] },
    {
      role: "assistant",
      content: [
        { type: "text", text: "Checking." },
        { type: "tool_call", id: "call_1", name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' },
      ],
    },
    { role: "tool", content: [{ type: "tool_result", toolCallId: "call_1", content: '{"temp":21}' }] },
  ],
  tools: [weatherTool],
  toolChoice: "auto",
  stream: false,
};

export const imageRequest: ChatRequest = {
  messages: [
    {
      role: "user",
      content: [
        { type: "text", text: "What is in these images?" },
        { type: "image", source: { kind: "url", url: "https://example.com/cat.png" } },
        { type: "image", source: { kind: "base64", mediaType: "image/jpeg", data: "AAAA" } },
      ],
    },
  ],
  stream: false,
};

export function targetFor<S extends boolean>(baseUrl: string, stream: S, providerModelId = "test-model"): ProviderTarget & { stream: S } {
  return { providerModelId, baseUrl, apiKey: "sk-test", stream };
}
