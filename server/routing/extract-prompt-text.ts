import type { RouteRequest } from "./types";

/** Texts the classifier and difficulty estimator look at, already truncated. */
export interface PromptText {
  /** The last user turn (head + tail when very long). */
  user: string;
  /** System prompt, tool names/descriptions and the previous user turn: weaker context. */
  context: string;
  /** Full character length of the last user turn before truncation. */
  userChars: number;
  turns: number;
}

export const USER_HEAD_CHARS = 1000;
export const USER_TAIL_CHARS = 300;
const CONTEXT_CHARS = 400;

/** Keep the first `head` and last `tail` characters of long texts (instructions tend to sit at either end). */
export function headTail(text: string, head: number, tail: number): string {
  if (text.length <= head + tail) return text;
  return `${text.slice(0, head)}\n…\n${text.slice(text.length - tail)}`;
}

export function extractPromptText(request: RouteRequest): PromptText {
  const messages = request.messages ?? [];
  const userTurns: string[] = [];
  const systemParts: string[] = [];
  if (request.system) systemParts.push(request.system);
  for (const m of messages) {
    if (m.role === "user") userTurns.push(m.content ?? "");
    else if (m.role === "system") systemParts.push(m.content ?? "");
  }
  let lastUser = userTurns.length > 0 ? (userTurns[userTurns.length - 1] ?? "") : "";
  // No user turn at all (e.g. a system-only request): classify what there is.
  if (userTurns.length === 0) {
    const lastAny = messages.length > 0 ? (messages[messages.length - 1]?.content ?? "") : "";
    lastUser = lastAny;
  }
  const contextParts: string[] = [];
  const system = systemParts.join("\n");
  if (system) contextParts.push(system.slice(0, CONTEXT_CHARS));
  if (request.tools && request.tools.length > 0) {
    const toolText = request.tools
      .slice(0, 20)
      .map((t) => `${t.name.replace(/[_.-]+/g, " ")} ${t.description ?? ""}`)
      .join("\n");
    contextParts.push(toolText.slice(0, CONTEXT_CHARS));
  }
  if (userTurns.length >= 2) {
    const prev = userTurns[userTurns.length - 2] ?? "";
    contextParts.push(prev.slice(Math.max(0, prev.length - CONTEXT_CHARS)));
  }
  return {
    user: headTail(lastUser, USER_HEAD_CHARS, USER_TAIL_CHARS),
    context: contextParts.join("\n"),
    userChars: lastUser.length,
    turns: messages.length,
  };
}
