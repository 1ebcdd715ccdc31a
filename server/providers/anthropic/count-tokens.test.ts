import { describe, expect, it } from "vitest";
import { closeAfterEachTest } from "@/server/testing/close-after-each-test";
import { startFakeAnthropic } from "@/server/testing/fake-upstreams";
import { AbortScope } from "../abort-scope";
import { simpleRequest, targetFor, toolConversation } from "../test-requests";
import { UpstreamError } from "../upstream-error";
import { countAnthropicTokens, parseAnthropicTokenCount } from "./count-tokens";

const startUpstream = closeAfterEachTest(startFakeAnthropic);
const count = (url: string, timeoutMs = 5_000, request = simpleRequest) => countAnthropicTokens(request, targetFor(url, false, "claude-sonnet-4-5"), new AbortScope(), timeoutMs);

describe("Anthropic token counting", () => {
  it("posts the message's model, system, messages and tools, without generation settings, and returns the count", async () => {
    const upstream = await startUpstream({ apiKey: "sk-test", reply: { usage: { input: 321, output: 0 } } });
    expect(await count(upstream.url)).toBe(321);
    const [sent] = upstream.requests;
    expect(sent?.path).toBe("/v1/messages/count_tokens");
    expect(sent?.headers["x-api-key"]).toBe("sk-test");
    expect(sent?.headers["anthropic-version"]).toBe("2023-06-01");
    expect(sent?.body).toEqual({ model: "claude-sonnet-4-5", system: "You are terse.", messages: [{ role: "user", content: [{ type: "text", text: "Say hello." }] }] });

    await count(upstream.url, 5_000, toolConversation);
    expect(Object.keys(upstream.requests[1]?.body ?? {}).sort()).toEqual(["messages", "model", "tool_choice", "tools"]);
  });

  it("fails with the provider's error or a timeout", async () => {
    const limited = await startUpstream({ fault: { type: "status", status: 429, retryAfter: "3" } });
    expect(await count(limited.url).catch((e: unknown) => e)).toMatchObject({ kind: "rate_limited", status: 429 });
    const hanging = await startUpstream({ fault: { type: "hang" } });
    const timedOut = await count(hanging.url, 200).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(UpstreamError);
    expect(timedOut).toMatchObject({ kind: "timeout" });
    const wrongKey = await startUpstream({ apiKey: "another-key" });
    expect(await count(wrongKey.url).catch((e: unknown) => e)).toMatchObject({ kind: "auth", status: 401 });
  });

  it("refuses an answer without a whole, non-negative input_tokens", () => {
    expect(parseAnthropicTokenCount({ input_tokens: 7 })).toBe(7);
    for (const json of [null, {}, { input_tokens: "7" }, { input_tokens: -1 }, { input_tokens: 1.5 }]) {
      expect(() => parseAnthropicTokenCount(json)).toThrow(UpstreamError);
    }
  });
});
