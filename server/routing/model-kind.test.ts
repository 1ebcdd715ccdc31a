import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG, DEFAULT_POLICY } from "./defaults";
import { leanSelector } from "./lean-select-model";
import { route } from "./route";
import type { CatalogModel } from "./types";

/** An embedding model that would win every chat request were it a chat model: free, top quality, huge context. */
const tempting: CatalogModel = {
  ...DEFAULT_CATALOG[0]!, id: "free-embedder", kind: "embedding", inputPricePerMTok: 0, outputPricePerMTok: 0, contextWindow: 10_000_000,
  quality: { coding: 100, science: 100, math: 100, computer_use: 100, general: 100 },
};
const catalog = [tempting, ...DEFAULT_CATALOG];
const prompts = ["Fix this TypeScript error: x is undefined", "Prove that sqrt(2) is irrational", "Say hi"];

describe("routing and embedding models", () => {
  it("never chooses an embedding model, nor offers one as a fallback or candidate, for a chat request", () => {
    for (const content of prompts) {
      const decision = route({ request: { messages: [{ role: "user", content }] }, catalog, policy: DEFAULT_POLICY, unhealthy: {}, now: new Date() });
      expect(decision.model?.kind ?? "chat").toBe("chat");
      expect(decision.fallbacks.every((m) => (m.kind ?? "chat") === "chat")).toBe(true);
      expect(decision.candidates.map((c) => c.modelId)).not.toContain("free-embedder");
      expect(decision.candidates.map((c) => c.modelId)).not.toContain("text-embedding-3-small");
    }
  });

  it("leaves embedding models out of the what-if replays' selector too", () => {
    const choose = leanSelector(catalog, DEFAULT_POLICY.rules.general!, "general", {}, new Date());
    expect(choose(0, 100, 100).model?.kind ?? "chat").toBe("chat");
  });
});
