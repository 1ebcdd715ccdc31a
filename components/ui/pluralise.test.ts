import { describe, expect, it } from "vitest";
import { pluralise, pluraliseCapped } from "./pluralise";

describe("pluralise", () => {
  it.each([
    [0, "key", undefined, "0 keys"],
    [1, "key", undefined, "1 key"],
    [2, "key", undefined, "2 keys"],
    [1250, "request", undefined, "1,250 requests"],
    [1, "policy", "policies", "1 policy"],
    [3, "policy", "policies", "3 policies"],
  ])("%i %s", (count, singular, plural, expected) => {
    expect(pluralise(count, singular, plural)).toBe(expected);
  });
});

describe("pluraliseCapped", () => {
  it("says a count that reached its cap with a plus, in the plural", () => {
    expect(pluraliseCapped({ count: 10_000, capped: true }, "entry", "entries")).toBe("10,000+ entries");
  });

  it("says an exact count as pluralise does", () => {
    expect(pluraliseCapped({ count: 1, capped: false }, "entry", "entries")).toBe("1 entry");
    expect(pluraliseCapped({ count: 10_000, capped: false }, "request")).toBe("10,000 requests");
  });
});
