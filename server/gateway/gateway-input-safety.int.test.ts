// What the running gateway does with input PostgreSQL cannot store, and with a policy that
// leaves a rule nothing to route to: a 400 naming the field (and the usage batch it shares with
// good requests still written), and a 503 naming the rule and why each of its models is out, its
// log row keeping the decision.
import { describe, expect, it } from "vitest";
import { createOrderedPolicy } from "../testing/seed-gateway-tenant";
import { setupGateway, waitForRequestLog } from "../testing/setup-gateway";

const fx = setupGateway({
  // Long enough that the requests of one test share a usage batch.
  env: { SWITCHYARD_USAGE_FLUSH_MS: "1500" },
  prepare: async ({ db, tenant }) => {
    const custom = { tenantId: tenant.tenantId, provider: "openai-compatible", providerModelId: "llama", contextWindow: 8000, quality: { coding: 90 }, baseUrl: "http://127.0.0.1:9/v1" };
    await db.model.create({ data: { ...custom, slug: "team-llama", displayName: "Team Llama", enabled: false } });
    await db.model.create({ data: { ...custom, slug: "old-llama", displayName: "Old Llama", deprecatedAt: new Date("2026-01-01T00:00:00Z") } });
    // Saved before the console checked model ids: one typo and two models that cannot serve.
    await createOrderedPolicy(db, tenant.tenantId, "typo", ["gpt-4o-mni", "team-llama", "old-llama"]);
  },
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${fx.gateway.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${fx.tenant.apiKey}`, "anthropic-version": "2023-06-01", ...headers },
    // JSON.stringify writes a NUL byte as \u0000 and a lone surrogate as \ud800, as any client would.
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { error: { message: string } };
  return { status: res.status, message: json.error?.message, requestId: res.headers.get("x-switchyard-request-id") };
}

const hi = [{ role: "user", content: "Hi" }];

describe("gateway input safety", () => {
  it("refuses NUL bytes and lone surrogates in stored fields with a 400 naming the field, and logs them in the same batch as a good request", async () => {
    const [model, metadata, user, anthropicUser, responsesModel, good] = await Promise.all([
      post("/chat/completions", { model: "gpt-5.4\u0000", messages: hi }),
      post("/chat/completions", { model: "auto", messages: hi, metadata: { team: "a\u0000b" } }),
      post("/chat/completions", { model: "auto", messages: hi, user: "user-\uD800" }),
      post("/messages", { model: "auto", max_tokens: 20, messages: hi, metadata: { user_id: "\uDC00" } }),
      post("/responses", { model: "auto\uD83D", input: "Hi" }),
      post("/chat/completions", { model: "auto", messages: hi }),
    ]);
    expect(model).toMatchObject({ status: 400, message: expect.stringMatching(/^model: /) });
    expect(metadata).toMatchObject({ status: 400, message: expect.stringMatching(/^metadata\.team: /) });
    expect(user).toMatchObject({ status: 400, message: expect.stringMatching(/^user: /) });
    expect(anthropicUser).toMatchObject({ status: 400, message: expect.stringMatching(/^metadata\.user_id: /) });
    expect(responsesModel).toMatchObject({ status: 400, message: expect.stringMatching(/^model: /) });
    expect(good.status).toBe(200);

    for (const refused of [model, metadata, user, anthropicUser, responsesModel]) {
      expect(await waitForRequestLog(fx.db, refused.requestId)).toMatchObject({ status: 400, errorClass: "request_error" });
    }
    expect(await waitForRequestLog(fx.db, good.requestId)).toMatchObject({ status: 200 });
  });

  it("answers a rule with nothing usable with a 503 that names the rule and the reason for each of its models", async () => {
    const viaOpenAI = await post("/chat/completions", { model: "policy/typo", messages: hi }, { "x-switchyard-category": "coding" });
    expect(viaOpenAI.status).toBe(503);
    expect(viaOpenAI.message).toMatch(/^No usable model for rule "coding": /);
    expect(viaOpenAI.message).toContain("team-llama: disabled");
    expect(viaOpenAI.message).toContain("old-llama: deprecated since 2026-01-01");
    expect(viaOpenAI.message).toContain("gpt-4o-mni: not in the catalog");
    expect(viaOpenAI.message).toMatch(/\d+ other catalog models are not in the rule's allowed models$/);
    // Nothing internal: no tenant, policy or key ids.
    const policy = await fx.db.routingPolicy.findFirstOrThrow({ where: { tenantId: fx.tenant.tenantId, name: "typo" } });
    for (const id of [fx.tenant.tenantId, policy.id]) expect(viaOpenAI.message).not.toContain(id);
    // Its log row keeps the decision: the rule's own models with their reasons, the others counted.
    const { explanation } = await waitForRequestLog(fx.db, viaOpenAI.requestId);
    const stored = explanation as { plan: string[]; candidates: Array<{ modelId: string; reason: string }>; modelsNotAllowed: number; error: { message: string } };
    expect(stored.plan).toEqual([]);
    expect(stored.error.message).toBe(viaOpenAI.message);
    expect(stored.candidates.map((c) => `${c.modelId}: ${c.reason}`).sort()).toEqual([expect.stringMatching(/^old-llama: deprecated since/), "team-llama: disabled"]);
    expect(stored.modelsNotAllowed).toBe(Number(/(\d+) other catalog models/.exec(viaOpenAI.message)![1]));

    const viaAnthropic = await post("/messages", { model: "policy/typo", max_tokens: 20, messages: hi }, { "x-switchyard-category": "math" });
    expect(viaAnthropic.status).toBe(503);
    expect(viaAnthropic.message).toMatch(/^No usable model for rule "math": .*gpt-4o-mni: not in the catalog/);
  });
});
