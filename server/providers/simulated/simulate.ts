import type { ChatRequest, ChatResponse, StreamEvent, ToolCall, ToolDefinition } from "../types";
import { UpstreamError } from "../upstream-error";
import { sleep } from "../sleep";
import { countRequestTokens, countTextTokens, decodeTokens, encodeText } from "./count-tokens";
import { generateFromSchema } from "./generate-arguments";
import { createRandom } from "../../random/mulberry32";
import { detectCategory, generateAnswer, hashString } from "./generate-text";
import { isJudgingRequest, simulatedJudgement } from "./simulated-judge";
import { soundnessNote, soundnessOf, trueQuality } from "./simulated-truth";
import { conditionsAt, type SimulatedChange, type SimulatedConditions } from "./simulated-changes";

export type SimulationSettings = {
  /** Delay before the first token (and before a non-streaming answer). */
  firstTokenMs: number;
  /** Delay per generated token after the first. */
  perTokenMs: number;
  /** Share of requests, in [0,1], that fail with a 429 or 503. */
  errorRate: number;
  /** Changes which requests fail and the wording of answers. */
  seed: number;
  /** Scheduled slow-downs and quality changes of single models (see simulated-changes.ts). */
  changes: readonly SimulatedChange[];
};

export type SimulateOptions = Partial<SimulationSettings> & { model?: string; signal?: AbortSignal; now?: () => Date };

export const DEFAULT_SIMULATION: SimulationSettings = { firstTokenMs: 0, perTokenMs: 0, errorRate: 0, seed: 0, changes: [] };

const TOOL_REQUEST_CUE = /\b(use|call|invoke|run)\b.*\b(tool|function)\b/i;
const TOOL_CUE_SCAN_CHARS = 2000;
/** OpenAI's own limit on a request's tools. */
const MAX_NAMED_TOOLS = 128;
const WORDS_PER_CHUNK = 2;
const TOKENS_PER_CHUNK = 3;

type Plan = {
  error?: UpstreamError;
  response: ChatResponse;
  /** The answer split into token-sized pieces, for streaming. */
  pieces: string[];
  /** The delays this answer takes, with the model's scheduled changes applied. */
  firstTokenMs: number;
  perTokenMs: number;
};

function lastUserText(req: ChatRequest): string {
  const last = req.messages[req.messages.length - 1];
  if (last?.role !== "user") return "";
  return last.content.flatMap((p) => (p.type === "text" ? [p.text] : [])).join(" ");
}

/** Calls a tool when forced to, or when the newest user turn asks for one (never right after a tool result). */
function pickTool(req: ChatRequest, prompt: string): ToolDefinition | undefined {
  const tools = req.tools ?? [];
  const choice = req.toolChoice ?? "auto";
  if (tools.length === 0 || choice === "none") return undefined;
  if (typeof choice === "object") return tools.find((t) => t.name === choice.name);
  // A tool named at the prompt's start, among the first tools: each search is of the whole window,
  // so the work is bounded by their product and not by the request's size.
  const window = prompt.slice(0, TOOL_CUE_SCAN_CHARS);
  const named = tools.slice(0, MAX_NAMED_TOOLS).find((t) => window.includes(t.name));
  if (choice === "required") return named ?? tools[0];
  // The cue reads the prompt's start: `.*` between two words is quadratic over a long text.
  return prompt && (named || TOOL_REQUEST_CUE.test(prompt.slice(0, TOOL_CUE_SCAN_CHARS))) ? (named ?? tools[0]) : undefined;
}

function chooseFailure(random: () => number, settings: SimulationSettings, model: string): UpstreamError | undefined {
  if (random() >= settings.errorRate) return undefined;
  const rateLimited = random() < 0.5;
  return new UpstreamError({
    status: rateLimited ? 429 : 503,
    kind: rateLimited ? "rate_limited" : "server",
    message: rateLimited ? `simulated rate limit on ${model}` : `simulated outage on ${model}`,
    provider: "simulated",
    ...(rateLimited ? { retryAfterMs: 1000 } : {}),
  });
}

