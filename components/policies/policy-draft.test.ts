import { describe, expect, it } from "vitest";
import { policyFieldsSchema, type PolicyFields } from "@/server/console/schemas/policies";
import { EMPTY_RULE, fromDraft, toDraft } from "./policy-draft";

const fields = (rule: Partial<PolicyFields["rules"][number]>): PolicyFields => ({
  name: "p", description: null, baselineModelSlug: "gpt-5.4", defaultCategory: "coding", confidenceThreshold: 0.5, difficultyBarRaise: 10, cacheTtlSeconds: null,
  rules: [{ category: "coding", qualityBar: 70, allowedModels: [], fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null, evaluationShare: 0, judgeModel: null, ...rule }],
  customCategories: [],
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

describe("policy draft custom categories", () => {
  const withSupport = (): PolicyFields => {
    const base = fields({});
    return {
      ...base,
      rules: [...base.rules, { ...base.rules[0]!, category: "support" }],
      customCategories: [{ name: "support", keywords: ["refund", "order status"], metadata: { team: "support", tier: "gold" } }],
    };
  };

  it("shows keywords and metadata as comma-separated text and reads them back the same", () => {
    const draft = toDraft(withSupport());
    expect(draft.customCategories).toEqual([{ name: "support", keywords: "refund, order status", metadata: "team=support, tier=gold" }]);
    expect(policyFieldsSchema.parse(fromDraft(draft)).customCategories).toEqual(withSupport().customCategories);
  });

  it("reads what a person types: stray spaces and commas, a value holding '='", () => {
    const draft = toDraft(withSupport());
    draft.customCategories[0] = { name: " support ", keywords: " refund ,, chargeback, ", metadata: "team = support , note=a=b" };
    expect(policyFieldsSchema.parse(fromDraft(draft)).customCategories[0]).toEqual({ name: "support", keywords: ["refund", "chargeback"], metadata: { team: "support", note: "a=b" } });
  });

  it.each([
    ["a category without a rule", { name: "billing", keywords: "invoice", metadata: "" }, "customCategories.0.name", "Add a rule for this category"],
    ["a built-in name", { name: "coding", keywords: "invoice", metadata: "" }, "customCategories.0.name", "A built-in category; pick another name"],
    ["neither keywords nor metadata", { name: "support", keywords: " , ", metadata: "" }, "customCategories.0.keywords", "Give keywords, metadata or both"],
    ["a metadata pair without a value", { name: "support", keywords: "", metadata: "team" }, "customCategories.0.metadata.team", "Empty metadata value"],
  ])("refuses %s under its field", (_name, typed, path, message) => {
    const draft = toDraft(withSupport());
    draft.customCategories[0] = typed;
    const parsed = policyFieldsSchema.safeParse(fromDraft(draft));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([path, message]);
  });

  it("refuses the same category twice, and more keywords in all than matching may take", () => {
    const twice = { ...withSupport(), customCategories: [...withSupport().customCategories, ...withSupport().customCategories] };
    expect(policyFieldsSchema.safeParse(twice).error?.issues.map((i) => i.message)).toContain("Category appears twice");
    const many = Array.from({ length: 3 }, (_, c) => ({ name: `support${c}`, keywords: Array.from({ length: 40 }, (_, k) => `word${c}x${k}`), metadata: {} }));
    const base = fields({});
    const tooMany = { ...base, rules: [...base.rules, ...many.map((m) => ({ ...base.rules[0]!, category: m.name }))], customCategories: many };
    expect(policyFieldsSchema.safeParse(tooMany).error?.issues.map((i) => i.message)).toEqual(["At most 100 keywords in all"]);
  });

  it("treats a policy sent without custom categories as having none", () => {
    const { customCategories: _none, ...older } = fields({});
    expect(policyFieldsSchema.parse(older).customCategories).toEqual([]);
  });
});
