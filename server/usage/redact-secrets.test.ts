import { describe, expect, it } from "vitest";
import { LINEAR_RATIO_BOUND, measureGrowth } from "../testing/expect-linear-time";
import { redactSecrets } from "./redact-secrets";

describe("redactSecrets", () => {
  it.each([
    ["an OpenAI key", "use sk-proj-abcdefghijklmnop1234 here", "use [redacted key] here"],
    ["an Anthropic key", "key sk-ant-api03-AbCdEfGhIjKlMnOpQr", "key [redacted key]"],
    ["a gateway key", "sy_0123456789abcdefABCDEF", "[redacted key]"],
    ["an AWS key id", "AKIAIOSFODNN7EXAMPLE is mine", "[redacted key] is mine"],
    ["a bearer token", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc", "Authorization: Bearer [redacted token]"],
    ["a named secret", 'config {"api_key": "a1b2c3d4e5f6a7b8c9d0"}', 'config {"api_key": "[redacted]"}'],
    ["a password", "password=hunter22hunter22", "password=[redacted]"],
    ["an email", "write to jane.doe+news@example.co.uk today", "write to [redacted email] today"],
    ["a private key", "x -----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY----- y", "x [redacted private key] y"],
    ["a private key without its end", "x -----BEGIN PRIVATE KEY-----\nMIIEow", "x [redacted private key]"],
  ])("replaces %s with a marker", (_name, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it("leaves ordinary text, short words and code alone", () => {
    const text = "Write a function sum(a, b) { return a + b; } and a token-bucket limiter; the task-id is 42.";
    expect(redactSecrets(text)).toBe(text);
  });

  // Inputs built to make a backtracking pattern rescan a run from each of its positions.
  it.each([
    ["a long run of local-part characters", (n: number) => "a".repeat(n)],
    ["many at signs", (n: number) => "a@".repeat(n / 2)],
    ["dotted domains without a top level", (n: number) => `x@${"a.".repeat(n / 2)}1`],
    ["repeated key prefixes", (n: number) => "sk-".repeat(n / 3)],
    ["private-key headers without an end", (n: number) => "-----BEGIN PRIVATE KEY-----".repeat(n / 27)],
    ["secret names without values", (n: number) => "api_key=".repeat(n / 8)],
    ["a long hex run", (n: number) => "f".repeat(n) + "g"],
  ])("runs in linear time on %s", (name, make) => {
    // Sizes stay near the largest cap (256 KiB): past a few hundred KiB the nine passes over the
    // text outgrow the CPU's caches and the timings measure memory, not the patterns.
    const g = measureGrowth(make, redactSecrets, 2_000, 0.5, 5);
    expect(g.ratio, `${name}: ${g.smallMs.toFixed(2)} → ${g.largeMs.toFixed(2)} ms`).toBeLessThan(LINEAR_RATIO_BOUND);
  });
});
