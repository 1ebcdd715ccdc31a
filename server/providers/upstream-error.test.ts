import { describe, expect, it } from "vitest";
import { fromAnthropicStopReason, toAnthropicStopReason } from "./anthropic/stop-reason";
import { UpstreamError, extractErrorMessage, kindFromStatus, parseRetryAfter } from "./upstream-error";

describe("UpstreamError", () => {
  it.each([
    ["rate_limited", true],
    ["server", true],
    ["timeout", true],
    ["connection", true],
    ["stream_broken", false],
    ["bad_request", false],
    ["auth", false],
    ["not_found", false],
    ["unknown", false],
  ] as const)("%s is retryable: %s", (kind, retryable) => {
    expect(new UpstreamError({ status: 0, kind, message: "x", provider: "p" }).retryable).toBe(retryable);
  });

  it("classifies statuses", () => {
    expect([400, 401, 403, 404, 408, 413, 422, 429, 500, 502, 529].map(kindFromStatus)).toEqual([
      "bad_request",
      "auth",
      "auth",
      "not_found",
      "timeout",
      "bad_request",
      "bad_request",
      "rate_limited",
      "server",
      "server",
      "server",
    ]);
  });

  it("reads Retry-After as seconds, HTTP date or retry-after-ms", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(parseRetryAfter(new Headers({ "retry-after": "2.5" }), now)).toBe(2500);
    expect(parseRetryAfter(new Headers({ "retry-after": "Wed, 01 Jan 2025 00:00:10 GMT" }), now)).toBe(10_000);
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "150", "retry-after": "9" }), now)).toBe(150);
    expect(parseRetryAfter(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined();
  });

  it("extracts messages from JSON error bodies and keeps plain text bodies", () => {
    expect(extractErrorMessage('{"error":{"message":"bad key"}}')).toBe("bad key");
    expect(extractErrorMessage('{"error":"plain"}')).toBe("plain");
    expect(extractErrorMessage("<html>502 Bad Gateway</html>")).toBe("<html>502 Bad Gateway</html>");
  });
});

describe("Anthropic stop reasons", () => {
  it("map both ways", () => {
    expect(["end_turn", "stop_sequence", "max_tokens", "tool_use", "refusal", "weird"].map(fromAnthropicStopReason)).toEqual([
      "stop",
      "stop",
      "length",
      "tool_calls",
      "content_filter",
      "error",
    ]);
    expect((["stop", "length", "tool_calls", "content_filter", "error"] as const).map(toAnthropicStopReason)).toEqual([
      "end_turn",
      "max_tokens",
      "tool_use",
      "refusal",
      "end_turn",
    ]);
  });
});
