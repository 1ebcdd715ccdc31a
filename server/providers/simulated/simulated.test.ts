import { describe, expect, it } from "vitest";
import { z } from "zod";
import { collect } from "@/server/testing/collect";
import { simpleRequest, weatherTool } from "../test-requests";
import type { ChatRequest } from "../types";
import { UpstreamError } from "../upstream-error";
import { countRequestTokens, countTextTokens, planSimulation, simulate, simulateStream, DEFAULT_SIMULATION } from ".";
import { generateFromSchema, MAX_GENERATED_CHARS, MAX_GENERATED_VALUES } from "./generate-arguments";
import { detectCategory } from "./generate-text";

function ask(text: string, extra: Partial<ChatRequest> = {}): ChatRequest {
  return { messages: [{ role: "user", content: [{ type: "text", text }] }], stream: false, ...extra };
}

describe("simulated provider", () => {
  it("is deterministic per request, model and seed", async () => {
    const a = await simulate(ask("Explain recursion in Python"), { model: "sim-small" });
    const b = await simulate(ask("Explain recursion in Python"), { model: "sim-small" });
    const otherSeed = await simulate(ask("Explain recursion in Python"), { model: "sim-small", seed: 7 });
    const otherPrompt = await simulate(ask("Explain recursion in Rust"), { model: "sim-small" });
    expect(a).toEqual(b);
    expect(a.id).toMatch(/^sim-/);
    expect([otherSeed.content, otherPrompt.content]).not.toContain(a.content);
  });

  it("writes category-appropriate text", async () => {
    expect(detectCategory("Fix this TypeScript function")).toBe("coding");
    expect(detectCategory("Solve 3x + 4 = 19")).toBe("math");
    expect(detectCategory("Why does gravity bend light?")).toBe("science");
    expect(detectCategory("Click the login button")).toBe("computer_use");
    expect(detectCategory("Plan a birthday party")).toBe("general");
    const response = await simulate(ask("Solve the equation 2x = 10"));
    expect(response.content).toContain('About "Solve the equation 2x = 10":');
  });

  it("reports realistic token counts and honours maxTokens", async () => {
    const req = ask("Tell me about the history of the printing press and its impact on Europe");
    const response = await simulate(req);
    expect(response.usage.inputTokens).toBe(countRequestTokens(req));
    expect(response.usage.inputTokens).toBeGreaterThan(15);
    expect(response.usage.outputTokens).toBe(countTextTokens(response.content));
    const short = await simulate({ ...req, maxTokens: 5 });
    expect(short.usage.outputTokens).toBe(5);
    expect(short.finishReason).toBe("length");
  });

  it("returns a schema-valid tool call when the tool is required or asked for", async () => {
    const validate = z.fromJSONSchema(weatherTool.parameters as never);
    expect(validate.safeParse({ city: "Paris", unit: "kelvin" }).success).toBe(false);
    for (const req of [
      ask("Hello", { tools: [weatherTool], toolChoice: "required" }),
      ask("Hello", { tools: [weatherTool], toolChoice: { name: "get_weather" } }),
      ask("Please use the weather tool for Paris", { tools: [weatherTool] }),
    ]) {
      const response = await simulate(req);
      expect(response.finishReason).toBe("tool_calls");
      expect(response.toolCalls[0]?.name).toBe("get_weather");
      const args = JSON.parse(response.toolCalls[0]?.arguments ?? "");
      expect(validate.safeParse(args).success).toBe(true);
      expect(args.unit).toBe("celsius");
    }
    const plain = await simulate(ask("Hello there", { tools: [weatherTool] }));
    expect(plain.toolCalls).toEqual([]);
  });

  it("generates values for nested, formatted and constrained schemas", () => {
    const schema = {
      type: "object",
      properties: {
        when: { type: "string", format: "date-time" },
        tags: { type: "array", items: { type: "string", minLength: 3 }, minItems: 2 },
        size: { type: "number", minimum: 2.5 },
        kind: { const: "fixed" },
        nested: { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"] },
        maybe: { type: ["integer", "null"], exclusiveMinimum: 4 },
        skipped: { type: "string" },
      },
      required: ["when", "tags", "size", "kind", "nested", "maybe"],
    };
    const value = generateFromSchema(schema);
    expect(z.fromJSONSchema(schema as never).safeParse(value).success).toBe(true);
    expect(value).not.toHaveProperty("skipped");
  });

  it("bounds the value a small schema asks for: nested arrays and self-references stop at the value and character budgets", () => {
    const countValues = (v: unknown): number => (Array.isArray(v) ? 1 + v.reduce((n: number, x) => n + countValues(x), 0) : v !== null && typeof v === "object" ? 1 + Object.values(v).reduce((n: number, x) => n + countValues(x), 0) : 1);
    // 100^3 strings asked for by 100 bytes of schema; 3^16 arrays by a self-reference.
    const cube = { type: "array", minItems: 100, items: { type: "array", minItems: 100, items: { type: "array", minItems: 100, items: { type: "string", minLength: 1000 } } } };
    const recursive = { type: "array", minItems: 3, items: { $ref: "#" } };
    for (const schema of [cube, recursive]) {
      const value = generateFromSchema(schema);
      expect(countValues(value)).toBeLessThanOrEqual(MAX_GENERATED_VALUES + 1);
      expect(JSON.stringify(value).length).toBeLessThan(MAX_GENERATED_CHARS + 10 * MAX_GENERATED_VALUES);
    }
  });

  it("looks for a named tool among the first tools and at the prompt's start only", async () => {
    const tools = Array.from({ length: 5_000 }, (_, i) => ({ name: `tool_${i}`, parameters: { type: "object" } }));
    const prompt = `${"a".repeat(1_000_000)} tool_4999`;
    // Every tool name searched for in the whole prompt took minutes for this request; a tool named
    // past the window is not looked for, so the forced call goes to the first tool.
    const plan = planSimulation(ask(prompt, { tools, toolChoice: "required" }), "simulated", DEFAULT_SIMULATION);
    expect(plan.response.toolCalls[0]!.name).toBe("tool_0");
    expect(planSimulation(ask("Call tool_7 please", { tools }), "simulated", DEFAULT_SIMULATION).response.toolCalls[0]!.name).toBe("tool_7");
  });

  it("streams the same answer in chunks, then finish and usage", async () => {
    const req = ask("Explain how vaccines train the immune system", { stream: true });
    const [response, events] = await Promise.all([simulate(req), collect(simulateStream(req))]);
    expect(events[0]).toEqual({ type: "start", id: response.id, model: "simulated" });
    const texts = events.flatMap((e) => (e.type === "text" ? [e.text] : []));
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.join("")).toBe(response.content);
    expect(events.slice(-2)).toEqual([
      { type: "finish", finishReason: "stop" },
      { type: "usage", usage: response.usage },
    ]);
  });

  it("streams tool calls as start plus argument deltas", async () => {
    const events = await collect(simulateStream(ask("x", { tools: [weatherTool], toolChoice: "required", stream: true })));
    const args = events.flatMap((e) => (e.type === "tool_call_delta" ? [e.argumentsDelta] : [])).join("");
    expect(events.filter((e) => e.type === "tool_call_start")).toHaveLength(1);
    expect(JSON.parse(args)).toMatchObject({ city: expect.any(String), unit: "celsius" });
  });

  it("fails a deterministic share of requests at the configured error rate", async () => {
    const settings = { ...DEFAULT_SIMULATION, errorRate: 0.2, seed: 3 };
    const failures = Array.from({ length: 500 }, (_, i) => planSimulation(ask(`question ${i}`), "sim", settings).error);
    const share = failures.filter(Boolean).length / failures.length;
    expect(share).toBeGreaterThan(0.14);
    expect(share).toBeLessThan(0.26);
    const again = Array.from({ length: 500 }, (_, i) => planSimulation(ask(`question ${i}`), "sim", settings).error?.status);
    expect(again).toEqual(failures.map((e) => e?.status));
    const failing = failures.findIndex(Boolean);
    await expect(simulate(ask(`question ${failing}`), { errorRate: 0.2, seed: 3, model: "sim" })).rejects.toBeInstanceOf(UpstreamError);
    expect(planSimulation(ask("q"), "sim", { ...settings, errorRate: 0 }).error).toBeUndefined();
  });

  it("waits for the configured latency and stops when aborted", async () => {
    const started = Date.now();
    await simulate(simpleRequest, { firstTokenMs: 80 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    const controller = new AbortController();
    const pending = simulate(simpleRequest, { firstTokenMs: 5000, signal: controller.signal });
    controller.abort(new Error("gone"));
    await expect(pending).rejects.toThrow("gone");
  });
});
