import { describe, expect, it } from "vitest";
import { snapshotFields } from "./snapshot-fields";

const stored = {
  id: "p1", name: "default", version: 4, baselineModelId: "gpt-5.4", defaultCategory: "general", confidenceThreshold: 0.6,
  difficultyBarRaise: 3, description: "Team default", cacheTtlSeconds: 600, customCategories: [],
  rules: {
    general: { qualityBar: 60, allowedModels: null, fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null, evaluationShare: 0.1, judgeModel: "gpt-5.4" },
    coding: { qualityBar: 75, allowedModels: ["gpt-5.4"], fallbackOrder: ["gpt-5.4"], maxCostUsd: 0.5, latencyTargetMs: 9000, evaluationShare: 0, judgeModel: null },
  },
};

describe("snapshotFields", () => {
  it("reads a snapshot back as editable fields, with 'any model' as an empty allowed list", () => {
    const read = snapshotFields(stored);
    expect(read).toEqual({
      ok: true,
      fields: {
        name: "default", description: "Team default", baselineModelSlug: "gpt-5.4", defaultCategory: "general", confidenceThreshold: 0.6, difficultyBarRaise: 3, cacheTtlSeconds: 600, storeBodiesMaxBytes: null,
        rules: [
          { category: "coding", qualityBar: 75, allowedModels: ["gpt-5.4"], fallbackOrder: ["gpt-5.4"], maxCostUsd: 0.5, latencyTargetMs: 9000, evaluationShare: 0, judgeModel: null },
          { category: "general", qualityBar: 60, allowedModels: [], fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null, evaluationShare: 0.1, judgeModel: "gpt-5.4" },
        ],
        customCategories: [],
      },
    });
  });

  it("reads custom categories back, leaving out what the editor does not keep", () => {
    const rules = { ...stored.rules, support: stored.rules.general };
    const customCategories = [{ name: "support", keywords: ["refund"], metadata: { team: "support" }, regex: "\\brefund\\b" }];
    const read = snapshotFields({ ...stored, rules, customCategories });
    expect(read.ok && read.fields.customCategories).toEqual([{ name: "support", keywords: ["refund"], metadata: { team: "support" } }]);
    // A custom category whose rule is gone is not a valid policy today.
    expect(snapshotFields({ ...stored, customCategories })).toEqual({ ok: false, problem: "customCategories.0.name: Add a rule for this category" });
  });

  it("reads fields an older snapshot lacks as what leaving them out meant", () => {
    const { description: _d, cacheTtlSeconds: _c, difficultyBarRaise: _r, ...older } = stored;
    const rules = { general: { qualityBar: 60, allowedModels: null, fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null } };
    const read = snapshotFields({ ...older, rules });
    expect(read.ok && read.fields).toMatchObject({ description: null, cacheTtlSeconds: null, storeBodiesMaxBytes: null, difficultyBarRaise: 0, rules: [{ category: "general", evaluationShare: 0, judgeModel: null }] });
  });

  it("names what keeps a stored version from being a valid policy today", () => {
    expect(snapshotFields(null)).toEqual({ ok: false, problem: "the stored version is not a policy" });
    expect(snapshotFields({ ...stored, defaultCategory: "math" })).toEqual({ ok: false, problem: "defaultCategory: The default category needs a rule" });
  });
});
