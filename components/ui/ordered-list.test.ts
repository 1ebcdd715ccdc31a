import { describe, expect, it } from "vitest";
import { addItem, moveItem, removeItem } from "./ordered-list";

describe("ordered list edits", () => {
  const list = ["a", "b", "c"];

  it("adds at the end once", () => {
    expect(addItem(list, "d")).toEqual(["a", "b", "c", "d"]);
    expect(addItem(list, "b")).toEqual(list);
  });

  it("removes by value", () => {
    expect(removeItem(list, "b")).toEqual(["a", "c"]);
    expect(removeItem(list, "x")).toEqual(list);
  });

  it.each([
    [0, 1, ["b", "a", "c"]],
    [2, 1, ["a", "c", "b"]],
    [2, 0, ["c", "a", "b"]],
    [0, 9, ["b", "c", "a"]],
    [1, -1, ["b", "a", "c"]],
    [5, 0, ["a", "b", "c"]],
  ])("moves item %i to %i", (from, to, expected) => {
    expect(moveItem(list, from, to)).toEqual(expected);
    expect(list).toEqual(["a", "b", "c"]);
  });
});
