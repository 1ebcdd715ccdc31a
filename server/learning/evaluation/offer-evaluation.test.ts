import { describe, expect, it } from "vitest";
import type { StreamEvent } from "../../providers/types";
import { route } from "../../routing";
import { DEFAULT_CATALOG, DEFAULT_POLICY } from "../../routing/defaults";
import type { RoutingPolicy } from "../../routing/types";
import type { TenantConfig } from "../../gateway/load-tenant-config";
import { MAX_COLLECTED_ANSWER_CHARS, MAX_EVALUATED_INPUT_TOKENS, collectAnswer, sampleEvaluation, type EvaluationContext } from "./offer-evaluation";

const now = new Date("2026-12-10T00:00:00Z");
const policyWith = (share: number, judgeModel: string | null): RoutingPolicy => ({
  ...DEFAULT_POLICY,
  rules: Object.fromEntries(Object.entries(DEFAULT_POLICY.rules).map(([c, r]) => [c, { ...r, evaluationShare: share, judgeModel }])),
});
const config = (budget: number | null): TenantConfig => ({
  tenantId: "t1", catalog: DEFAULT_CATALOG, modelBaseUrls: new Map(), policiesById: new Map(), policiesByName: new Map(), defaultPolicyId: null,
  credentials: new Map(), cacheTtlSecondsByPolicy: new Map(), evaluationBudgetUsd: budget, learning: {},
});

function context(over: { share?: number; judge?: string | null; budget?: number | null; inputTokens?: number } = {}): EvaluationContext {
  const policy = policyWith(over.share ?? 1, over.judge === undefined ? "gpt-5.4" : over.judge);
  const decision = route({ request: { messages: [{ role: "user", content: "Write a Python function that reverses a list" }] }, catalog: DEFAULT_CATALOG, policy, unhealthy: {}, now });
  if (over.inputTokens !== undefined) decision.estimate.inputTokens = over.inputTokens;
  return {
    tenantId: "t1", requestId: "req_1", config: config(over.budget === undefined ? 10 : over.budget), policy, decision,
    request: { messages: [{ role: "user", content: [{ type: "text", text: "Write a Python function that reverses a list" }] }], stream: false }, served: decision.model!, now,
  };
}

describe("sampleEvaluation", () => {
  it("samples a routed request whose rule has a share, a judge and a budget", () => {
    expect(sampleEvaluation(context())).not.toBeNull();
  });

  it.each([
    ["a share of 0", { share: 0 }],
    ["no judge", { judge: null }],
    ["a judge missing from the catalog", { judge: "no-such-model" }],
    ["no evaluation budget", { budget: null }],
    ["a budget of 0", { budget: 0 }],
    ["a request too large", { inputTokens: MAX_EVALUATED_INPUT_TOKENS + 1 }],
  ])("does not with %s", (_, over) => {
    expect(sampleEvaluation(context(over))).toBeNull();
  });

  it("does not evaluate a request with images (the judge reads text only)", () => {
    const ctx = context();
    const request = { ...ctx.request, messages: [{ role: "user" as const, content: [{ type: "text" as const, text: "What is this?" }, { type: "image" as const, source: { kind: "url" as const, url: "https://example.com/a.png" } }] }] };
    expect(sampleEvaluation({ ...ctx, request })).toBeNull();
  });

  it("samples about its share of requests", () => {
    const ctx = context({ share: 0.2 });
    const ids = Array.from({ length: 5000 }, (_, i) => `req_${i}`);
    const sampled = ids.filter((requestId) => sampleEvaluation({ ...ctx, requestId }) !== null).length;
    expect(sampled / ids.length).toBeGreaterThan(0.17);
    expect(sampled / ids.length).toBeLessThan(0.23);
  });
});

async function* events(list: StreamEvent[], failAfter?: number): AsyncGenerator<StreamEvent> {
  for (const [i, e] of list.entries()) {
    if (failAfter !== undefined && i === failAfter) throw new Error("upstream broke");
    yield e;
  }
}

const drain = async (stream: AsyncIterable<StreamEvent>) => {
  const out: StreamEvent[] = [];
  for await (const e of stream) out.push(e);
  return out;
};

describe("collectAnswer", () => {
  const stream: StreamEvent[] = [
    { type: "start", id: "x", model: "m" },
    { type: "text", text: "Hello " },
    { type: "text", text: "world." },
    { type: "tool_call_start", index: 0, id: "c1", name: "lookup" },
    { type: "tool_call_delta", index: 0, argumentsDelta: "{\"q\":" },
    { type: "tool_call_delta", index: 0, argumentsDelta: "1}" },
    { type: "finish", finishReason: "stop" },
    { type: "usage", usage: { inputTokens: 1, outputTokens: 2 } },
  ];

  it("passes every event through unchanged and hands over the answer once the stream finished", async () => {
    const answers: string[] = [];
    expect(await drain(collectAnswer(events(stream), (a) => answers.push(a)))).toEqual(stream);
    expect(answers).toEqual(["Hello world.\n[tool call lookup({\"q\":1})]"]);
  });

  it("hands over nothing when the stream failed or the caller stopped reading", async () => {
    const answers: string[] = [];
    await expect(drain(collectAnswer(events(stream, 3), (a) => answers.push(a)))).rejects.toThrow("upstream broke");
    const iterator = collectAnswer(events(stream), (a) => answers.push(a));
    await iterator.next();
    await iterator.return(undefined);
    expect(answers).toEqual([]);
  });

  it("keeps at most the cap of a long answer", async () => {
    const long: StreamEvent[] = [...Array.from({ length: 100 }, () => ({ type: "text" as const, text: "x".repeat(1000) })), { type: "finish", finishReason: "length" }];
    let answer = "";
    await drain(collectAnswer(events(long), (a) => (answer = a)));
    expect(answer.length).toBe(MAX_COLLECTED_ANSWER_CHARS);
  });
});
