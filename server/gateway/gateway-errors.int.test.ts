// Every refusal arrives in the caller's own error format, so both official SDKs raise their
// typed errors; failures after authentication are logged like any other request.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { createOrderedPolicy, issueTestKey } from "../testing/seed-gateway-tenant";
import { setupGateway, waitForRequestLogs } from "../testing/setup-gateway";

const keys = { revoked: "", expired: "", noScope: "", routeOnly: "" };
const fx = setupGateway({
  prepare: async ({ db, tenant }) => {
    keys.revoked = await issueTestKey(db, tenant.tenantId, { revokedAt: new Date(Date.now() - 60_000) });
    keys.expired = await issueTestKey(db, tenant.tenantId, { expiresAt: new Date(Date.now() - 60_000) });
    keys.noScope = await issueTestKey(db, tenant.tenantId, { scopes: ["console"] });
    keys.routeOnly = await issueTestKey(db, tenant.tenantId, { scopes: ["route"] });
    // Allows only a model the catalog does not have: nothing can serve its requests.
    await createOrderedPolicy(db, tenant.tenantId, "nothing", ["no-such-model"]);
  },
});

const openai = (apiKey = fx.tenant.apiKey) => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey, maxRetries: 0 });
const anthropic = (apiKey = fx.tenant.apiKey) => new Anthropic({ baseURL: fx.gateway.baseUrl.replace(/\/v1$/, ""), apiKey, maxRetries: 0 });
const hi = [{ role: "user" as const, content: "Hi" }];

const askOpenAI = (apiKey?: string, body: Record<string, unknown> = {}) =>
  openai(apiKey).chat.completions.create({ model: "auto", messages: hi, ...body } as OpenAI.ChatCompletionCreateParamsNonStreaming).catch((e: unknown) => e);
const askAnthropic = (apiKey?: string, body: Record<string, unknown> = {}) =>
  anthropic(apiKey).messages.create({ model: "auto", max_tokens: 50, messages: hi, ...body } as Anthropic.MessageCreateParamsNonStreaming).catch((e: unknown) => e);

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${fx.gateway.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${fx.tenant.apiKey}`, ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("gateway errors in the caller's format", () => {
  it("rejects invalid JSON with 400 in each format", async () => {
    const viaOpenAI = await post("/chat/completions", "{not json");
    expect(viaOpenAI).toMatchObject({ status: 400, body: { error: { type: "invalid_request_error", message: expect.stringContaining("JSON") } } });
    const viaAnthropic = await post("/messages", "{not json");
    expect(viaAnthropic).toMatchObject({ status: 400, body: { type: "error", error: { type: "invalid_request_error" } } });
  });

  it("rejects wrong field types as BadRequestError", async () => {
    expect(await askOpenAI(undefined, { messages: "hello" })).toBeInstanceOf(OpenAI.BadRequestError);
    expect(await askOpenAI(undefined, { temperature: "hot" })).toBeInstanceOf(OpenAI.BadRequestError);
    expect(await askAnthropic(undefined, { max_tokens: "many" })).toBeInstanceOf(Anthropic.BadRequestError);
  });

  it("refuses bodies over the size limit with 413", async () => {
    const huge = "x".repeat(21 * 1024 * 1024);
    const error = await askOpenAI(undefined, { messages: [{ role: "user", content: huge }] });
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(413);
    expect(await askAnthropic(undefined, { messages: [{ role: "user", content: huge }] })).toBeInstanceOf(Anthropic.ContentTooLargeError);
  });

  it("answers 404 for an unknown model or policy", async () => {
    expect(await askOpenAI(undefined, { model: "gpt-0" })).toBeInstanceOf(OpenAI.NotFoundError);
    expect(await askOpenAI(undefined, { model: "policy/missing" })).toBeInstanceOf(OpenAI.NotFoundError);
    expect(await askAnthropic(undefined, { model: "claude-0" })).toBeInstanceOf(Anthropic.NotFoundError);
  });

  it("answers an unknown path with 404 and an unserved method with 405, as JSON in each format", async () => {
    const viaOpenAI = await openai().post("/images/generations", { body: { model: "auto", prompt: "Hi" } }).catch((e: unknown) => e);
    expect(viaOpenAI).toBeInstanceOf(OpenAI.NotFoundError);
    expect((viaOpenAI as InstanceType<typeof OpenAI.NotFoundError>).message).toMatch(/Unknown path POST \/v1\/images\/generations\. This gateway serves POST \/v1\/chat\/completions/);
    const viaAnthropic = await anthropic().post("/v1/messages/batches", { body: {} }).catch((e: unknown) => e);
    expect(viaAnthropic).toBeInstanceOf(Anthropic.NotFoundError);
    expect((viaAnthropic as InstanceType<typeof Anthropic.NotFoundError>).error).toMatchObject({ type: "error", error: { type: "not_found_error" } });

    const wrongMethod = await fetch(`${fx.gateway.baseUrl}/chat/completions`, { headers: { authorization: `Bearer ${fx.tenant.apiKey}` } });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
    expect(await wrongMethod.json()).toEqual({ error: { message: "GET is not supported on /v1/chat/completions; use POST", type: "invalid_request_error", param: null, code: null } });
  });

  it("answers 401 for a missing, unknown, revoked or expired key", async () => {
    const missing = await fetch(`${fx.gateway.baseUrl}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { type: "authentication_error" } });
    for (const key of ["sy_unknown_key_000000000000", keys.revoked, keys.expired]) {
      expect(await askOpenAI(key)).toBeInstanceOf(OpenAI.AuthenticationError);
      expect(await askAnthropic(key)).toBeInstanceOf(Anthropic.AuthenticationError);
    }
    expect(await openai("sy_unknown_key_000000000000").models.list().catch((e: unknown) => e)).toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it("answers 403 for a key without the gateway scope", async () => {
    expect(await askOpenAI(keys.noScope)).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(await askAnthropic(keys.noScope)).toBeInstanceOf(Anthropic.PermissionDeniedError);
  });

  it("lets a narrow scope use only its endpoint", async () => {
    const bearer = { authorization: `Bearer ${keys.routeOnly}` };
    expect((await post("/route", JSON.stringify({ prompt: "Sort a list in Python" }), bearer)).status).toBe(200);
    const feedback = await post("/feedback", JSON.stringify({ request_id: "req_x", score: 1 }), bearer);
    expect(feedback).toMatchObject({ status: 403, body: { error: { type: "permission_error", message: expect.stringContaining("'feedback'") } } });
    expect((await openai(keys.routeOnly).models.list()).data.map((m) => m.id)).toContain("auto");
  });

  it("answers 503 when no model of the policy can serve", async () => {
    const error = await askOpenAI(undefined, { model: "policy/nothing" });
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(503);
    expect(await askAnthropic(undefined, { model: "policy/nothing" })).toBeInstanceOf(Anthropic.ServiceUnavailableError);
  });

  it("logs the refusals that came with a valid key, once each", async () => {
    // 400 x5, 413 x2, 404 x3, 503 x2 with the demo key; 403 x2 with the scope-less key.
    const logs = await waitForRequestLogs(fx, 14);
    expect(logs).toHaveLength(14);
    expect(logs.map((log) => log.status).sort()).toEqual([400, 400, 400, 400, 400, 403, 403, 404, 404, 404, 413, 413, 503, 503]);
    expect(logs.every((log) => log.errorClass === "request_error")).toBe(true);
  });
});
