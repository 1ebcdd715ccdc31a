import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG } from "../routing/defaults";
import type { CatalogModel } from "../routing/types";
import { embeddingPlan } from "./handle-embeddings";
import type { TenantConfig } from "./load-tenant-config";

const small = DEFAULT_CATALOG.find((m) => m.id === "text-embedding-3-small")!;
const twin = (id: string, provider: string): CatalogModel => ({ ...small, id, provider });
const now = new Date();

function configOf(catalog: CatalogModel[], credentials: string[], modelBaseUrls: Record<string, string> = {}): TenantConfig {
  return {
    tenantId: "t", catalog, modelBaseUrls: new Map(Object.entries(modelBaseUrls)), policiesById: new Map(), policiesByName: new Map(), defaultPolicyId: null,
    credentials: new Map(credentials.map((p) => [p, { apiKey: "k", baseUrl: null }])), cacheTtlSecondsByPolicy: new Map(), evaluationBudgetUsd: null,
    learning: {} as TenantConfig["learning"],
  };
}

describe("embedding fallback plan", () => {
  it("holds the model, then other enabled entries of the same provider model, never a simulated one for a real model", () => {
    const backup = twin("small-backup", "openai-compatible");
    const simulatedTwin = twin("small-sim", "simulated");
    const disabled = { ...twin("small-off", "openai-compatible"), enabled: false };
    const other = DEFAULT_CATALOG.find((m) => m.id === "text-embedding-3-large")!;
    const catalog = [small, backup, simulatedTwin, disabled, other];
    const config = configOf(catalog, ["openai"], { "small-backup": "https://backup.example/v1", "small-off": "https://off.example/v1" });
    expect(embeddingPlan(small, config, now).map((m) => m.id)).toEqual(["text-embedding-3-small", "small-backup"]);
    // In demo mode (no credentials, no base URLs) every entry is simulated, so all enabled twins qualify.
    expect(embeddingPlan(small, configOf(catalog, []), now).map((m) => m.id)).toEqual(["text-embedding-3-small", "small-backup", "small-sim"]);
  });

  it("refuses a model whose provider has no embeddings API", () => {
    const claude = { ...twin("claude-embed", "anthropic"), providerModelId: "claude-embed" };
    expect(() => embeddingPlan(claude, configOf([claude], ["anthropic"]), now)).toThrow(/no embeddings API/);
  });
});
