import { describe, expect, it } from "vitest";
import { closeAfterEachTest } from "@/server/testing/close-after-each-test";
import { collect } from "@/server/testing/collect";
import { startFakeOpenAI } from "@/server/testing/fake-upstreams";
import { callProvider } from "./call-provider";
import { openaiAdapter } from "./openai";
import { openaiCompatibleAdapter } from "./openai-compatible";
import { createSimulatedAdapter } from "./simulated";
import { simpleRequest, targetFor } from "./test-requests";
import { UpstreamError } from "./upstream-error";

const startUpstream = closeAfterEachTest(startFakeOpenAI);

const streamRequest = { ...simpleRequest, stream: true };

describe("callProvider", () => {
  it("reports 429 with Retry-After as retryable rate limiting", async () => {
    const upstream = await startUpstream({ fault: { type: "status", status: 429, retryAfter: "3" } });
    await expect(callProvider(openaiAdapter, simpleRequest, targetFor(upstream.url, false))).rejects.toMatchObject({
      kind: "rate_limited",
      retryable: true,
      retryAfterMs: 3000,
    });
  });

  it("throws status errors of a stream before returning the iterable", async () => {
    const upstream = await startUpstream({ fault: { type: "status", status: 500 } });
    await expect(callProvider(openaiAdapter, streamRequest, targetFor(upstream.url, true))).rejects.toMatchObject({ kind: "server", status: 500 });
  });

  it("times out a hanging upstream with connectMs", async () => {
    const upstream = await startUpstream({ fault: { type: "hang" } });
    const started = Date.now();
    const error = await callProvider(openaiAdapter, simpleRequest, targetFor(upstream.url, false), { timeouts: { connectMs: 100 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: "timeout", status: 0, retryable: true });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("times out a slow first byte, but not a fast one", async () => {
    const upstream = await startUpstream({ fault: { type: "slow-first-byte", delayMs: 400 } });
    await expect(callProvider(openaiAdapter, streamRequest, targetFor(upstream.url, true), { timeouts: { firstByteMs: 100 } })).rejects.toMatchObject({
      kind: "timeout",
    });
    const events = await callProvider(openaiAdapter, streamRequest, targetFor(upstream.url, true), { timeouts: { firstByteMs: 2000 } });
    expect((await collect(events)).some((e) => e.type === "usage")).toBe(true);
  });

  it("times out a stream that goes silent mid-way with idleMs", async () => {
    const upstream = await startUpstream({ fault: { type: "stall", afterEvents: 2 } });
    const events = await callProvider(openaiAdapter, streamRequest, targetFor(upstream.url, true), { timeouts: { idleMs: 100 } });
    await expect(collect(events)).rejects.toMatchObject({ kind: "timeout" });
  });

  it("ends a call that is not complete within totalMs, whatever its other deadlines", async () => {
    const slow = await startUpstream({ fault: { type: "slow-first-byte", delayMs: 600 } });
    const json = await callProvider(openaiAdapter, simpleRequest, targetFor(slow.url, false), { timeouts: { firstByteMs: 5_000, totalMs: 150 } }).catch((e: unknown) => e);
    expect(json).toMatchObject({ kind: "timeout", retryable: true, message: expect.stringContaining("not complete within 150 ms") });

    // A stream that already gave output is cut too (the idle deadline alone would wait 10 s).
    const stalled = await startUpstream({ fault: { type: "stall", afterEvents: 2 } });
    const events = await callProvider(openaiAdapter, streamRequest, targetFor(stalled.url, true), { timeouts: { idleMs: 10_000, totalMs: 300 } });
    const started = Date.now();
    await expect(collect(events)).rejects.toMatchObject({ kind: "timeout", message: expect.stringContaining("not complete within 300 ms") });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("reports a rejected key as a non-retryable auth error", async () => {
    const upstream = await startUpstream({ apiKey: "sk-other" });
    await expect(callProvider(openaiAdapter, simpleRequest, targetFor(upstream.url, false))).rejects.toMatchObject({
      kind: "auth",
      status: 401,
      retryable: false,
      message: "openai: HTTP 401 (invalid_api_key)",
      detail: "invalid api key",
    });
  });

  it("reports a reset connection as a connection error", async () => {
    const upstream = await startUpstream({ fault: { type: "reset" } });
    await expect(callProvider(openaiAdapter, simpleRequest, targetFor(upstream.url, false))).rejects.toMatchObject({ kind: "connection", status: 0, retryable: true });
  });

  it.each(["end", "reset"] as const)("never lets a stream cut mid-way (%s) look like success", async (mode) => {
    const upstream = await startUpstream({ reply: { text: "a fairly long answer" }, fault: { type: "cut", afterEvents: 3, mode } });
    const events = await callProvider(openaiAdapter, streamRequest, targetFor(upstream.url, true));
    await expect(collect(events)).rejects.toMatchObject({ kind: "stream_broken", provider: "openai" });
  });

  it("rethrows the caller's abort reason untouched", async () => {
    const upstream = await startUpstream({ fault: { type: "hang" } });
    const controller = new AbortController();
    const reason = new Error("client went away");
    setTimeout(() => controller.abort(reason), 50);
    await expect(callProvider(openaiAdapter, simpleRequest, targetFor(upstream.url, false), { signal: controller.signal })).rejects.toBe(reason);
  });

  it("names the adapter that was called in errors from shared code", async () => {
    const upstream = await startUpstream({ fault: { type: "cut", afterEvents: 1 } });
    const events = await callProvider(openaiCompatibleAdapter, streamRequest, targetFor(upstream.url, true));
    await expect(collect(events)).rejects.toMatchObject({ provider: "openai-compatible" });
  });

  it("dispatches in-process adapters through invoke, with the same timeouts", async () => {
    const simulated = createSimulatedAdapter({ firstTokenMs: 300 });
    await expect(
      callProvider(simulated, simpleRequest, targetFor("simulated://local", false, "sim-small"), { timeouts: { firstByteMs: 50 } }),
    ).rejects.toMatchObject({ kind: "timeout", provider: "simulated" });
    const response = await callProvider(createSimulatedAdapter(), simpleRequest, targetFor("simulated://local", false, "sim-small"));
    expect(response.model).toBe("sim-small");
    const events = await collect(await callProvider(createSimulatedAdapter(), streamRequest, targetFor("simulated://local", true, "sim-small")));
    expect(events.map((e) => e.type).slice(-2)).toEqual(["finish", "usage"]);
  });
});
