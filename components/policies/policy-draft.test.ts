import { describe, expect, it } from "vitest";
import { policyFieldsSchema, type PolicyFields } from "@/server/console/schemas/policies";
import { EMPTY_RULE, fromDraft, toDraft } from "./policy-draft";

const fields = (rule: Partial<PolicyFields["rules"][number]>): PolicyFields => ({
  name: "p", description: null, baselineModelSlug: "gpt-5.4", defaultCategory: "coding", confidenceThreshold: 0.5, difficultyBarRaise: 10, cacheTtlSeconds: null,
  rules: [{ category: "coding", qualityBar: 70, allowedModels: [], fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null, evaluationShare: 0, judgeModel: null, ...rule }],
});

describe("policy draft evaluation settings", () => {
  it("shows a stored share as a percent and reads it back as the same share", () => {
    const draft = toDraft(fields({ evaluationShare: 0.07, judgeModel: "gpt-5.4" }));
    expect(draft.rules[0]).toMatchObject({ evaluationSharePct: "7", judgeModel: "gpt-5.4" });
    expect(policyFieldsSchema.parse(fromDraft(draft)).rules[0]).toMatchObject({ evaluationShare: 0.07, judgeModel: "gpt-5.4" });
  });

  it("reads a blank percent as no evaluations and an empty judge as none", () => {
    const draft = toDraft(fields({}));
    draft.rules[0] = { ...draft.rules[0]!, evaluationSharePct: " ", judgeModel: "" };
    expect(policyFieldsSchema.parse(fromDraft(draft)).rules[0]).toMatchObject({ evaluationShare: 0, judgeModel: null });
    expect(EMPTY_RULE).toMatchObject({ evaluationSharePct: "0", judgeModel: "" });
  });

  it.each([
    ["above 100 %", "150", "gpt-5.4", "rules.0.evaluationShare"],
    ["not a number", "five", "gpt-5.4", "rules.0.evaluationShare"],
    ["a share without a judge", "5", "", "rules.0.judgeModel"],
  ])("refuses %s at the field the editor shows it under", (_name, pct, judge, path) => {
    const draft = toDraft(fields({}));
    draft.rules[0] = { ...draft.rules[0]!, evaluationSharePct: pct, judgeModel: judge };
    const parsed = policyFieldsSchema.safeParse(fromDraft(draft));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual([path]);
  });
});

describe("policy draft model lists", () => {
  it("keeps picked models as lists, in their order, both ways", () => {
    const draft = toDraft(fields({ allowedModels: ["gpt-5.4", "claude-opus-4.6"], fallbackOrder: ["claude-opus-4.6", "gpt-5.4"] }));
    expect(draft.rules[0]).toMatchObject({ allowedModels: ["gpt-5.4", "claude-opus-4.6"], fallbackOrder: ["claude-opus-4.6", "gpt-5.4"] });
    expect(policyFieldsSchema.parse(fromDraft(draft)).rules[0]).toMatchObject({ fallbackOrder: ["claude-opus-4.6", "gpt-5.4"] });
  });

  it("asks for a baseline model that was never picked", () => {
    const draft = { ...toDraft(fields({})), baselineModelSlug: "" };
    expect(policyFieldsSchema.safeParse(fromDraft(draft)).error?.issues.map((i) => i.message)).toEqual(["Pick a baseline model"]);
  });
});
