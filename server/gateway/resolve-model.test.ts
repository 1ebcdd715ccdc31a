import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG, DEFAULT_POLICY } from "../routing";
import type { CatalogModel } from "../routing/types";
import type { GatewayKey } from "./config-cache";
import { GatewayError } from "./gateway-error";
import type { TenantConfig } from "./load-tenant-config";
import { resolveModel } from "./resolve-model";

const NOW = new Date("2026-12-01T12:00:00Z");
const key: GatewayKey = {
  id: "k1", tenantId: "t1", teamId: null, policyId: null, name: "key", scopes: ["gateway"], monthlyBudgetUsd: null,
  teamBudgetUsd: null, rpmLimit: null, tpmLimit: null, expiresAt: null, revokedAt: null,
};

/** The default catalog with some models' lifecycle (or enabled flag) changed. */
function configWith(changes: Record<string, Partial<CatalogModel>>): TenantConfig {
  const policy = { ...DEFAULT_POLICY, id: "p1", name: "default" };
  return {
    tenantId: "t1",
    catalog: DEFAULT_CATALOG.map((m) => ({ ...m, ...changes[m.id] })),
    modelBaseUrls: new Map(),
    policiesById: new Map([[policy.id, policy]]),
    policiesByName: new Map([[policy.name, policy]]),
    defaultPolicyId: policy.id,
    credentials: new Map(),
    cacheTtlSecondsByPolicy: new Map(),
    evaluationBudgetUsd: null,
    learning: {},
  };
}

const retired = (replacementModelId: string | null, deprecatedAt = "2026-11-30T00:00:00Z") => ({ deprecatedAt, replacementModelId });

function refusal(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error("expected a GatewayError");
}

describe("resolveModel", () => {
  it("serves a current model as named, by slug or by the provider's model id", () => {
    const config = configWith({});
    expect(resolveModel("glm-5", key, config, NOW)).toMatchObject({ kind: "direct", model: { id: "glm-5" }, replaced: [] });
    const byProviderId = DEFAULT_CATALOG.find((m) => m.id === "gpt-5.4")!.providerModelId;
    expect(resolveModel(byProviderId, key, config, NOW)).toMatchObject({ kind: "direct", model: { id: "gpt-5.4" } });
  });

  it("follows a chain of retired models to the first current replacement, naming each one replaced", () => {
    const config = configWith({ "glm-5": retired("gemini-3-flash"), "gemini-3-flash": retired("gpt-5.4") });
    expect(resolveModel("glm-5", key, config, NOW)).toMatchObject({ model: { id: "gpt-5.4" }, replaced: ["glm-5", "gemini-3-flash"] });
  });

  it("keeps serving a model whose retirement date is still ahead", () => {
    const config = configWith({ "glm-5": retired("gpt-5.4", "2026-12-24T00:00:00Z") });
    expect(resolveModel("glm-5", key, config, NOW)).toMatchObject({ model: { id: "glm-5" }, replaced: [] });
  });

  it("refuses a retired model without a replacement, or whose replacements go round in a circle, with 404", () => {
    expect(refusal(() => resolveModel("glm-5", key, configWith({ "glm-5": retired(null) }), NOW))).toMatchObject({ status: 404 });
    const circle = configWith({ "glm-5": retired("gemini-3-flash"), "gemini-3-flash": retired("glm-5") });
    const error = refusal(() => resolveModel("glm-5", key, circle, NOW));
    expect(error.status).toBe(404);
    expect(error.message).toContain("no available replacement");
  });

  it("refuses a disabled replacement with 400", () => {
    const config = configWith({ "glm-5": retired("gpt-5.4"), "gpt-5.4": { enabled: false } });
    expect(refusal(() => resolveModel("glm-5", key, config, NOW))).toMatchObject({ status: 400 });
  });
});
