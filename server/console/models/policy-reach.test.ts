import { describe, expect, it } from "vitest";
import { describeReach, policiesReaching, type PolicyForReach } from "./policy-reach";

const rule = (category: string, allowedModels: string[], fallbackOrder: string[] = []) => ({ category, allowedModels, fallbackOrder });

describe("policiesReaching", () => {
  it("counts a policy whose rule allows every model, though it never names the model", () => {
    const open: PolicyForReach = { id: "p1", name: "default", baselineModelSlug: "gpt-5.4", rules: [rule("math", []), rule("chat", ["glm-5"]), rule("coding", [])] };
    const reach = policiesReaching("claude-opus-4.6", [open]);
    expect(reach).toEqual([{ id: "p1", name: "default", named: false, anyModelCategories: ["coding", "math"] }]);
    expect(describeReach(reach[0]!)).toBe("default (any model in coding, math)");
  });

  it("leaves out a policy whose every rule lists only other models", () => {
    const closed: PolicyForReach = { id: "p2", name: "strict", baselineModelSlug: "gpt-5.4", rules: [rule("chat", ["glm-5"], ["gpt-5.4"]), rule("coding", ["gpt-5.4"])] };
    expect(policiesReaching("claude-opus-4.6", [closed])).toEqual([]);
  });

  it("names a policy that lists the model as baseline, allowed or fallback, even beside open rules", () => {
    const policies: PolicyForReach[] = [
      { id: "b", name: "by-baseline", baselineModelSlug: "m", rules: [rule("chat", ["x"])] },
      { id: "a", name: "by-allowed", baselineModelSlug: "x", rules: [rule("chat", ["m"])] },
      { id: "f", name: "by-fallback", baselineModelSlug: "x", rules: [rule("chat", ["x"], ["m"]), rule("math", [])] },
    ];
    const reach = policiesReaching("m", policies);
    expect(reach.map((r) => [r.id, r.named])).toEqual([["b", true], ["a", true], ["f", true]]);
    expect(reach.map(describeReach)).toEqual(["by-baseline", "by-allowed", "by-fallback"]);
  });
});
