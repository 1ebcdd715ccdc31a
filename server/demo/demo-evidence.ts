// Evidence for the demo's history, drawn from the simulator's truth (simulated-truth.ts): feedback
// on a few served requests, evaluations of the sampled ones (challenger and position-swapped
// simulated judge, priced, within the monthly evaluation budget) and implicit signals. Each piece
// is queued as a LearningEvent exactly as the gateway would queue it, so the learning job folds the
// history at start and the Models page shows profiles moving from the catalog toward the truth.
import { randomUUID } from "node:crypto";
import { judgeRequest, servedWinsOf } from "../learning/evaluation/judge-prompt";
import { EVALUATION_SAMPLE_SEED } from "../learning/evaluation/offer-evaluation";
import { pickChallenger } from "../learning/evaluation/pick-challenger";
import { simulatedVerdict } from "../providers/simulated/simulated-judge";
import { soundnessNote, soundnessOf, trueQuality, type Soundness } from "../providers/simulated/simulated-truth";
import { createRandom } from "../random/mulberry32";
import { monthStart } from "../limits/calendar";
import { estimateCost, costOrNull } from "../routing/estimate-cost";
import { isSampledForEvaluation } from "../routing/learning/sample-evaluation";
import { ruleOf } from "../routing/rule-of";
import type { CatalogModel, RoutingPolicy } from "../routing/types";
import type { UsageRecord } from "../usage/usage-record";

/** What the evidence reads of a usage record (kept instead of whole records while the history is written). */
export type DemoRequest = Pick<UsageRecord, "id" | "apiKeyId" | "status" | "cacheHit" | "chosenModel" | "category" | "inputTokens" | "outputTokens" | "fallbackCount" | "createdAt">;

export function demoRequestOf(r: UsageRecord): DemoRequest {
  return {
    id: r.id, apiKeyId: r.apiKeyId, status: r.status, cacheHit: r.cacheHit, chosenModel: r.chosenModel, category: r.category,
    inputTokens: r.inputTokens, outputTokens: r.outputTokens, fallbackCount: r.fallbackCount, createdAt: r.createdAt,
  };
}

/** About this many answers get feedback whatever the history's size: enough for profiles, quick to seed and fold. */
export const DEMO_FEEDBACK_TARGET = 3000;

export interface DemoEvidenceOptions {
  tenantId: string;
  policy: RoutingPolicy;
  catalog: CatalogModel[];
  /** The history's usage records (only served, uncached answers get evidence). */
  records: readonly DemoRequest[];
  evaluationBudgetUsd: number | null;
  now: Date;
  /** Share of served answers that got a caller's feedback (default: DEMO_FEEDBACK_TARGET of them, at most 15 %). */
  feedbackShare?: number;
  seed?: number;
}

export interface DemoEvidence {
  feedback: { id: string; tenantId: string; requestId: string; apiKeyId: string | null; score: number; createdAt: Date }[];
  evaluations: {
    id: string; tenantId: string; requestId: string; category: string; servedModel: string; challengerModel: string; judgeModel: string;
    status: string; servedWins: number | null; costUsd: number | null; createdAt: Date;
  }[];
  events: { tenantId: string; requestId: string; kind: string; score: number | null; payload: Record<string, unknown>; createdAt: Date }[];
}

/** What the judging prompt of a demo evaluation holds, give or take (only its size matters: the price). */
const JUDGE_PROMPT_TOKENS = 900;
const JUDGE_REPLY_TOKENS = 60;
/** Rare failures, as real challengers and judges have them. */
const CHALLENGER_FAILURE = 0.01;
const JUDGE_FAILURE = 0.02;

const truthOf = (model: string, category: string) => trueQuality(model, category) ?? 70;

/**
 * A caller's score for an answer: 1 for a sound one, 0 for a flawed one (a thumbs up or down), so
 * that the mean score is the true rate of sound answers (graded scores inside the range would pull
 * every profile toward the middle).
 */
function feedbackScore(soundness: Soundness): number {
  return soundness === "sound" ? 1 : 0;
}

/** The two swapped readings of the simulated judge, as the gateway would get them. */
function judgedWins(requestId: string, served: Soundness, challenger: Soundness): number | null {
  const servedAnswer = `The answer. ${soundnessNote(served, requestId)}`;
  const challengerAnswer = `Another answer. ${soundnessNote(challenger, `${requestId}:c`)}`;
  const text = (req: ReturnType<typeof judgeRequest>) => (req.messages[0]!.content[0] as { text: string }).text;
  const first = simulatedVerdict(text(judgeRequest("", servedAnswer, challengerAnswer)), createRandom(hashOf(`${requestId}|1`)));
  const second = simulatedVerdict(text(judgeRequest("", challengerAnswer, servedAnswer)), createRandom(hashOf(`${requestId}|2`)));
  return servedWinsOf(first, second);
}

