import { describe, expect, it } from "vitest";
import { policyChoices } from "./policy-choices";

describe("the key form's policy choices", () => {
  it("names the default once, as the organisation's default", () => {
    const choices = policyChoices([
      { id: "p1", name: "default", isDefault: true },
      { id: "p2", name: "cheap", isDefault: false },
    ]);
    expect(choices).toEqual({ emptyLabel: "Organisation default (now default)", options: [{ value: "p2", label: "cheap" }] });
  });

  it("still offers the organisation default when no policy is marked", () => {
    expect(policyChoices([])).toEqual({ emptyLabel: "Organisation default", options: [] });
  });
});