/** Everything about the answer is decided up front from a hash of (seed, model, request), and the model's changes begun by `at`. */
export function planSimulation(req: ChatRequest, model: string, settings: SimulationSettings, at: Date = new Date()): Plan {
  const conditions = conditionsAt(settings.changes, model, at);
  const delays = { firstTokenMs: settings.firstTokenMs * conditions.latencyFactor, perTokenMs: settings.perTokenMs * conditions.latencyFactor };
  const key = JSON.stringify([settings.seed, model, req.system, req.messages, req.tools, req.toolChoice]);
  const hash = hashString(key);
  const random = createRandom(hash);
  const id = `sim-${hash.toString(16).padStart(8, "0")}`;
  const prompt = lastUserText(req);
  const usage = { inputTokens: countRequestTokens(req), outputTokens: 0 };
  const error = chooseFailure(random, settings, model);

  const tool = isJudgingRequest(req) ? undefined : pickTool(req, prompt);
  if (tool) {
    const args = JSON.stringify(generateFromSchema(tool.parameters));
    const toolCall: ToolCall = { id: `call_${hash.toString(36)}`, name: tool.name, arguments: args };
    usage.outputTokens = countTextTokens(tool.name) + countTextTokens(args);
    const response: ChatResponse = { id, model, content: "", toolCalls: [toolCall], finishReason: "tool_calls", usage };
    return { error, response, pieces: [], ...delays };
  }

  const format = req.responseFormat;
  const text =
    format?.type === "json_schema"
      ? JSON.stringify(generateFromSchema(format.schema))
      : format?.type === "json_object"
        ? JSON.stringify({ answer: answerText(req, prompt, model, hash, random, conditions) })
        : answerText(req, prompt, model, hash, random, conditions);
  let tokens = encodeText(text);
  const truncated = req.maxTokens !== undefined && tokens.length > req.maxTokens;
  if (truncated) tokens = tokens.slice(0, req.maxTokens);
  // Split on words, not tokens: a token boundary can fall inside a multi-byte character.
  const content = decodeTokens(tokens);
  // JSON answers have no spaces to split on: they stream in slices, as a model's tokens would.
  const words = (format && format.type !== "text" ? content.match(/[^]{1,8}/gu) : content.match(/\s*\S+/g)) ?? [];
  const pieces: string[] = [];
  for (let i = 0; i < words.length; i += WORDS_PER_CHUNK) pieces.push(words.slice(i, i + WORDS_PER_CHUNK).join(""));
  usage.outputTokens = tokens.length;
  const finishReason = truncated ? "length" : "stop";
  return { error, response: { id, model, content, toolCalls: [], finishReason, usage }, pieces, ...delays };
}

/**
 * The answer's text: a judging request gets a verdict; any other request a plausible answer that
 * ends with the simulator's note on its soundness, drawn at the model's true quality (see
 * simulated-truth.ts), for models the simulator has a figure for.
 */
function answerText(req: ChatRequest, prompt: string, model: string, hash: number, random: () => number, conditions: SimulatedConditions): string {
  // Draws from the request's hash (its content, the model and the seed), not from `random`, so that
  // adding the judge and the truth left every other answer's wording as it was.
  const contentKey = hash.toString(36);
  if (isJudgingRequest(req)) return simulatedJudgement(prompt, createRandom(hashString(`judge|${model}|${contentKey}`)));
  const answer = generateAnswer(prompt || "the previous result", random);
  const truth = trueQuality(model, detectCategory(prompt));
  if (truth === null) return answer;
  const quality = Math.min(100, Math.max(0, truth + conditions.qualityDelta));
  return `${answer}\n\n${soundnessNote(soundnessOf(contentKey, model, quality), contentKey)}`;
}

function resolveOptions(options: SimulateOptions) {
  const settings: SimulationSettings = {
    firstTokenMs: options.firstTokenMs ?? DEFAULT_SIMULATION.firstTokenMs,
    perTokenMs: options.perTokenMs ?? DEFAULT_SIMULATION.perTokenMs,
    errorRate: options.errorRate ?? DEFAULT_SIMULATION.errorRate,
    seed: options.seed ?? DEFAULT_SIMULATION.seed,
    changes: options.changes ?? DEFAULT_SIMULATION.changes,
  };
  return { settings, model: options.model ?? "simulated", signal: options.signal, now: (options.now ?? (() => new Date()))() };
}

export async function simulate(req: ChatRequest, options: SimulateOptions = {}): Promise<ChatResponse> {
  const { settings, model, signal, now } = resolveOptions(options);
  const plan = planSimulation(req, model, settings, now);
  await sleep(plan.firstTokenMs, signal);
  if (plan.error) throw plan.error;
  await sleep(plan.perTokenMs * Math.max(plan.response.usage.outputTokens - 1, 0), signal);
  return plan.response;
}

export async function* simulateStream(req: ChatRequest, options: SimulateOptions = {}): AsyncGenerator<StreamEvent> {
  const { settings, model, signal, now } = resolveOptions(options);
  const { error, response, pieces, firstTokenMs, perTokenMs } = planSimulation(req, model, settings, now);
  await sleep(firstTokenMs, signal);
  if (error) throw error;
  yield { type: "start", id: response.id, model };
  for (const [i, piece] of pieces.entries()) {
    if (i > 0) await sleep(perTokenMs * TOKENS_PER_CHUNK, signal);
    yield { type: "text", text: piece };
  }
  for (const [index, call] of response.toolCalls.entries()) {
    yield { type: "tool_call_start", index, id: call.id, name: call.name };
    const third = Math.ceil(call.arguments.length / 3);
    for (let at = 0; at < call.arguments.length; at += third) {
      await sleep(perTokenMs * TOKENS_PER_CHUNK, signal);
      yield { type: "tool_call_delta", index, argumentsDelta: call.arguments.slice(at, at + third) };
    }
  }
  yield { type: "finish", finishReason: response.finishReason };
  yield { type: "usage", usage: response.usage };
}
