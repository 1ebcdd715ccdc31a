import { describe, expect, it } from "vitest";
import { estimateInputTokens } from "@/server/routing";
import { countTokens } from "@/server/routing/count-tokens";
import type { ChatRequest } from "@/server/providers/types";
import { toRoutingView } from "./to-routing-view";

const question = "Write a Python function that reverses a list.";

describe("toRoutingView", () => {
  it("keeps tool plumbing out of the routed text and counts its tokens for the estimate", () => {
    const args = JSON.stringify({ blob: "lorem ipsum dolor ".repeat(20_000) });
    const parameters = { type: "object", properties: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`field_${i}`, { type: "string", description: `field number ${i}` }])) };
    const request: ChatRequest = {
      messages: [
        { role: "user", content: [{ type: "text", text: question }] },
        { role: "assistant", content: [{ type: "tool_call", id: "c1", name: "store", arguments: args }] },
        { role: "tool", content: [{ type: "tool_result", toolCallId: "c1", content: "ok" }] },
      ],
      tools: [{ name: "store", description: "Stores a blob.", parameters }],
      responseFormat: { type: "json_schema", name: "out", schema: { type: "object", properties: { answer: { type: "string" } } } },
      stream: false,
    };
    const view = toRoutingView(request);
    expect(view.messages.map((m) => m.content)).toEqual([question, "", "ok"]);
    const plumbing = countTokens("store") + countTokens(args) + countTokens(JSON.stringify(parameters)) + countTokens(JSON.stringify(request.responseFormat!.type === "json_schema" ? request.responseFormat!.schema : null));
    expect(view.toolingTokens).toBe(plumbing);
    expect(plumbing).toBeGreaterThan(60_000);
    const estimate = estimateInputTokens({ messages: view.messages, tools: view.tools, toolingTokens: view.toolingTokens });
    expect(estimate).toBeGreaterThan(plumbing);
    expect(estimate - plumbing).toBe(estimateInputTokens({ messages: view.messages, tools: view.tools }));
  });

  it("adds nothing for a request with text only", () => {
    expect(toRoutingView({ messages: [{ role: "user", content: [{ type: "text", text: question }] }], stream: false }).toolingTokens).toBeUndefined();
  });
});
