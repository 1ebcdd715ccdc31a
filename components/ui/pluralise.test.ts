import { describe, expect, it } from "vitest";
import { pluralise } from "./pluralise";

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
