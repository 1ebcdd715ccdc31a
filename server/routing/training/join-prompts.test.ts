import { describe, expect, it } from "vitest";
import type { LabelledRow } from "./build-classifier";
import { joinPrompts } from "./join-prompts";

const rows: LabelledRow[] = [];
for (const [source, category] of [["a", "math"], ["b", "math"], ["c", "science"]] as const) {
  for (let i = 0; i < 20; i++) rows.push({ id: `${source}-${i}`, source, category, prompt: `${source} prompt ${i} ${"x".repeat(i * 100)}` });
}
rows.push({ id: "d-0", source: "d", category: "general", prompt: "too few to join" });

describe("joined training prompts", () => {
  it("joins 2 to 4 prompts of one source and category, within the length limit", () => {
    const joined = joinPrompts(rows, 0.5);
    expect(joined).toHaveLength(30);
    for (const r of joined) {
      const parts = r.prompt.split("\n\n");
      expect(parts.length).toBeGreaterThanOrEqual(2);
      expect(parts.length).toBeLessThanOrEqual(4);
      expect(r.prompt.length).toBeLessThanOrEqual(4000);
      for (const p of parts) expect(rows.find((x) => x.prompt === p)).toMatchObject({ source: r.source, category: r.category });
    }
    expect(joined.some((r) => r.source === "d")).toBe(false);
  });

  it("is deterministic, and a group's rows do not depend on the share or on other groups", () => {
    expect(joinPrompts(rows, 0)).toEqual([]);
    const small = joinPrompts(rows, 0.25);
    const large = joinPrompts(rows, 0.5);
    for (const r of small) expect(large.find((x) => x.id === r.id)).toEqual(r);
    const withoutA = joinPrompts(rows.filter((r) => r.source !== "a"), 0.5);
    for (const r of withoutA) expect(large.find((x) => x.id === r.id)).toEqual(r);
  });
});
