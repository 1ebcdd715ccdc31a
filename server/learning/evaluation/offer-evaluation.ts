/**
 * The gateway's one entry into evaluations. After a routed, non-cached answer succeeded, the
 * request is sampled by its rule's evaluation share; a sampled request hands its served answer
 * (for a stream, the text collected as it went out) to the bounded evaluation queue, and the
 * caller's response neither waits for it nor can fail because of it.
 */
import { getDb } from "../../db/client";
import { getBudgetStore } from "../../limits/limiter-instance";
import { AbortScope } from "../../providers/abort-scope";
import type { ChatRequest, ChatResponse, StreamEvent } from "../../providers/types";
import { applyProfiles } from "../../routing/learning/capability-profile";
import { isSampledForEvaluation } from "../../routing/learning/sample-evaluation";
import { ruleOf } from "../../routing/rule-of";
import type { CatalogModel, RoutingDecision, RoutingPolicy } from "../../routing/types";
import { priceUsage } from "../../gateway/build-usage-record";
import type { TenantConfig } from "../../gateway/load-tenant-config";
import { UPSTREAM_TIMEOUTS, defaultGuards, runAttempts } from "../../gateway/run-attempts";
import { EvaluationBudget } from "./evaluation-budget";
import { EvaluationQueue } from "./evaluation-queue";
import { loadMonthSpend, saveEvaluation } from "./evaluation-store";
import { pickChallenger } from "./pick-challenger";
import { answerText, runEvaluation, type EvaluationDeps } from "./run-evaluation";

/** The sample's seed: fixed, so that a request id is in or out of the sample in every process. */
export const EVALUATION_SAMPLE_SEED = 14;
/** Larger requests are not evaluated: three more calls each reading them would cost too much. */
export const MAX_EVALUATED_INPUT_TOKENS = 32_000;
/** How much of a streamed answer is kept for the judge (the prompt clips answers below this anyway). */
export const MAX_COLLECTED_ANSWER_CHARS = 32_000;
/** Evaluation calls get the gateway's timeouts, and one evaluation's calls never more than this in all. */
const EVALUATION_TOTAL_MS = 120_000;

export interface EvaluationContext {
  tenantId: string;
  requestId: string;
  config: TenantConfig;
  policy: RoutingPolicy;
  decision: RoutingDecision;
  /** The canonical request the served model answered. */
  request: ChatRequest;
  served: CatalogModel;
  now: Date;
}

export interface SampledEvaluation {
  /** Queues the evaluation of this served answer. */
  offer(answer: string): void;
  /** Passes a stream through, collecting its answer, and offers it once the stream ended well. */
  tap(events: AsyncIterable<StreamEvent>): AsyncIterable<StreamEvent>;
}

let shared: { queue: EvaluationQueue; budget: EvaluationBudget; deps: (config: TenantConfig, deadlineAt: number) => EvaluationDeps } | null = null;

function evaluations() {
  if (shared) return shared;
  const db = getDb();
  const budget = new EvaluationBudget(getBudgetStore(), loadMonthSpend(db));
  const save = saveEvaluation(db);
  // `deadlineAt`: one deadline for the whole evaluation (the challenger, then both judge readings),
  // so that a slow model holds its tenant's running slot for EVALUATION_TOTAL_MS at most.
  const deps = (config: TenantConfig, deadlineAt: number): EvaluationDeps => ({
    // The gateway's own attempt path (adapters, outbound allow-list, circuit breakers), one model, no retries.
    callModel: async (model, request) => {
      const left = deadlineAt - Date.now();
      if (left <= 0) throw new Error(`the evaluation ran past its ${EVALUATION_TOTAL_MS / 1000} s`);
      const timeouts = { ...UPSTREAM_TIMEOUTS, totalMs: Math.min(UPSTREAM_TIMEOUTS.totalMs ?? left, left) };
      const guards = { ...defaultGuards(config.tenantId), retryDeadlineAt: Date.now() };
      const success = await runAttempts([model], { ...request, stream: false }, config, new AbortScope(), guards, timeouts);
      return success.result as ChatResponse;
    },
    price: (model, usage) => priceUsage(model, usage),
    budget,
    save,
    now: () => new Date(),
    warn: (message) => console.warn(message),
  });
  shared = { queue: new EvaluationQueue(), budget, deps };
  return shared;
}

