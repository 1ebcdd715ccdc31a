/**
 * One evaluation of a served answer: the same request answered by a challenger, both answers shown
 * to the judge twice with their positions swapped, and the result written as one Evaluation row
 * plus, when the judge gave two verdicts, one "judgement" LearningEvent for the learning job.
 *
 * It runs off the request's path (see evaluation-queue.ts) and never throws: a failed challenger or
 * judge becomes a row with that status, and the reason stays in the server's log. The budget is
 * reserved before any provider call; over it, the row says so and no provider is called.
 */
import type { ChatRequest, ChatResponse, Usage } from "../../providers/types";
import type { CatalogModel } from "../../routing/types";
import type { JudgementPayload } from "../learning-event";
import type { EvaluationBudget } from "./evaluation-budget";
import { JUDGE_MAX_TOKENS, MAX_ANSWER_CHARS, judgeRequest, parseVerdict, renderConversation, servedWinsOf, type Verdict } from "./judge-prompt";

export type EvaluationStatus = "ok" | "challenger_failed" | "judge_failed" | "over_budget";

export interface EvaluationJob {
  tenantId: string;
  requestId: string;
  category: string;
  /** The caller's request as the served model got it (canonical form). */
  request: ChatRequest;
  served: CatalogModel;
  servedAnswer: string;
  challenger: CatalogModel;
  judge: CatalogModel;
  /** The tenant's monthly evaluation budget (USD); null = none. */
  budgetUsd: number | null;
  /** The routing estimate of the request's tokens, for the expected cost. */
  inputTokens: number;
  outputTokens: number;
}

export interface EvaluationRow {
  tenantId: string;
  requestId: string;
  category: string;
  servedModel: string;
  challengerModel: string;
  judgeModel: string;
  status: EvaluationStatus;
  servedWins: number | null;
  costUsd: number | null;
}

export interface EvaluationDeps {
  /** One call to one model through the gateway's provider path; throws on any failure. */
  callModel(model: CatalogModel, request: ChatRequest): Promise<ChatResponse>;
  /** Prices a call's usage as usage records are priced; null = unpriced. */
  price(model: CatalogModel, usage: Usage): number | null;
  budget: EvaluationBudget;
  /**
   * Writes the row and, with `judgement`, the judgement event naming the row, together. The event
   * payload gets the row's id (see JudgementPayload).
   */
  save(row: EvaluationRow, judgement: Omit<JudgementPayload, "evaluationId"> | null): Promise<void>;
  now(): Date;
  /** Server-side log for what went wrong; never shown to callers. */
  warn(message: string): void;
}

/** A rough token count for text we have not sent yet (about four characters a token), for reservations only. */
const tokensOfChars = (chars: number) => Math.ceil(chars / 4);
const RUBRIC_TOKENS = 200;

/** Plain text of an answer: its text, then any tool calls it made (a judge must see those too). */
export function answerText(response: Pick<ChatResponse, "content" | "toolCalls">): string {
  const calls = response.toolCalls.map((c) => `[tool call ${c.name}(${c.arguments})]`);
  return [response.content, ...calls].filter((s) => s.length > 0).join("\n");
}

function priceOf(model: CatalogModel, inputTokens: number, outputTokens: number): number {
  return (inputTokens * (model.inputPricePerMTok ?? 0) + outputTokens * (model.outputPricePerMTok ?? 0)) / 1_000_000;
}

/** What the evaluation is expected to cost: the challenger's answer and two judge calls that each read the conversation and both answers. */
export function expectedCostUsd(job: EvaluationJob, conversationChars: number): number {
  const challenger = priceOf(job.challenger, job.inputTokens, job.outputTokens);
  const answerTokens = Math.min(tokensOfChars(job.servedAnswer.length), tokensOfChars(MAX_ANSWER_CHARS)) + Math.min(job.outputTokens, tokensOfChars(MAX_ANSWER_CHARS));
  const judgeInput = RUBRIC_TOKENS + tokensOfChars(conversationChars) + answerTokens;
  return challenger + 2 * priceOf(job.judge, judgeInput, JUDGE_MAX_TOKENS);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function runEvaluation(job: EvaluationJob, deps: EvaluationDeps): Promise<EvaluationStatus | null> {
  const row: EvaluationRow = {
    tenantId: job.tenantId, requestId: job.requestId, category: job.category, servedModel: job.served.id,
    challengerModel: job.challenger.id, judgeModel: job.judge.id, status: "over_budget", servedWins: null, costUsd: 0,
  };
  let cost: number | null = 0;
  const addCost = (model: CatalogModel, usage: Usage) => {
    const usd = deps.price(model, usage);
    cost = cost === null || usd === null ? null : cost + usd;
  };
  let reservation: Awaited<ReturnType<EvaluationBudget["reserve"]>> = null;
  try {
    const conversation = renderConversation(job.request);
    reservation = await deps.budget.reserve(job.tenantId, job.budgetUsd, expectedCostUsd(job, conversation.length), deps.now());
    if (!reservation) {
      await deps.save(row, null);
      return row.status;
    }

    let challengerAnswer: string;
    try {
      const response = await deps.callModel(job.challenger, { ...job.request, stream: false });
      addCost(job.challenger, response.usage);
      challengerAnswer = answerText(response);
    } catch (error) {
      deps.warn(`[evaluation] ${job.requestId} challenger ${job.challenger.id} failed: ${messageOf(error)}`);
      row.status = "challenger_failed";
      row.costUsd = cost;
      await deps.save(row, null);
      return row.status;
    }

    // Both readings at once: they are independent, and the evaluation holds its budget until both end.
    const readings = await Promise.allSettled([
      deps.callModel(job.judge, judgeRequest(conversation, job.servedAnswer, challengerAnswer)),
      deps.callModel(job.judge, judgeRequest(conversation, challengerAnswer, job.servedAnswer)),
    ]);
    const verdicts: (Verdict | null)[] = readings.map((r, i) => {
      if (r.status === "rejected") {
        deps.warn(`[evaluation] ${job.requestId} judge ${job.judge.id} (reading ${i + 1}) failed: ${messageOf(r.reason)}`);
        return null;
      }
      addCost(job.judge, r.value.usage);
      const verdict = parseVerdict(r.value.content);
      if (verdict === null) deps.warn(`[evaluation] ${job.requestId} judge ${job.judge.id} (reading ${i + 1}) gave no verdict`);
      return verdict;
    });
    row.costUsd = cost;
    row.servedWins = servedWinsOf(verdicts[0] ?? null, verdicts[1] ?? null);
    row.status = row.servedWins === null ? "judge_failed" : "ok";
    const judgement = row.status === "ok" ? { category: job.category, served: job.served.id, challenger: job.challenger.id } : null;
    await deps.save(row, judgement);
    return row.status;
  } catch (error) {
    // Only the store (or the budget's seed query) can get here; the evaluation is lost, not the request.
    deps.warn(`[evaluation] ${job.requestId} could not be recorded: ${messageOf(error)}`);
    return null;
  } finally {
    if (reservation) await deps.budget.settle(reservation, cost).catch((error: unknown) => deps.warn(`[evaluation] ${job.requestId} could not settle its budget hold: ${messageOf(error)}`));
  }
}
