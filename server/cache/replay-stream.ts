// A cached answer as a canonical event stream (start, text, tool calls, finish, usage), and
// the reverse: an upstream stream collected into a ChatResponse once it completes cleanly, so
// a streamed answer can be cached too.
import type { ChatResponse, StreamEvent, ToolCall, Usage, FinishReason } from "../providers/types";

export async function* replayAsStream(response: ChatResponse): AsyncGenerator<StreamEvent> {
  yield { type: "start", id: response.id, model: response.model };
  if (response.content) yield { type: "text", text: response.content };
  for (const [index, call] of response.toolCalls.entries()) {
    yield { type: "tool_call_start", index, id: call.id, name: call.name };
    if (call.arguments) yield { type: "tool_call_delta", index, argumentsDelta: call.arguments };
  }
  yield { type: "finish", finishReason: response.finishReason };
  yield { type: "usage", usage: response.usage };
}

/**
 * Passes every event through unchanged and calls `onComplete` with the whole answer after the
 * stream ended with a finish and usage; a stream that fails or is abandoned is never stored.
 */
export async function* collectStream(events: AsyncIterable<StreamEvent>, onComplete: (response: ChatResponse) => void): AsyncGenerator<StreamEvent> {
  let id = "";
  let model = "";
  let content = "";
  const toolCalls: ToolCall[] = [];
  let finishReason: FinishReason | null = null;
  let usage: Usage | null = null;
  for await (const event of events) {
    if (event.type === "start") ({ id, model } = event);
    else if (event.type === "text") content += event.text;
    else if (event.type === "tool_call_start") toolCalls[event.index] = { id: event.id, name: event.name, arguments: "" };
    else if (event.type === "tool_call_delta") {
      const call = toolCalls[event.index];
      if (call) call.arguments += event.argumentsDelta;
    } else if (event.type === "finish") finishReason = event.finishReason;
    else usage = event.usage;
    yield event;
  }
  if (finishReason !== null && finishReason !== "error" && usage !== null) {
    onComplete({ id, model, content, toolCalls: toolCalls.filter(Boolean), finishReason, usage });
  }
}
