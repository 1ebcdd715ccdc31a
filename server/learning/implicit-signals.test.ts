import { describe, expect, it } from "vitest";
import { implicitSignals, looksLikeRefusal, REFUSAL_SCAN_CHARS, type AnswerObservation } from "./implicit-signals";

const answer = (over: Partial<AnswerObservation> = {}): AnswerObservation => ({
  finishReason: "stop", textStart: "Here is the function you asked for.", hasText: true, hasToolCalls: false, fallbackAfterFailure: false, ...over,
});

describe("implicit signals", () => {
  it("finds nothing in a complete answer", () => {
    expect(implicitSignals(answer())).toEqual([]);
    expect(implicitSignals(answer({ finishReason: "tool_calls", textStart: "", hasText: false, hasToolCalls: true }))).toEqual([]);
  });

  it("calls an answer cut at the token limit truncated", () => {
    expect(implicitSignals(answer({ finishReason: "length" }))).toEqual(["truncated"]);
  });

  it("calls an answer without text or tool calls empty, and a cut empty one both", () => {
    expect(implicitSignals(answer({ textStart: "", hasText: false }))).toEqual(["empty"]);
    expect(implicitSignals(answer({ textStart: "", hasText: false, finishReason: "length" }))).toEqual(["empty", "truncated"]);
  });

  it("takes a refusal from the provider's flag, a content filter, or the answer's opening", () => {
    expect(implicitSignals(answer({ refusal: true }))).toEqual(["refusal"]);
    expect(implicitSignals(answer({ finishReason: "content_filter" }))).toEqual(["refusal"]);
    expect(implicitSignals(answer({ textStart: "I’m sorry, but I can’t help with that request." }))).toEqual(["refusal"]);
  });

  it("marks an answer served by a fallback after a failure", () => {
    expect(implicitSignals(answer({ fallbackAfterFailure: true, finishReason: "length" }))).toEqual(["truncated", "fallback"]);
  });
});

describe("refusal check", () => {
  it("recognises common refusal openings, also after a first sentence", () => {
    for (const text of [
      "I can't help with that.",
      "I cannot assist with creating malware.",
      "I'm sorry, but I can't provide that information.",
      "Sorry, I can't do that.",
      "  **I’m unable to help** with this request.",
      "I understand why you ask. However, I cannot help with that.",
      "I apologise, but I cannot comply.",
      "Unfortunately, I can't share personal data.",
    ]) expect(looksLikeRefusal(text), text).toBe(true);
  });

  it("leaves ordinary answers alone", () => {
    for (const text of [
      "Sure! Here is a Python function that checks whether a number is prime.",
      "I can't help but notice that the loop never ends: move the increment inside it.",
      "The error says the server cannot assist the client with TLS 1.0; enable TLS 1.2.",
      "",
    ]) expect(looksLikeRefusal(text), text).toBe(false);
  });

  it("reads only the start of the answer", () => {
    const long = `${"The answer is 42. ".repeat(Math.ceil(REFUSAL_SCAN_CHARS / 18) + 1)}I can't help with the rest.`;
    expect(looksLikeRefusal(long)).toBe(false);
    // A megabyte of text costs no more than its first characters.
    const huge = "a".repeat(1_000_000);
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) looksLikeRefusal(huge);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
