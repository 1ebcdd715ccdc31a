import { describe, expect, it } from "vitest";
import { buildBudgetBurn, buildTopSpenders } from "./build-owner-spend";
import type { OwnerSpendRow } from "./query-spend-by-owner";

const rows: OwnerSpendRow[] = [
  { kind: "team", id: "t1", requests: 10, costUsd: 4 },
  { kind: "team", id: "", requests: 5, costUsd: 6 },
  { kind: "team", id: "gone", requests: 1, costUsd: 1 },
  { kind: "key", id: "k1", requests: 10, costUsd: 4 },
  { kind: "key", id: "k2", requests: 6, costUsd: 7 },
];
const names = { teams: new Map([["t1", "Platform"]]), keys: new Map([["k1", "Backend"], ["k2", "Batch"]]) };

describe("buildTopSpenders", () => {
  it("ranks by spend, names teams and keys, and labels traffic without an owner", () => {
    const top = buildTopSpenders(rows, names);
    expect(top.teams.map((t) => [t.id, t.name, t.costUsd])).toEqual([[null, "No team", 6], ["t1", "Platform", 4], ["gone", "gone", 1]]);
    expect(top.keys.map((k) => k.name)).toEqual(["Batch", "Backend"]);
  });

  it("keeps only the top entries", () => {
    expect(buildTopSpenders(rows, names, 1).teams).toHaveLength(1);
  });
});

describe("buildBudgetBurn", () => {
  it("shows every budget, $0 spent when there was no traffic, fullest first", () => {
    const burn = buildBudgetBurn(
      [
        { kind: "team", id: "t1", name: "Platform", budgetUsd: 8 },
        { kind: "key", id: "k3", name: "Idle", budgetUsd: 50 },
        { kind: "key", id: "k2", name: "Batch", budgetUsd: 5 },
      ],
      rows,
      0.4,
    );
    expect(burn.map((b) => [b.name, b.spentUsd, b.usedShare])).toEqual([["Batch", 7, 1.4], ["Platform", 4, 0.5], ["Idle", 0, 0]]);
    expect(burn[0]!.monthElapsedShare).toBe(0.4);
  });

  it("a zero budget has no meaningful share", () => {
    expect(buildBudgetBurn([{ kind: "key", id: "k1", name: "Backend", budgetUsd: 0 }], rows, 0.5)[0]!.usedShare).toBeNull();
  });
});
