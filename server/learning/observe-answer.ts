/**
 * What the gateway keeps of a served answer for its implicit signals: the finish reason, whether
 * text or tool calls came back, and the answer's first REFUSAL_SCAN_CHARS characters. O(1) per
 * answer or stream event (the text kept is bounded), so it can run on the request's path.
 */
import type { ChatResponse, FinishReason, StreamEvent } from "../providers/types";
import { REFUSAL_SCAN_CHARS, type AnswerObservation } from "./implicit-signals";

/** An answer as seen; whether it came from a fallback is the attempts' business. */
export type SeenAnswer = Omit<AnswerObservation, "fallbackAfterFailure">;

const NON_BLANK = /\S/;

export function seenAnswerOf(response: ChatResponse): SeenAnswer {
  const text = response.content;
  const textStart = text.slice(0, REFUSAL_SCAN_CHARS);
  return {
    finishReason: response.finishReason,
    textStart,
    // Blank text is no answer; only a blank start needs the rest scanned (rare, and trim is linear).
    hasText: NON_BLANK.test(textStart) || (text.length > textStart.length && text.trim() !== ""),
    hasToolCalls: response.toolCalls.length > 0,
    refusal: response.refusal === true,
  };
}

/** Follows a stream's events; `answer()` is what it saw so far. */
export class AnswerTracker {
  private finishReason: FinishReason | null = null;
  private textStart = "";
  private hasText = false;
  private hasToolCalls = false;

  observe(event: StreamEvent): void {
    if (event.type === "text") {
      if (this.textStart.length < REFUSAL_SCAN_CHARS) this.textStart += event.text.slice(0, REFUSAL_SCAN_CHARS - this.textStart.length);
      // Each chunk is tested once, until the first that is not blank.
      if (!this.hasText && NON_BLANK.test(event.text)) this.hasText = true;
    } else if (event.type === "tool_call_start") this.hasToolCalls = true;
    else if (event.type === "finish") this.finishReason = event.finishReason;
  }

  answer(): SeenAnswer {
    return { finishReason: this.finishReason, textStart: this.textStart, hasText: this.hasText, hasToolCalls: this.hasToolCalls };
  }
}
