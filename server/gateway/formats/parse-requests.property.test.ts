// The gateway's request parsers take any JSON a client sends: validation either refuses it or
// yields a request that converts and routes without throwing, and the work grows linearly with
// the request (messages, parts, tools).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG, DEFAULT_POLICY, route } from "@/server/routing";
import { LINEAR_RATIO_BOUND, measureGrowth } from "@/server/testing/expect-linear-time";
import { anthropicEndpoint, openAIEndpoint, responsesEndpoint } from "../endpoints";
import type { ChatEndpoint } from "../handle-chat-request";
import { describeValidationError } from "./describe-validation-error";

const endpoints = [openAIEndpoint, anthropicEndpoint, responsesEndpoint] as Array<ChatEndpoint<unknown>>;

/** What the handler does with a parsed body before any I/O. */
function parseAndRoute(endpoint: ChatEndpoint<unknown>, body: unknown): string {
  const parsed = endpoint.schema.safeParse(body);
  if (!parsed.success) return describeValidationError(parsed.error).message;
  const input = endpoint.format.toCanonical(parsed.data);
  const decision = route({ request: { messages: input.view.messages, system: input.view.system, tools: input.view.tools }, catalog: DEFAULT_CATALOG, policy: DEFAULT_POLICY, unhealthy: {}, now: new Date(0) });
  return decision.category;
}

// Well-formed bodies with arbitrary text in every slot (these reach conversion and routing),
// and loosely shaped ones with arbitrary values (these exercise the refusals).
const text = fc.string({ unit: "binary", maxLength: 300 });
const textParts = fc.array(fc.record({ type: fc.constant("text"), text }), { minLength: 1, maxLength: 3 });
const metadata = fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 }), { maxKeys: 4 });
const openAITool = fc.record({ type: fc.constant("function"), function: fc.record({ name: fc.stringMatching(/^[a-z_]{1,20}$/), description: text, parameters: fc.constant({ type: "object", properties: { q: { type: "string" } } }) }) });
const wellFormed: Record<string, fc.Arbitrary<unknown>> = {
  openai: fc.record(
    {
      model: fc.constantFrom("auto", "policy/default"),
      messages: fc.array(fc.record({ role: fc.constantFrom("user", "assistant", "system"), content: fc.oneof(text, textParts) }), { minLength: 1, maxLength: 6 }),
      tools: fc.array(openAITool, { maxLength: 3 }),
      max_tokens: fc.integer({ min: 1, max: 4096 }),
      metadata,
    },
    { requiredKeys: ["model", "messages"] },
  ),
  anthropic: fc.record(
    {
      model: fc.constant("auto"),
      max_tokens: fc.integer({ min: 1, max: 4096 }),
      system: fc.oneof(text, textParts),
      messages: fc.array(fc.record({ role: fc.constantFrom("user", "assistant"), content: fc.oneof(text, textParts) }), { minLength: 1, maxLength: 6 }),
    },
    { requiredKeys: ["model", "max_tokens", "messages"] },
  ),
  "openai-responses": fc.record(
    { model: fc.constant("auto"), instructions: text, input: fc.oneof(text, fc.array(fc.record({ role: fc.constantFrom("user", "assistant"), content: text }), { minLength: 1, maxLength: 4 })) },
    { requiredKeys: ["model", "input"] },
  ),
};
const loose = fc.record(
  {
    model: fc.oneof(fc.constant("auto"), text, fc.jsonValue({ maxDepth: 1 })),
    messages: fc.oneof(fc.array(fc.record({ role: fc.oneof(fc.constantFrom("user", "tool", "developer"), text), content: fc.jsonValue({ maxDepth: 3 }) }), { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })),
    input: fc.jsonValue({ maxDepth: 3 }),
    max_tokens: fc.jsonValue({ maxDepth: 1 }),
    tools: fc.jsonValue({ maxDepth: 3 }),
    metadata: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);

describe("request parsers", () => {
  it("refuse or accept any JSON body without throwing (property)", () => {
    for (const endpoint of endpoints) {
      fc.assert(
        fc.property(fc.oneof(wellFormed[endpoint.name]!, loose, fc.jsonValue({ maxDepth: 4 })), (value) => {
          expect(typeof parseAndRoute(endpoint, value)).toBe("string");
        }),
        { numRuns: 400, seed: 5 },
      );
    }
  });

  it("take time linear in the number of messages, parts and tools", () => {
    const openAIBody = (n: number) => ({ model: "auto", messages: Array.from({ length: n }, (_, i) => ({ role: i % 2 ? "assistant" : "user", content: [{ type: "text", text: `turn ${i} of the conversation` }] })) });
    const anthropicBody = (n: number) => ({ model: "auto", max_tokens: 10, messages: Array.from({ length: n }, (_, i) => ({ role: i % 2 ? "assistant" : "user", content: `turn ${i}` })) });
    const toolsBody = (n: number) => ({ model: "auto", messages: [{ role: "user", content: "hi" }], tools: Array.from({ length: n }, (_, i) => ({ type: "function", function: { name: `tool_${i}`, parameters: { type: "object", properties: { a: { type: "string" } } } } })) });
    const cases: Array<[ChatEndpoint<unknown>, (n: number) => unknown]> = [
      [openAIEndpoint, openAIBody],
      [anthropicEndpoint, anthropicBody],
      [openAIEndpoint, toolsBody],
      [responsesEndpoint, (n) => ({ model: "auto", input: openAIBody(n).messages.map((m) => ({ ...m, content: m.content[0]!.text })) })],
    ];
    for (const [endpoint, make] of cases) {
      const g = measureGrowth(make, (b) => parseAndRoute(endpoint, b), 200, 3);
      expect(g.ratio, `${endpoint.name}: ${g.smallMs.toFixed(2)} → ${g.largeMs.toFixed(2)} ms`).toBeLessThan(LINEAR_RATIO_BOUND);
    }
  });
});
