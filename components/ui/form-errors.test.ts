import { describe, expect, it } from "vitest";
import { z } from "zod";
import { firstIssueMessage, zodFieldErrors } from "./form-errors";

const schema = z.object({
  maxTokens: z.number().int().min(1),
  name: z.string().min(1),
  tags: z.array(z.string()).min(1),
  kind: z.enum(["chat", "embedding"]),
  rules: z.array(z.object({ qualityBar: z.number().max(100, "0 to 100") })),
});
const labels = { maxTokens: "Max tokens", name: "Name", tags: "Tags", kind: "Kind", "rules.0.qualityBar": "Quality bar" };
const errorsOf = (input: unknown) => zodFieldErrors(schema.safeParse(input).error!, labels);
const valid = { maxTokens: 5, name: "n", tags: ["a"], kind: "chat", rules: [] };

describe("form errors in words", () => {
  it.each([
    ["a number that is not one", { maxTokens: Number.NaN }, "maxTokens", "Enter a number for Max tokens"],
    ["a fraction where a whole number goes", { maxTokens: 1.5 }, "maxTokens", "Enter a whole number for Max tokens"],
    ["a number under the minimum", { maxTokens: 0 }, "maxTokens", "Max tokens must be at least 1"],
    ["an empty text", { name: "" }, "name", "Fill in Name"],
    ["an empty list", { tags: [] }, "tags", "Pick at least one for Tags"],
    ["a value off the list", { kind: "other" }, "kind", "Pick one of the options for Kind"],
  ])("names the field for %s", (_case, change, path, message) => {
    expect(errorsOf({ ...valid, ...change })[path]).toBe(message);
  });

  it("keeps the schema's own message and finds labels by full path", () => {
    expect(errorsOf({ ...valid, rules: [{ qualityBar: 150 }] })).toEqual({ "rules.0.qualityBar": "0 to 100" });
    expect(errorsOf({ ...valid, rules: [{ qualityBar: Number.NaN }] })).toEqual({ "rules.0.qualityBar": "Enter a number for Quality bar" });
  });

  it("never shows zod's default text, even for a field without a label", () => {
    const error = z.object({ budget: z.number() }).safeParse({ budget: Number.NaN }).error!;
    expect(firstIssueMessage(error)).toBe("Enter a number for this field");
    expect(firstIssueMessage(error, { budget: "Monthly budget" })).toBe("Enter a number for Monthly budget");
  });
});
