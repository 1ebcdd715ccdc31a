import { Tiktoken } from "js-tiktoken/lite";
import cl100kBase from "js-tiktoken/ranks/cl100k_base";
import type { ChatRequest } from "../types";

let encoder: Tiktoken | undefined;

/**
 * Building the encoder takes about half a second (cl100k; o200k takes three times longer), so
 * it happens on first use; servers can call this at start-up to keep it off the first request.
 */
export function loadTokenizer(): Tiktoken {
  encoder ??= new Tiktoken(cl100kBase);
  return encoder;
}

/** Treats special-token text in user input as plain text instead of throwing on it. */
export function encodeText(text: string): number[] {
  return loadTokenizer().encode(text, [], []);
}

export function decodeTokens(tokens: number[]): string {
  return loadTokenizer().decode(tokens);
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
