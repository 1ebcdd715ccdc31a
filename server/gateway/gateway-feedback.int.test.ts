// POST /v1/feedback through the running gateway: only the caller's tenant's request ids (404 in
// the caller's format for any other, another tenant's alike), one record per request and key,
// limited by the key's requests per minute, and accepted for a request whose log row is not
// written yet (the usage log is written in batches; here it never flushes during the test).
import { describe, expect, it } from "vitest";
import { generateApiKeySecret } from "../auth/api-key-secret";
import { issueTestKey } from "../testing/seed-gateway-tenant";
import { setupGateway } from "../testing/setup-gateway";

const RPM = 3;
const other = { tenantId: "", apiKey: "" };
const keys = { second: "", limited: "" };
const fx = setupGateway({
  env: { SWITCHYARD_USAGE_FLUSH_MS: "600000" },
  prepare: async ({ db, tenant }) => {
    other.tenantId = (await db.tenant.create({ data: { name: "Other", slug: "other" } })).id;
    const key = generateApiKeySecret();
    await db.apiKey.create({ data: { tenantId: other.tenantId, name: "Other's key", prefix: key.prefix, hash: key.hash } });
    other.apiKey = key.secret;
    keys.second = await issueTestKey(db, tenant.tenantId);
    keys.limited = await issueTestKey(db, tenant.tenantId, { scopes: ["feedback"], rpmLimit: RPM });
    // Requests logged before ids were signed: found in the log, for their own tenant only.
    const row = { endpoint: "openai", requestedModel: "auto", latencyMs: 10, status: 200 };
    await db.requestLog.createMany({ data: [{ ...row, id: "req_0123456789abcdef0123456789abcdef", tenantId: tenant.tenantId }, { ...row, id: "req_fedcba9876543210fedcba9876543210", tenantId: other.tenantId }] });
  },
});

