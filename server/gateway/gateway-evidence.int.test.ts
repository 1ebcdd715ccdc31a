// Evidence the gateway captures for learning, through the running gateway: feedback scores and
// category corrections become queued learning events (for the tenant's own requests only, even
// before their log rows are written), and served answers leave their finish reason, implicit
// signals (counted in the usage rollups, queuing no learning event) and, for routed requests, the
// learner's features in the log.
// The fake OpenAI upstream answers by marker: #length (cut at the token limit), #empty, #refuse,
// #500 (fails); the Anthropic one is always healthy.
import { describe, expect, it } from "vitest";
import { generateApiKeySecret } from "../auth/api-key-secret";
import { decodeStoredFeatures } from "../learning/stored-features";
import type { RecordedRequest, ScriptedReply } from "../testing/fake-upstreams";
import { setupFakeProvidersGateway } from "../testing/setup-fake-providers-gateway";
import { waitForRequestLog } from "../testing/setup-gateway";

function replyFor(req: RecordedRequest): ScriptedReply {
  const body = JSON.stringify(req.body);
  if (body.includes("#length")) return { text: "The first part of a longer answer", finishReason: "length" };
  if (body.includes("#empty")) return { text: "", finishReason: "stop" };
  if (body.includes("#refuse")) return { text: "I'm sorry, but I can't help with that request.", finishReason: "stop" };
  return { text: "A complete answer.", finishReason: "stop" };
}

// Slow enough that a feedback sent right after its request finds no log row yet.
const FLUSH_MS = 2_500;
const other = { tenantId: "", apiKey: "" };
const { fx } = setupFakeProvidersGateway({
  // The learning job is off: the test checks the queued events it would otherwise fold and delete.
  env: { SWITCHYARD_USAGE_FLUSH_MS: String(FLUSH_MS), SWITCHYARD_LEARNING_INTERVAL_MS: "0" },
  openai: {
    reply: replyFor,
    fault: (_, req) => (JSON.stringify(req.body).includes("#500") ? { type: "status", status: 500 } : undefined),
  },
  prepare: async ({ db, tenant }) => {
    // A policy with a category of the tenant's own, which corrections may name.
    await db.routingPolicy.create({
      data: {
        tenantId: tenant.tenantId, name: "legal", baselineModelSlug: "claude-opus-4.6", defaultCategory: "general",
        rules: { create: [{ category: "general", qualityBar: 0 }, { category: "legal_review", qualityBar: 0 }] },
      },
    });
    other.tenantId = (await db.tenant.create({ data: { name: "Other", slug: "other" } })).id;
    const key = generateApiKeySecret();
    await db.apiKey.create({ data: { tenantId: other.tenantId, name: "Other's key", prefix: key.prefix, hash: key.hash } });
    other.apiKey = key.secret;
  },
});

async function chat(model: string, content: string, options: { apiKey?: string; stream?: boolean; maxTokens?: number } = {}) {
  const res = await fetch(`${fx.gateway.baseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${options.apiKey ?? fx.tenant.apiKey}` },
    body: JSON.stringify({ model, messages: [{ role: "user", content }], stream: options.stream ?? false, max_tokens: options.maxTokens }),
  });
  const text = await res.text();
  return { status: res.status, requestId: res.headers.get("x-switchyard-request-id")!, text };
}

async function feedback(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${fx.gateway.baseUrl}/feedback`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${fx.tenant.apiKey}`, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const eventsOf = (requestId: string) => fx.db.learningEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } });
const logOf = (requestId: string) => waitForRequestLog(fx.db, requestId, FLUSH_MS * 4);