function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * The implicit signals of a demo answer, set on its usage record so that the usage writer logs
 * them and counts them in the rollups as it does for the gateway's: a fallback when the plan moved
 * on, and now and then a refusal (flawed answers only) or a truncation. Drawn from the request id.
 */
export function demoSignals(record: Pick<UsageRecord, "id" | "status" | "cacheHit" | "chosenModel" | "category" | "fallbackCount">): string[] {
  if (record.status !== 200 || record.cacheHit || !record.chosenModel || !record.category) return [];
  const random = createRandom(hashOf(`signals|${record.id}`));
  const flawed = soundnessOf(record.id, record.chosenModel, truthOf(record.chosenModel, record.category)) === "flawed";
  return [
    ...(record.fallbackCount > 0 ? ["fallback"] : []),
    ...(flawed && random() < 0.08 ? ["refusal"] : []),
    ...(random() < 0.015 ? ["truncated"] : []),
  ];
}

export function buildDemoEvidence(options: DemoEvidenceOptions): DemoEvidence {
  const random = createRandom(options.seed ?? 1414);
  const byId = new Map(options.catalog.map((m) => [m.id, m]));
  const evidence: DemoEvidence = { feedback: [], evaluations: [], events: [] };
  const month = monthStart(options.now).getTime();
  let monthSpend = 0;
  const later = (at: Date, ms: number) => new Date(Math.min(options.now.getTime(), at.getTime() + ms));
  // In time order, so the month's evaluation spend runs up as it would have.
  const served = options.records
    .filter((r) => r.status === 200 && !r.cacheHit && r.chosenModel && r.category)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  const feedbackShare = options.feedbackShare ?? Math.min(0.15, DEMO_FEEDBACK_TARGET / Math.max(1, served.length));
  for (const record of served) {
    const category = record.category!;
    const model = byId.get(record.chosenModel!);
    if (!model) continue;
    const soundness = soundnessOf(record.id, model.id, truthOf(model.id, category));

    if (random() < feedbackShare) {
      const id = randomUUID();
      const score = feedbackScore(soundness);
      const createdAt = later(record.createdAt, 60_000 + Math.floor(random() * 3_600_000));
      evidence.feedback.push({ id, tenantId: options.tenantId, requestId: record.id, apiKeyId: record.apiKeyId, score, createdAt });
      evidence.events.push({ tenantId: options.tenantId, requestId: record.id, kind: "feedback", score, payload: { feedbackId: id }, createdAt });
    }

    const rule = ruleOf(options.policy, category);
    const share = rule?.evaluationShare ?? 0;
    if (!rule?.judgeModel || !isSampledForEvaluation(record.id, share, EVALUATION_SAMPLE_SEED)) continue;
    const judge = byId.get(rule.judgeModel);
    const challenger = pickChallenger({
      served: model, catalog: options.catalog, rule, category, requestId: record.id, now: record.createdAt, inputTokens: record.inputTokens, outputTokens: record.outputTokens,
    });
    if (!judge || !challenger) continue;
    const challengerCost = costOrNull(estimateCost(challenger.model, record.inputTokens, record.outputTokens)) ?? 0;
    const judgeCost = costOrNull(estimateCost(judge, JUDGE_PROMPT_TOKENS + 2 * record.outputTokens, JUDGE_REPLY_TOKENS)) ?? 0;
    const createdAt = later(record.createdAt, 5_000 + Math.floor(random() * 20_000));
    const base = { id: randomUUID(), tenantId: options.tenantId, requestId: record.id, category, servedModel: model.id, challengerModel: challenger.model.id, judgeModel: judge.id, createdAt };
    const inMonth = createdAt.getTime() >= month;
    const cost = challengerCost + 2 * judgeCost;
    if (inMonth && (options.evaluationBudgetUsd === null || monthSpend + cost > options.evaluationBudgetUsd)) {
      evidence.evaluations.push({ ...base, status: "over_budget", servedWins: null, costUsd: 0 });
      continue;
    }
    const draw = random();
    let row: DemoEvidence["evaluations"][number];
    if (draw < CHALLENGER_FAILURE) row = { ...base, status: "challenger_failed", servedWins: null, costUsd: 0 };
    else if (draw < CHALLENGER_FAILURE + JUDGE_FAILURE) row = { ...base, status: "judge_failed", servedWins: null, costUsd: challengerCost };
    else {
      const challengerSoundness = soundnessOf(record.id, challenger.model.id, truthOf(challenger.model.id, category));
      row = { ...base, status: "ok", servedWins: judgedWins(record.id, soundness, challengerSoundness), costUsd: cost };
      evidence.events.push({
        tenantId: options.tenantId, requestId: record.id, kind: "judgement", score: row.servedWins,
        payload: { category, served: model.id, challenger: challenger.model.id, evaluationId: row.id }, createdAt,
      });
    }
    if (inMonth) monthSpend += row.costUsd ?? 0;
    evidence.evaluations.push(row);
  }
  return evidence;
}
