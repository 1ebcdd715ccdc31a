// The console and the gateway may run in different processes: a change announced through the
// database reaches the gateway's caches at once, not after their TTL.
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { hashApiKey } from "../auth/api-key-secret";
import { issueTestKey } from "../testing/seed-gateway-tenant";
import { setupGateway } from "../testing/setup-gateway";
import { invalidateKey, invalidateTenant } from "./config-cache";

const keys = { doomed: "" };
const fx = setupGateway({
  prepare: async ({ db, tenant }) => {
    keys.doomed = await issueTestKey(db, tenant.tenantId);
  },
});

const ask = (apiKey: string, model = "auto") =>
  new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey, maxRetries: 0 }).chat.completions
    .create({ model, messages: [{ role: "user", content: "Say hello" }] })
    .catch((e: unknown) => e);

describe("cache invalidation across processes", () => {
  it("refuses a key revoked by another process on the very next call", async () => {
    expect(await ask(keys.doomed)).toMatchObject({ object: "chat.completion" });
    await fx.db.apiKey.update({ where: { hash: hashApiKey(keys.doomed) }, data: { revokedAt: new Date() } });
    // Cached in the gateway process: still accepted until it hears of the change.
    expect(await ask(keys.doomed)).toMatchObject({ object: "chat.completion" });
    await invalidateKey(fx.db, hashApiKey(keys.doomed));
    await expect.poll(async () => ask(keys.doomed), { timeout: 5_000 }).toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it("sees a new routing policy as soon as it is announced", async () => {
    const policy = await fx.db.routingPolicy.findFirstOrThrow({ where: { tenantId: fx.tenant.tenantId, isDefault: true }, include: { rules: true } });
    expect(await ask(fx.tenant.apiKey, "policy/fresh")).toBeInstanceOf(OpenAI.NotFoundError);
    await fx.db.routingPolicy.create({
      data: {
        tenantId: fx.tenant.tenantId, name: "fresh", baselineModelSlug: policy.baselineModelSlug,
        rules: { create: policy.rules.map(({ id: _id, policyId: _policyId, ...rule }) => rule) },
      },
    });
    await invalidateTenant(fx.db, fx.tenant.tenantId);
    await expect.poll(async () => ask(fx.tenant.apiKey, "policy/fresh"), { timeout: 5_000 }).toMatchObject({ object: "chat.completion" });
  });
});
