// The prompt and answer of a request whose policy stores them. The gateway only copies them,
// cut at the policy's cap (O(cap) on the request's path); the usage writer redacts them when it
// writes its batch (redact-secrets.ts), so the caller's latency never pays for the scan.
import type { MessageRole } from "../routing/types";

export interface PromptMessage {
  role: MessageRole;
  content: string;
}

export interface RequestBodies {
  prompt: PromptMessage[];
  answer: string | null;
  /** The prompt or the answer was cut at the cap. */
  truncated: boolean;
}

const encoder = new TextEncoder();

/** The longest start of `text` that fits in `maxBytes` of UTF-8, never splitting a character. */
export function capText(text: string, maxBytes: number): { text: string; truncated: boolean } {
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit: short texts need no encoding.
  if (text.length * 3 <= maxBytes) return { text, truncated: false };
  const { read } = encoder.encodeInto(text, new Uint8Array(maxBytes));
  return read >= text.length ? { text, truncated: false } : { text: text.slice(0, read), truncated: true };
}

/** The system prompt and the messages, in order, within `maxBytes` of content in all. */
export function capturePrompt(system: string | undefined, messages: readonly PromptMessage[], maxBytes: number): { prompt: PromptMessage[]; truncated: boolean } {
  const all: readonly PromptMessage[] = system ? [{ role: "system", content: system }, ...messages] : messages;
  const prompt: PromptMessage[] = [];
  let left = maxBytes;
  for (const message of all) {
    if (left <= 0) return { prompt, truncated: true };
    const cut = capText(message.content, left);
    prompt.push({ role: message.role, content: cut.text });
    if (cut.truncated) return { prompt, truncated: true };
    left -= Buffer.byteLength(cut.text);
  }
  return { prompt, truncated: false };
}

/** The prompt as captured when the request was routed; the answer joins it when the request ends. */
export interface BodyCapture {
  maxBytes: number;
  prompt: PromptMessage[];
  truncated: boolean;
}

export function startBodyCapture(maxBytes: number, system: string | undefined, messages: readonly PromptMessage[]): BodyCapture {
  return { maxBytes, ...capturePrompt(system, messages, maxBytes) };
}

export function finishBodyCapture(capture: BodyCapture, answer: string | null): RequestBodies {
  const cut = answer === null ? null : capText(answer, capture.maxBytes);
  return { prompt: capture.prompt, answer: cut?.text ?? null, truncated: capture.truncated || (cut?.truncated ?? false) };
}
