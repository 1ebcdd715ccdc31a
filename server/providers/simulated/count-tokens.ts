import { Tiktoken } from "js-tiktoken/lite";
import cl100kBase from "js-tiktoken/ranks/cl100k_base";
import { createTokenCounter } from "../../routing";
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

/**
 * Treats special-token text as plain text instead of throwing on it. js-tiktoken's encode is
 * quadratic on long pieces: only the simulator's own answers (bounded) go through it; request
 * texts are counted with the routing engine's linear counter below.
 */
export function encodeText(text: string): number[] {
  return loadTokenizer().encode(text, [], []);
}

export function decodeTokens(tokens: number[]): string {
  return loadTokenizer().decode(tokens);
}

/** Tokens of one text, in time linear in its length (exact up to a cap, estimated beyond). */
export function countTextTokens(text: string): number {
  return text === "" ? 0 : createTokenCounter().count(text);
}

/** Fixed costs follow OpenAI's published chat accounting closely enough for realistic numbers. */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_FOR_REPLY_PRIMING = 3;
const TOKENS_PER_IMAGE = 85;

/** A request's input tokens; one counter for all its texts keeps the work linear in their total size. */
export function countRequestTokens(req: ChatRequest): number {
  const { count } = createTokenCounter();
  let total = TOKENS_FOR_REPLY_PRIMING;
  if (req.system) total += TOKENS_PER_MESSAGE + count(req.system);
  for (const message of req.messages) {
    total += TOKENS_PER_MESSAGE;
    for (const part of message.content) {
      if (part.type === "text") total += count(part.text);
      else if (part.type === "image") total += TOKENS_PER_IMAGE;
      else if (part.type === "tool_call") total += count(part.name) + count(part.arguments);
      else total += count(part.content);
    }
  }
  if (req.tools?.length) total += count(JSON.stringify(req.tools));
  return total;
}
