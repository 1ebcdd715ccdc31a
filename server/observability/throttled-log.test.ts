// A warning that can come once per request is written once per interval and per message, then
// with the count of those left out.
import { describe, expect, it } from "vitest";
import { throttledLog } from "./throttled-log";

function logger(intervalMs = 1_000) {
  let at = 0;
  const lines: string[] = [];
  const log = throttledLog("cache", { intervalMs, now: () => at, write: (line) => lines.push(line) });
  return { log, lines, advance: (ms: number) => (at += ms) };
}

describe("throttledLog", () => {
  it("writes a message once per interval, then says how many like it were left out", () => {
    const { log, lines, advance } = logger();
    for (let i = 0; i < 500; i++) log("unavailable, serving uncached", new Error("connection refused"));
    expect(lines).toEqual(["[cache] unavailable, serving uncached:"]);
    advance(999);
    log("unavailable, serving uncached", new Error("connection refused"));
    expect(lines).toHaveLength(1);
    advance(1);
    log("unavailable, serving uncached", new Error("connection refused"));
    expect(lines).toEqual(["[cache] unavailable, serving uncached:", "[cache] unavailable, serving uncached (500 more like it since the last one):"]);
  });

  it("keeps each message's interval apart", () => {
    const { log, lines } = logger();
    log("rate limit store unavailable, admitting", null);
    log("budget store unavailable, refusing budgeted request", null);
    log("rate limit store unavailable, admitting", null);
    expect(lines).toEqual(["[cache] rate limit store unavailable, admitting:", "[cache] budget store unavailable, refusing budgeted request:"]);
  });

  it("remembers a bounded number of messages", () => {
    const { log, lines } = logger();
    for (let i = 0; i < 1_000; i++) log(`message ${i}`, null);
    // The first was forgotten to make room: written again at once.
    log("message 0", null);
    expect(lines).toHaveLength(1_001);
  });
});
