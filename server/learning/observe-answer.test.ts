import { describe, expect, it } from "vitest";
import type { ChatResponse } from "../providers/types";
import { REFUSAL_SCAN_CHARS } from "./implicit-signals";
import { AnswerTracker, seenAnswerOf } from "./observe-answer";

const response = (over: Partial<ChatResponse>): ChatResponse => ({
  id: "r", model: "m", content: "", toolCalls: [], finishReason: "stop", usage: { inputTokens: 1, outputTokens: 1 }, ...over,
});

describe("what the gateway keeps of an answer", () => {
  it("keeps a whole answer's start, finish reason, tool calls and the provider's refusal mark", () => {
    const long = `${" ".repeat(REFUSAL_SCAN_CHARS)}late text`;
    expect(seenAnswerOf(response({ content: long, finishReason: "length" }))).toEqual({
      finishReason: "length", textStart: " ".repeat(REFUSAL_SCAN_CHARS), hasText: true, hasToolCalls: false, refusal: false,
    });
    expect(seenAnswerOf(response({ content: " \n " })).hasText).toBe(false);
    expect(seenAnswerOf(response({ toolCalls: [{ id: "c", name: "f", arguments: "{}" }], finishReason: "tool_calls" }))).toMatchObject({ hasText: false, hasToolCalls: true });
    expect(seenAnswerOf(response({ content: "No.", refusal: true })).refusal).toBe(true);
  });

  it("follows a stream in bounded memory", () => {
    const tracker = new AnswerTracker();
    expect(tracker.answer()).toEqual({ finishReason: null, textStart: "", hasText: false, hasToolCalls: false });
    tracker.observe({ type: "start", id: "r", model: "m" });
    tracker.observe({ type: "text", text: "  " });
    expect(tracker.answer().hasText).toBe(false);
    for (let i = 0; i < 1000; i++) tracker.observe({ type: "text", text: "0123456789" });
    tracker.observe({ type: "tool_call_start", index: 0, id: "c", name: "f" });
    tracker.observe({ type: "finish", finishReason: "length" });
    const seen = tracker.answer();
    expect(seen).toMatchObject({ finishReason: "length", hasText: true, hasToolCalls: true });
    expect(seen.textStart).toHaveLength(REFUSAL_SCAN_CHARS);
    expect(seen.textStart.startsWith("  0123456789")).toBe(true);
  });
});
