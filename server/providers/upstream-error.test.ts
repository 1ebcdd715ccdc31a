import { describe, expect, it } from "vitest";
import { fromAnthropicStopReason, toAnthropicStopReason } from "./anthropic/stop-reason";
import { UpstreamError, errorFromResponse, extractErrorMessage, kindFromStatus, parseRetryAfter, reportedError } from "./upstream-error";

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
    ["blocked", false],
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

describe("what an upstream error tells callers", () => {
  const secretBody = JSON.stringify({ error: { message: "db-primary.internal:5432 refused; token sk-live-0123456789abcdef", type: "server_error", code: "sk-live-0123456789abcdef" } });

  it("gives the status and a plain error code, keeping the body's message for the logs", () => {
    const error = errorFromResponse("openai", 500, secretBody, new Headers());
    expect(error.message).toBe("openai: HTTP 500 (server_error)");
    expect(error.detail).toContain("db-primary.internal");
  });

  it("falls back to a generic reason for bodies without a plain code (HTML, text, odd codes)", () => {
    expect(errorFromResponse("openai-compatible", 502, "<html>upstream 10.0.0.7:8080 down</html>", new Headers()).message).toBe("openai-compatible: HTTP 502 (server error)");
    expect(errorFromResponse("openai", 400, '{"error":{"message":"x","code":"see http://10.0.0.7/"}}', new Headers()).message).toBe("openai: HTTP 400 (request refused)");
    expect(errorFromResponse("google", 429, '{"error":{"code":429,"status":"RESOURCE_EXHAUSTED"}}', new Headers()).message).toBe("google: HTTP 429 (RESOURCE_EXHAUSTED)");
  });

  it("describes errors reported inside an answer the same way", () => {
    const error = reportedError("anthropic", 529, "server", { type: "overloaded_error", message: "overloaded near 10.0.0.7" });
    expect(error).toMatchObject({ message: "anthropic: HTTP 529 (overloaded_error)", detail: "overloaded near 10.0.0.7" });
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
