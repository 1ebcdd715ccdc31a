// Token counts for an answer whose upstream reported none (some OpenAI-compatible servers omit
// usage, especially in streams): counted with the tokenizer rather than recorded as zero,
// which would make a served request look free.
import { countRequestTokens, countTextTokens } from "../providers/simulated";
import type { ChatRequest, ChatResponse, Usage } from "../providers/types";

export function estimateUsage(request: ChatRequest, outputText: string): Usage {
  return { inputTokens: countRequestTokens(request), outputTokens: countTextTokens(outputText) };
}

function outputTextOf(response: ChatResponse): string {
  return response.content + response.toolCalls.map((call) => call.name + call.arguments).join("");
}

/** The upstream's usage, or an estimate when it reported no output tokens for a non-empty answer. */
export function usageOf(request: ChatRequest, response: ChatResponse): Usage {
  const text = outputTextOf(response);
  if (response.usage.outputTokens > 0 || text === "") return response.usage;
  return estimateUsage(request, text);
}
