import { describe, expect, it } from "vitest";
import { UpstreamError, type UpstreamErrorKind } from "../providers/upstream-error";
import { retryDelayMs, type RetryPolicy } from "./retry-policy";
import { withRetries } from "./with-retries";

const policy: RetryPolicy = { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 300, maxRetryAfterMs: 5_000 };
const failure = (kind: UpstreamErrorKind, retryAfterMs?: number) => new UpstreamError({ status: 0, kind, message: kind, provider: "p", retryAfterMs });

describe("retry delay", () => {
  it.each([
    ["server error, first retry, full jitter", failure("server"), 0, 0.5, 50],
    ["server error, second retry doubles the ceiling", failure("server"), 1, 0.5, 100],
    ["the ceiling is capped", failure("timeout"), 1, 1, 200],
    ["Retry-After is honoured, plus jitter", failure("rate_limited", 2_000), 0, 0.5, 2_050],
    ["a Retry-After beyond the limit moves on", failure("rate_limited", 6_000), 0, 0.5, null],
    ["retries are bounded", failure("server"), 2, 0.5, null],
    ["a caller's bad request is never retried", failure("bad_request"), 0, 0.5, null],
    ["our refused credential is never retried", failure("auth"), 0, 0.5, null],
  ])("%s", (_name, error, retries, random, expected) => {
    expect(retryDelayMs(error, retries, policy, () => random)).toBe(expected);
  });

  it("jitter spreads the waits of callers that failed together", () => {
    const waits = [0, 0.25, 0.5, 0.99].map((r) => retryDelayMs(failure("server"), 1, { ...policy, maxDelayMs: 10_000 }, () => r));
    expect(waits).toEqual([0, 50, 100, 198]);
  });
});

describe("withRetries", () => {
  function harness(errors: UpstreamError[], deadlineAt = 100_000) {
    let now = 0;
    const waits: number[] = [];
    let calls = 0;
    const run = withRetries(async () => {
      const error = errors[calls++];
      if (error) throw error;
      return "ok";
    }, {
      policy, deadlineAt, clock: () => now, random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    return { run, waits, calls: () => calls };
  }

  it("retries a retryable failure and returns the success", async () => {
    const h = harness([failure("server"), failure("rate_limited", 1_000)]);
    await expect(h.run).resolves.toBe("ok");
    expect(h.waits).toEqual([50, 1_050]);
  });

  it("gives up after the retry limit with the last failure", async () => {
    const h = harness([failure("server"), failure("server"), failure("timeout"), failure("server")]);
    await expect(h.run).rejects.toMatchObject({ kind: "timeout" });
    expect(h.calls()).toBe(3);
  });

  it("never waits past the deadline", async () => {
    const h = harness([failure("rate_limited", 3_000)], 2_000);
    await expect(h.run).rejects.toMatchObject({ kind: "rate_limited" });
    expect(h.waits).toEqual([]);
  });

  it("does not retry a failure that is not the upstream's", async () => {
    const h = harness([failure("bad_request")]);
    await expect(h.run).rejects.toMatchObject({ kind: "bad_request" });
    expect(h.calls()).toBe(1);
  });

  it("stops waiting when the caller goes away", async () => {
    const abort = new AbortController();
    const run = withRetries(async () => {
      throw failure("server");
    }, { policy: { ...policy, baseDelayMs: 10_000, maxDelayMs: 10_000 }, deadlineAt: Date.now() + 60_000, signal: abort.signal, random: () => 1 });
    setTimeout(() => abort.abort(new Error("client disconnected")), 10);
    await expect(run).rejects.toThrow("client disconnected");
  });
});
