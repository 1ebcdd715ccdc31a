import { describe, expect, it } from "vitest";
import { diffPolicySnapshots } from "./diff-policy-snapshots";

describe("diffPolicySnapshots", () => {
  it.each([
    ["no change", { a: 1 }, { a: 1 }, []],
    ["a changed leaf", { rules: { coding: { qualityBar: 70 } } }, { rules: { coding: { qualityBar: 75 } } }, [{ path: "rules.coding.qualityBar", before: 70, after: 75 }]],
    ["an added rule", { rules: {} }, { rules: { math: { qualityBar: 60 } } }, [{ path: "rules.math", before: null, after: { qualityBar: 60 } }]],
    ["a removed field", { cacheTtlSeconds: 60 }, {}, [{ path: "cacheTtlSeconds", before: 60, after: null }]],
    ["arrays compare whole", { f: ["a", "b"] }, { f: ["b", "a"] }, [{ path: "f", before: ["a", "b"], after: ["b", "a"] }]],
    ["an evaluation share set on a rule", { rules: { coding: { evaluationShare: 0, judgeModel: null } } }, { rules: { coding: { evaluationShare: 0.05, judgeModel: "gpt-5.4" } } }, [
      { path: "rules.coding.evaluationShare", before: 0, after: 0.05 },
      { path: "rules.coding.judgeModel", before: null, after: "gpt-5.4" },
    ]],
    ["a snapshot stored before evaluations existed", { rules: { coding: { qualityBar: 70 } } }, { rules: { coding: { qualityBar: 70, evaluationShare: 0, judgeModel: null } } }, []],
    ["version and id are not changes", { version: 1, id: "x", name: "p" }, { version: 2, id: "y", name: "p" }, []],
  ])("%s", (_name, before, after, expected) => {
    expect(diffPolicySnapshots(before, after)).toEqual(expected);
  });
});