async function feedback(apiKey: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${fx.gateway.baseUrl}/feedback`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}`, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

/**
 * The id of a request made through the gateway with `apiKey`. The other tenant has no policy,
 * so its requests end in a 503: still its requests, with ids issued to it.
 */
async function requestIdOf(apiKey: string): Promise<string> {
  const res = await fetch(`${fx.gateway.baseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ model: "auto", messages: [{ role: "user", content: `Hello ${Math.random()}` }] }),
  });
  await res.arrayBuffer();
  return res.headers.get("x-switchyard-request-id")!;
}

const anthropicHeaders = { "anthropic-version": "2023-06-01" };

describe("POST /v1/feedback", () => {
  it("accepts feedback for the tenant's own request before its log row is written", async () => {
    const requestId = await requestIdOf(fx.tenant.apiKey);
    expect(await fx.db.requestLog.findUnique({ where: { id: requestId } })).toBeNull();
    const sent = await feedback(fx.tenant.apiKey, { request_id: requestId, score: 0.9, comment: "good" });
    expect(sent).toMatchObject({ status: 201, body: { request_id: requestId, score: 0.9, comment: "good" } });
    // Another key of the same tenant may rate it too.
    expect((await feedback(keys.second, { request_id: requestId, score: 0.2 })).status).toBe(201);
    expect(await fx.db.feedback.count({ where: { requestId } })).toBe(2);
  });

  it("answers 404 in the caller's format for another tenant's request id, exactly as for an id that never existed", async () => {
    const othersId = await requestIdOf(other.apiKey);
    const unknown = await feedback(fx.tenant.apiKey, { request_id: "req_00000000000000000000000000000000", score: 1 });
    const others = await feedback(fx.tenant.apiKey, { request_id: othersId, score: 1 });
    const othersLogged = await feedback(fx.tenant.apiKey, { request_id: "req_fedcba9876543210fedcba9876543210", score: 1 });
    expect(unknown).toMatchObject({ status: 404, body: { error: { type: "invalid_request_error", code: "request_not_found", message: "No request with this request_id was made with a key of your organisation" } } });
    expect(others.status).toBe(404);
    expect(others.body).toEqual(unknown.body);
    expect(othersLogged.body).toEqual(unknown.body);

    const inAnthropicFormat = await feedback(fx.tenant.apiKey, { request_id: othersId, score: 1 }, anthropicHeaders);
    expect(inAnthropicFormat).toMatchObject({ status: 404, body: { type: "error", error: { type: "not_found_error" } } });
    expect(await fx.db.feedback.count({ where: { tenantId: fx.tenant.tenantId, requestId: { in: [othersId, "req_fedcba9876543210fedcba9876543210"] } } })).toBe(0);

    // The owner may rate it; an id logged before ids were signed is found in the log.
    expect((await feedback(other.apiKey, { request_id: othersId, score: 0.5 })).status).toBe(201);
    expect((await feedback(fx.tenant.apiKey, { request_id: "req_0123456789abcdef0123456789abcdef", score: 0.5 })).status).toBe(201);
  });

  it("keeps one record per request and key: sending again, even at once, updates it", async () => {
    const requestId = await requestIdOf(fx.tenant.apiKey);
    expect((await feedback(fx.tenant.apiKey, { request_id: requestId, score: 0.1, comment: "first" })).status).toBe(201);
    const again = await Promise.all([0.3, 0.4, 0.5, 0.6].map((score) => feedback(fx.tenant.apiKey, { request_id: requestId, score })));
    expect(again.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect((await feedback(fx.tenant.apiKey, { request_id: requestId, score: 0.8, comment: "second" })).status).toBe(201);
    const stored = await fx.db.feedback.findMany({ where: { requestId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ score: 0.8, comment: "second" });
    const unstorable = await feedback(fx.tenant.apiKey, { request_id: requestId, score: 0.9, comment: "bad \u0000 byte" });
    expect(unstorable).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/^comment: /) } } });
  });

  it("takes a category correction only in the console's category-name form, naming a category the tenant has", async () => {
    const requestId = await requestIdOf(fx.tenant.apiKey);
    expect(await feedback(fx.tenant.apiKey, { request_id: requestId, category: "coding" })).toMatchObject({ status: 201, body: { category: "coding" } });
    const reserved = await feedback(fx.tenant.apiKey, { request_id: requestId, category: "constructor" });
    expect(reserved).toMatchObject({ status: 400, body: { error: { message: "category: A reserved name; pick another" } } });
    const malformed = await feedback(fx.tenant.apiKey, { request_id: requestId, category: "Legal" }, anthropicHeaders);
    expect(malformed).toMatchObject({ status: 400, body: { type: "error", error: { type: "invalid_request_error", message: expect.stringMatching(/^category: Lower-case/) } } });
    const unknown = await feedback(fx.tenant.apiKey, { request_id: requestId, category: "legal_review" });
    expect(unknown).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining("neither a built-in category") } } });
  });

  it("counts against the key's requests per minute, refusing with 429 and Retry-After in the caller's format", async () => {
    // Windows are whole minutes: start well inside one, so that all of these calls share it.
    const leftInMinute = 60_000 - (Date.now() % 60_000);
    if (leftInMinute < 5_000) await new Promise((resolve) => setTimeout(resolve, leftInMinute + 100));
    const requestId = await requestIdOf(fx.tenant.apiKey);
    for (let i = 0; i < RPM; i++) expect((await feedback(keys.limited, { request_id: requestId, score: 1 })).status).toBe(201);
    const refused = await feedback(keys.limited, { request_id: requestId, score: 1 });
    expect(refused).toMatchObject({ status: 429, body: { error: { type: "rate_limit_error", message: expect.stringContaining(`${RPM} requests per minute`) } } });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const inAnthropicFormat = await feedback(keys.limited, { request_id: requestId, score: 1 }, anthropicHeaders);
    expect(inAnthropicFormat).toMatchObject({ status: 429, body: { type: "error", error: { type: "rate_limit_error" } } });
  });
});
