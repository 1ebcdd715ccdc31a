// Embedding models in the console: one added there keeps its kind, is listed with it and reaches
// the gateway's catalog, where routing leaves it out of chat requests; policies cannot name one.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { loadTenantConfig } from "../gateway/load-tenant-config";
import { route } from "../routing";
import { makeConsoleFixture } from "./testing/console-fixture";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

describe("embedding models in the console", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
  });

  it("creates a custom embedding model, lists its kind and keeps it out of chat routing", async () => {
    const admin = fx.as(fx.a.users.admin.id);
    const fields = {
      displayName: "Local embedder", providerModelId: "nomic-embed-text", inputPricePerMTok: 0, outputPricePerMTok: 0, contextWindow: 8192,
      quality: { general: 100 }, latencyMs: 50, enabled: true, baseUrl: "http://127.0.0.1:8000/v1", kind: "embedding" as const,
    };
    await admin.models.createCustom({ slug: "local-embedder", provider: "openai-compatible", fields });
    const listed = await admin.models.list();
    expect(listed.find((m) => m.slug === "local-embedder")?.kind).toBe("embedding");
    expect(listed.find((m) => m.slug === "gpt-5.4")?.kind).toBe("chat");

    const config = await loadTenantConfig(t.db, fx.a.tenant.id);
    const embedder = config.catalog.find((m) => m.id === "local-embedder");
    expect(embedder?.kind).toBe("embedding");
    const policy = config.policiesById.get(fx.a.policy.id)!;
    // Free and scored 100: the router's first choice for general prompts, were it a chat model.
    const decision = route({ request: { messages: [{ role: "user", content: "Say hello" }] }, catalog: config.catalog, policy, unhealthy: {}, now: new Date() });
    expect(decision.model?.id).not.toBe("local-embedder");
    expect(decision.candidates.map((c) => c.modelId)).not.toContain("local-embedder");

    // An edit that leaves the kind out keeps it.
    const { kind: _kind, ...withoutKind } = fields;
    await admin.models.update({ slug: "local-embedder", fields: { ...withoutKind, displayName: "Local embedder v2" } });
    expect((await admin.models.list()).find((m) => m.slug === "local-embedder")).toMatchObject({ kind: "embedding", displayName: "Local embedder v2" });
  });

  it("refuses a policy that names an embedding model as allowed, fallback, judge or baseline", async () => {
    const admin = fx.as(fx.a.users.admin.id);
    const policy = (rule: Record<string, unknown>, baselineModelSlug = "gpt-5.4") => ({
      name: `p-${Object.keys(rule).join("-") || "baseline"}`, description: null, baselineModelSlug, defaultCategory: "coding", confidenceThreshold: 0.5, difficultyBarRaise: 0, cacheTtlSeconds: null,
      rules: [{ category: "coding", qualityBar: 50, allowedModels: [], fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null, ...rule }],
    });
    await expect(admin.policies.create(policy({ allowedModels: ["gpt-5.4", "text-embedding-3-small"] }))).rejects.toMatchObject({
      code: "BAD_REQUEST", message: expect.stringContaining('Embedding models cannot serve chat requests, in rule "coding": text-embedding-3-small'),
    });
    await expect(admin.policies.create(policy({ fallbackOrder: ["text-embedding-3-large"] }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.policies.create(policy({ evaluationShare: 0.1, judgeModel: "gemini-embedding-001" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.policies.create(policy({}, "text-embedding-3-small"))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("is an embedding model") });
    await expect(admin.policies.create(policy({ allowedModels: ["gpt-5.4"] }))).resolves.toBeTruthy();
  });
});
