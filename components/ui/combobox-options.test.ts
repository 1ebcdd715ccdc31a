import { describe, expect, it } from "vitest";
import { filterOptions } from "./combobox-options";

const options = [
  { value: "gpt-5.4-mini", label: "gpt-5.4-mini", detail: "openai · $0.25 / $2" },
  { value: "gpt-5.4", label: "gpt-5.4", detail: "openai · $2.50 / $15" },
  { value: "claude-opus-4.6", label: "claude-opus-4.6", detail: "anthropic · $5 / $25" },
  { value: "my-gpt", label: "my-gpt", detail: "openai-compatible" },
];
const values = (query: string) => filterOptions(options, query).map((o) => o.value);

describe("filterOptions", () => {
  it("lists everything for an empty query", () => {
    expect(values("  ")).toEqual(options.map((o) => o.value));
  });

  it("puts an exact match first, then labels that start with the text", () => {
    expect(values("gpt-5.4")).toEqual(["gpt-5.4", "gpt-5.4-mini"]);
    expect(values("GPT")).toEqual(["gpt-5.4-mini", "gpt-5.4", "my-gpt"]);
  });

  it("searches the detail line and needs every word", () => {
    expect(values("anthropic")).toEqual(["claude-opus-4.6"]);
    expect(values("openai mini")).toEqual(["gpt-5.4-mini"]);
    expect(values("nothing")).toEqual([]);
  });
});
