import { describe, expect, it } from "vitest";
import { modelOptions, type PickableModel } from "./model-options";

const model = (slug: string, change: Partial<PickableModel> = {}): PickableModel => ({
  slug, provider: "openai", inputPricePerMTok: 2.5, outputPricePerMTok: 15, quality: { coding: 88.4, math: 91 }, kind: "chat", enabled: true, ...change,
});

describe("model picker options", () => {
  it("shows provider, prices per 1M tokens and the category's quality", () => {
    expect(modelOptions([model("gpt-5.4")], "coding")).toEqual([
      { value: "gpt-5.4", label: "gpt-5.4", detail: "openai · $2.5 in / $15 out per 1M tokens · quality 88 for coding" },
    ]);
  });

  it("shows the best quality without a category, and says what is unknown or disabled", () => {
    expect(modelOptions([model("a")])[0]?.detail).toContain("quality 91 (best category)");
    expect(modelOptions([model("b", { inputPricePerMTok: null, quality: {}, enabled: false })])[0]?.detail).toBe("openai · ? in / $15 out per 1M tokens · quality unknown · disabled");
  });

  it("leaves out embedding models", () => {
    expect(modelOptions([model("text-embedding-3-small", { kind: "embedding" }), model("gpt-5.4")]).map((o) => o.value)).toEqual(["gpt-5.4"]);
  });
});
