import { Tiktoken } from "js-tiktoken/lite";
import o200kBase from "js-tiktoken/ranks/o200k_base";
import type { ChatRequest } from "../types";

let encoder: Tiktoken | undefined;

/** Loading the ranks takes a moment, so it happens on first use rather than at import. */
function getEncoder(): Tiktoken {
  encoder ??= new Tiktoken(o200kBase);
  return encoder;
}

/** Treats special-token text in user input as plain text instead of throwing on it. */
export function encodeText(text: string): number[] {
  return getEncoder().encode(text, [], []);
}

export function decodeTokens(tokens: number[]): string {
  return getEncoder().decode(tokens);
}

export function countTextTokens(text: string): number {
  return text === "" ? 0 : encodeText(text).length;
}

/** Fixed costs follow OpenAI's published chat accounting closely enough for realistic numbers. */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_FOR_REPLY_PRIMING = 3;
const TOKENS_PER_IMAGE = 85;

export function countRequestTokens(req: ChatRequest): number {
  let total = TOKENS_FOR_REPLY_PRIMING;
  if (req.system) total += TOKENS_PER_MESSAGE + countTextTokens(req.system);
  for (const message of req.messages) {
    total += TOKENS_PER_MESSAGE;
    for (const part of message.content) {
      if (part.type === "text") total += countTextTokens(part.text);
      else if (part.type === "image") total += TOKENS_PER_IMAGE;
      else if (part.type === "tool_call") total += countTextTokens(part.name) + countTextTokens(part.arguments);
      else total += countTextTokens(part.content);
    }
  }
  if (req.tools?.length) total += countTextTokens(JSON.stringify(req.tools));
  return total;
}
