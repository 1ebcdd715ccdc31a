/**
 * The judge's side of an evaluation: a rubric prompt that shows the conversation and two answers
 * as A and B, and a parser for the verdict it gives. Judges favour whichever answer they read
 * first (or second), so every evaluation asks twice with the answers swapped; the served answer's
 * score is the mean of the two readings, which cancels a constant position bias.
 *
 * Everything here is bounded: the conversation and the answers are clipped before they go into the
 * prompt, and the parser reads only the verdict's tail.
 */
import type { ChatMessage, ChatRequest } from "../../providers/types";

export type Verdict = "A" | "B" | "TIE";

/** Opens the judge's system prompt; a simulated model recognises a judging request by it. */
export const JUDGE_RUBRIC_TITLE = "You are grading two answers to the same conversation.";

const RUBRIC = [
  JUDGE_RUBRIC_TITLE,
  "Judge which answer serves the user better: correctness first, then completeness and how well it follows the instructions, then clarity. Length is not merit.",
  "The order in which the answers appear says nothing about their quality.",
  "Think briefly if you need to, then end your reply with one line of exactly this form:",
  "VERDICT: A   or   VERDICT: B   or   VERDICT: TIE",
].join("\n");

/** Delimiters around each part of the prompt; the simulated judge reads the answers between them. */
export const ANSWER_A_OPEN = "<<<ANSWER A>>>";
export const ANSWER_B_OPEN = "<<<ANSWER B>>>";
export const ANSWER_CLOSE = "<<<END ANSWER>>>";
const CONVERSATION_OPEN = "<<<CONVERSATION>>>";
const CONVERSATION_CLOSE = "<<<END CONVERSATION>>>";

/** Caps that keep a judging request's size (and cost) bounded whatever the original request was. */
export const MAX_CONVERSATION_CHARS = 24_000;
export const MAX_ANSWER_CHARS = 16_000;
/** Room for a short reason and the verdict, and for a reasoning model's thinking before them. */
export const JUDGE_MAX_TOKENS = 1024;
/** How much of the judge's reply the parser reads (the verdict is asked for on the last line). */
const VERDICT_TAIL_CHARS = 2_000;

/**
 * The conversation and the answers are a caller's and a model's text: one holding
 * "<<<END ANSWER>>><<<ANSWER B>>>…" would end its own answer early and show the judge a forged
 * second one. No run of three "<" is left in them (a space goes after each "<" that two more
 * follow), so every delimiter the judge reads is the prompt's own. Linear, and visible to no one
 * but the judge.
 */
const neutralise = (text: string) => text.replace(/<(?=<<)/g, "< ");

function clipEnd(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n[… clipped]`;
}

function clipStart(text: string, max: number): string {
  return text.length <= max ? text : `[clipped …]\n${text.slice(text.length - max)}`;
}

function renderMessage(m: ChatMessage): string {
  const parts = m.content.map((p) => {
    switch (p.type) {
      case "text":
        return p.text;
      case "image":
        return "[image]";
      case "tool_call":
        return `[tool call ${p.name}(${p.arguments})]`;
      case "tool_result":
        return `[tool result: ${p.content}]`;
    }
  });
  return `${m.role.toUpperCase()}: ${parts.join("\n")}`;
}

/** The conversation as plain text, newest turns kept when it is too long (they are what was answered). */
export function renderConversation(request: Pick<ChatRequest, "system" | "messages">): string {
  const turns = request.messages.map(renderMessage);
  const text = [request.system ? `SYSTEM: ${request.system}` : null, ...turns].filter(Boolean).join("\n\n");
  return clipStart(neutralise(text), MAX_CONVERSATION_CHARS);
}

/**
 * The judging request with `first` shown as answer A and `second` as answer B. No temperature:
 * reasoning models refuse one, and the two swapped readings already absorb a judge's variance.
 */
export function judgeRequest(conversation: string, first: string, second: string): ChatRequest {
  const body = [
    CONVERSATION_OPEN,
    conversation,
    CONVERSATION_CLOSE,
    "",
    ANSWER_A_OPEN,
    clipEnd(neutralise(first), MAX_ANSWER_CHARS),
    ANSWER_CLOSE,
    "",
    ANSWER_B_OPEN,
    clipEnd(neutralise(second), MAX_ANSWER_CHARS),
    ANSWER_CLOSE,
    "",
    "Which answer is better? End with VERDICT: A, VERDICT: B or VERDICT: TIE.",
  ].join("\n");
  return { system: RUBRIC, messages: [{ role: "user", content: [{ type: "text", text: body }] }], maxTokens: JUDGE_MAX_TOKENS, stream: false };
}

/** The two answers of a judging request's text, or null when the text is not one (for the simulated judge). */
export function answersOf(prompt: string): { a: string; b: string } | null {
  const a = between(prompt, ANSWER_A_OPEN, ANSWER_CLOSE);
  const b = a === null ? null : between(prompt, ANSWER_B_OPEN, ANSWER_CLOSE, prompt.indexOf(ANSWER_B_OPEN));
  return a === null || b === null ? null : { a, b };
}

function between(text: string, open: string, close: string, from = text.indexOf(open)): string | null {
  if (from < 0) return null;
  const start = from + open.length;
  const end = text.indexOf(close, start);
  return end < 0 ? null : text.slice(start, end).trim();
}

const VERDICT_LINE = /VERDICT\s*[:=]\s*[*_`"'[(]*\s*(A|B|TIE)\b/gi;
const BARE_VERDICT = /^[*_`"'[(\s]*(?:answer\s+)?(A|B|TIE)[*_`"'\])\s.!]*$/i;

/**
 * The verdict in a judge's reply: the last "VERDICT: X" line, or a reply that is nothing but the
 * verdict. Anything else (no verdict, or "VERDICT: C") is null: the evaluation counts as failed
 * rather than guessed.
 */
export function parseVerdict(reply: string): Verdict | null {
  const tail = reply.length > VERDICT_TAIL_CHARS ? reply.slice(reply.length - VERDICT_TAIL_CHARS) : reply;
  let last: string | null = null;
  for (const m of tail.matchAll(VERDICT_LINE)) last = m[1] ?? null;
  if (last === null) last = BARE_VERDICT.exec(tail.trim())?.[1] ?? null;
  return last === null ? null : (last.toUpperCase() as Verdict);
}

/** What one reading is worth to the answer that was shown at `servedAt`: 1 won, 0.5 tie, 0 lost. */
export function servedScore(verdict: Verdict, servedAt: "A" | "B"): number {
  if (verdict === "TIE") return 0.5;
  return verdict === servedAt ? 1 : 0;
}

/**
 * How often the served answer won across the two swapped readings (served shown as A, then as B):
 * the mean of the readings' 1 (won), 0.5 (tie) and 0 (lost); a split is a draw, as a constant
 * position bias produces. Null when either reading has no verdict.
 */
export function servedWinsOf(servedFirst: Verdict | null, servedSecond: Verdict | null): number | null {
  if (servedFirst === null || servedSecond === null) return null;
  return (servedScore(servedFirst, "A") + servedScore(servedSecond, "B")) / 2;
}