describe("feedback as learning evidence", () => {
  it("queues a score and a category correction, even before the request's log row is written", async () => {
    const { requestId } = await chat("policy/gpt-only", "Summarise the indemnity clause of this contract.");
    const sent = await feedback({ request_id: requestId, score: 0.25, comment: "wrong area of law", category: "legal_review" });
    expect(sent).toMatchObject({ status: 201, body: { request_id: requestId, score: 0.25, comment: "wrong area of law", category: "legal_review" } });
    // The usage writer has not flushed yet: the events wait in the queue for the row.
    expect(await fx.db.requestLog.findUnique({ where: { id: requestId } })).toBeNull();
    const row = await fx.db.feedback.findFirstOrThrow({ where: { requestId } });
    expect(await eventsOf(requestId)).toMatchObject([
      { tenantId: fx.tenant.tenantId, kind: "feedback", score: 0.25, payload: { feedbackId: row.id } },
      { tenantId: fx.tenant.tenantId, kind: "category", score: null, payload: { category: "legal_review" } },
    ]);
    // The log row arrives later; what was queued is still there for the learning job (off here).
    await logOf(requestId);
    expect(await eventsOf(requestId)).toHaveLength(2);
  });

  it("takes a category alone (a built-in one too), and a resent score replaces its queued event", async () => {
    const { requestId } = await chat("policy/gpt-only", "What is 17 times 23?");
    const alone = await feedback({ request_id: requestId, category: "math" });
    expect(alone).toMatchObject({ status: 201, body: { id: null, score: null, category: "math" } });
    expect(await fx.db.feedback.count({ where: { requestId } })).toBe(0);

    expect((await feedback({ request_id: requestId, score: 0.1 })).status).toBe(201);
    expect((await feedback({ request_id: requestId, score: 0.9 })).status).toBe(201);
    const events = await eventsOf(requestId);
    expect(events.map((e) => [e.kind, e.score])).toEqual([["category", null], ["feedback", 0.9]]);
  });

  it("refuses an unknown or malformed category, a comment without a score, and an empty body, in the caller's format", async () => {
    const { requestId } = await chat("policy/gpt-only", "Hello there");
    const unknown = await feedback({ request_id: requestId, category: "astrology" });
    expect(unknown).toMatchObject({ status: 400, body: { error: { type: "invalid_request_error", message: expect.stringContaining("astrology") } } });
    const inAnthropicFormat = await feedback({ request_id: requestId, category: "astrology" }, { "anthropic-version": "2023-06-01" });
    expect(inAnthropicFormat).toMatchObject({ status: 400, body: { type: "error", error: { type: "invalid_request_error" } } });
    expect((await feedback({ request_id: requestId, category: "Legal Review!" })).status).toBe(400);
    expect((await feedback({ request_id: requestId, category: "x".repeat(41) })).status).toBe(400);
    expect((await feedback({ request_id: requestId, category: "math", comment: "no score" })).body).toMatchObject({ error: { message: expect.stringMatching(/^comment: /) } });
    expect((await feedback({ request_id: requestId })).status).toBe(400);
    expect(await eventsOf(requestId)).toEqual([]);
  });

  it("answers 404 for another tenant's request and stores nothing", async () => {
    // The other tenant has no policy: its request fails, but its id is still its own.
    const { requestId } = await chat("auto", "Hello from elsewhere", { apiKey: other.apiKey });
    const sent = await feedback({ request_id: requestId, score: 1, category: "coding" });
    expect(sent).toMatchObject({ status: 404, body: { error: { code: "request_not_found" } } });
    expect(await fx.db.feedback.count({ where: { requestId } })).toBe(0);
    expect(await eventsOf(requestId)).toEqual([]);
  });
});