/** This process's evaluation queue, for /api/health: jobs waiting and running, and those dropped because it was full. */
export function evaluationQueueStats(): { pending: number; running: number; dropped: number } {
  if (!shared) return { pending: 0, running: 0, dropped: 0 };
  return { ...shared.queue.size, dropped: shared.queue.dropped };
}

/** The request's evaluation when its rule samples it and everything it needs exists; null otherwise (the common case, and cheap). */
export function sampleEvaluation(ctx: EvaluationContext): SampledEvaluation | null {
  const rule = ruleOf(ctx.policy, ctx.decision.category);
  const share = rule?.evaluationShare ?? 0;
  if (!rule || !(share > 0) || !rule.judgeModel) return null;
  if (ctx.config.evaluationBudgetUsd === null || !(ctx.config.evaluationBudgetUsd > 0)) return null;
  if (ctx.decision.estimate.inputTokens > MAX_EVALUATED_INPUT_TOKENS) return null;
  if (!isSampledForEvaluation(ctx.requestId, share, EVALUATION_SAMPLE_SEED)) return null;
  // The judge reads text only; and a queued job keeps its request, which images could make large.
  if (ctx.request.messages.some((m) => m.content.some((p) => p.type === "image"))) return null;
  const judge = ctx.config.catalog.find((m) => m.id === rule.judgeModel && m.enabled);
  if (!judge) return null;
  // "Better" as routing believes it: the tenant's usable profiles over the catalog figures.
  const profiles = ctx.config.learning.profiles;
  const catalog = profiles ? applyProfiles(ctx.config.catalog, ctx.decision.category, profiles.book, profiles.options).catalog : ctx.config.catalog;
  const challenger = pickChallenger({
    served: ctx.served, catalog, rule, category: ctx.decision.category, requestId: ctx.requestId, now: ctx.now,
    inputTokens: ctx.decision.estimate.inputTokens, outputTokens: ctx.decision.estimate.outputTokens,
  });
  if (!challenger) return null;

  const offer = (answer: string) => {
    const { queue, deps } = evaluations();
    const job = {
      tenantId: ctx.tenantId, requestId: ctx.requestId, category: ctx.decision.category, request: ctx.request, served: ctx.served,
      servedAnswer: answer, challenger: challenger.model, judge, budgetUsd: ctx.config.evaluationBudgetUsd,
      inputTokens: ctx.decision.estimate.inputTokens, outputTokens: ctx.decision.estimate.outputTokens,
    };
    if (queue.offer(ctx.tenantId, () => runEvaluation(job, deps(ctx.config, Date.now() + EVALUATION_TOTAL_MS)).then(() => undefined))) return;
    // One line per hundred drops: a burst that fills the queue must not flood the log too.
    if (queue.dropped % 100 === 1) console.warn(`[evaluation] the evaluation queue is full: ${queue.dropped} evaluations dropped so far in this process`);
  };
  return { offer, tap: (events) => collectAnswer(events, offer) };
}

/** The answer of a non-streamed response, as the judge reads it. */
export function answerOf(response: ChatResponse): string {
  return answerText(response);
}

/**
 * The stream as it was, with its text (and tool calls) kept up to a cap; `done` gets the answer
 * only when the stream ran to its finish (not when it failed or the caller went away).
 */
export async function* collectAnswer(events: AsyncIterable<StreamEvent>, done: (answer: string) => void): AsyncGenerator<StreamEvent> {
  let text = "";
  const calls: { name: string; args: string }[] = [];
  let finished = false;
  const room = () => MAX_COLLECTED_ANSWER_CHARS - text.length;
  for await (const event of events) {
    if (event.type === "text" && room() > 0) text += event.text.slice(0, room());
    else if (event.type === "tool_call_start") calls[event.index] = { name: event.name, args: "" };
    else if (event.type === "tool_call_delta" && calls[event.index] && calls[event.index]!.args.length < MAX_COLLECTED_ANSWER_CHARS) calls[event.index]!.args += event.argumentsDelta;
    else if (event.type === "finish") finished = true;
    yield event;
  }
  if (finished) done(answerText({ content: text, toolCalls: calls.filter(Boolean).map((c, i) => ({ id: String(i), name: c.name, arguments: c.args })) }));
}
