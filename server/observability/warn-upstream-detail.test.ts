import { describe, expect, it, vi } from "vitest";
import { UpstreamError } from "../providers/upstream-error";
import { MAX_LOGGED_DETAIL_CHARS, upstreamDetailLine, warnUpstreamDetail } from "./warn-upstream-detail";

const failure = (detail?: string) => new UpstreamError({ status: 500, kind: "server", message: "openai: HTTP 500 (server_error)", provider: "openai", detail });

describe("an upstream's error text in the server log", () => {
  it("keeps what helps an operator and redacts keys and tokens the upstream echoed", () => {
    const line = upstreamDetailLine("[gateway] req_1", failure("db-primary.internal:5432 refused; token sk-live-0123456789abcdef; Authorization: Bearer abcdefghijklmnop"));
    expect(line).toContain("[gateway] req_1 openai: HTTP 500 (server_error): db-primary.internal:5432 refused");
    expect(line).not.toContain("sk-live-0123456789abcdef");
    expect(line).not.toContain("abcdefghijklmnop");
    expect(line).toContain("[redacted key]");
  });

  it("caps a huge error text", () => {
    const line = upstreamDetailLine("[console]", failure("x".repeat(5_000_000)))!;
    expect(line.length).toBeLessThan(MAX_LOGGED_DETAIL_CHARS + 100);
    expect(line.endsWith("…")).toBe(true);
  });

  it("redacts a key that the cap would cut through", () => {
    const padding = "y ".repeat(495);
    const line = upstreamDetailLine("[console]", failure(`${padding}sk-live-0123456789abcdefghij and more`))!;
    // The key starts 10 characters before the cap: cut first, its 13 characters would not look like a key.
    expect(line).not.toContain("sk-live");
    expect(line.endsWith("[redacted …")).toBe(true);
  });

  it("writes nothing when the upstream said nothing", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      warnUpstreamDetail("[gateway] req_2", failure());
      expect(warn).not.toHaveBeenCalled();
      warnUpstreamDetail("[gateway] req_3", failure("token sk-live-0123456789abcdef"));
      expect(warn).toHaveBeenCalledWith("[gateway] req_3 openai: HTTP 500 (server_error): token [redacted key]");
    } finally {
      warn.mockRestore();
    }
  });
});