describe("implicit signals and features in the usage log", () => {

  it.each([
    ["an answer cut at max_tokens", "Explain monads #length", false, "length", ["truncated"]],
    ["a streamed answer cut at max_tokens", "Explain monads #length", true, "length", ["truncated"]],
    ["an empty answer", "Say nothing #empty", false, "stop", ["empty"]],
    ["an empty streamed answer", "Say nothing #empty", true, "stop", ["empty"]],
    ["a refusal", "Do something dubious #refuse", false, "stop", ["refusal"]],
  ])("records %s", async (_, prompt, stream, finishReason, signals) => {
    const { status, requestId } = await chat("policy/gpt-only", prompt, { stream, maxTokens: 16 });
    expect(status).toBe(200);
    const row = await logOf(requestId);
    expect(row).toMatchObject({ finishReason, signals });
    expect(await eventsOf(requestId)).toEqual([]);
  });

  it("records a complete answer without signals", async () => {
    const { requestId } = await chat("policy/gpt-only", "Write a haiku about routers");
    expect(await logOf(requestId)).toMatchObject({ finishReason: "stop", signals: [] });
  });

  it("records an answer served by a fallback, and a plan that failed everywhere as an error", async () => {
    const fallback = await chat("policy/gpt-first", "Plan a trip #500");
    expect(fallback.status).toBe(200);
    expect(await logOf(fallback.requestId)).toMatchObject({ chosenModel: "claude-opus-4.6", signals: ["fallback"], fallbackCount: 1 });

    const failed = await chat("policy/gpt-only", "Plan a trip #500");
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(await logOf(failed.requestId)).toMatchObject({ chosenModel: null, signals: ["error"] });
    expect(await eventsOf(fallback.requestId)).toEqual([]);
    expect(await eventsOf(failed.requestId)).toEqual([]);
  });

  it("counts the signals in the usage rollups, per model, as the log rows have them", async () => {
    const where = { tenantId: fx.tenant.tenantId };
    // The rollups are written in the statement that writes the log rows, so both agree at any moment.
    const [rows, daily, hourly] = await Promise.all([
      fx.db.requestLog.findMany({ where, select: { chosenModel: true, status: true, fallbackCount: true, signals: true } }),
      fx.db.usageRollupDaily.groupBy({ by: ["model"], where, _sum: { requests: true, errors: true, fallbacks: true, emptyAnswers: true, refusals: true, truncations: true } }),
      fx.db.usageRollup.groupBy({ by: ["model"], where, _sum: { requests: true, errors: true, fallbacks: true, emptyAnswers: true, refusals: true, truncations: true } }),
    ]);
    const expected = new Map<string, Record<string, number>>();
    for (const r of rows) {
      const c = expected.get(r.chosenModel ?? "") ?? { requests: 0, errors: 0, fallbacks: 0, emptyAnswers: 0, refusals: 0, truncations: 0 };
      c.requests!++;
      if (r.status >= 400) c.errors!++;
      if (r.fallbackCount > 0) c.fallbacks!++;
      if (r.signals.includes("empty")) c.emptyAnswers!++;
      if (r.signals.includes("refusal")) c.refusals!++;
      if (r.signals.includes("truncated")) c.truncations!++;
      expected.set(r.chosenModel ?? "", c);
    }
    const byModel = (groups: typeof daily) => new Map(groups.map((g) => [g.model, g._sum]));
    expect(byModel(daily)).toEqual(expected);
    expect(byModel(hourly)).toEqual(expected);
    // The cases above: two empty answers, two truncations and a refusal of gpt-5.4.
    expect(expected.get("gpt-5.4")).toMatchObject({ emptyAnswers: 2, truncations: 2, refusals: 1 });
  });

  it("keeps the learner's features for routed requests with user text, not for a model asked for directly", async () => {
    const routed = await chat("policy/gpt-only", "Prove that there are infinitely many primes.");
    const row = await logOf(routed.requestId);
    const features = decodeStoredFeatures(row.features);
    expect(features).not.toBeNull();
    expect(features!.n).toBeGreaterThan(0);
    expect(features!.staticDifficulty).toBeCloseTo(row.difficulty!, 3);
    // No prompt text in what is kept.
    expect(JSON.stringify(row.features)).not.toMatch(/primes|infinitely/);

    const direct = await chat("gpt-5.4", "Prove that there are infinitely many primes.");
    expect((await logOf(direct.requestId)).features).toBeNull();
  });
});
