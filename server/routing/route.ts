import { classifyCategory, lastFeatures } from "./classify-category";
import { countTokens, MESSAGE_OVERHEAD_TOKENS } from "./count-tokens";
import { estimateCost } from "./estimate-cost";
import { difficultyFromFeatures } from "./estimate-difficulty";
import { formatBelow, summarizeDecision } from "./explain-decision";
import { extractPromptText } from "./extract-prompt-text";
import { getDifficultyModel } from "./load-model";
import { matchCustomCategory } from "./match-custom-category";
import { ruleOf } from "./rule-of";
import { chatModelsOf } from "./model-kind";
import { applyProfiles, type ProfileUse } from "./learning/capability-profile";
import { correctCategory, type CategoryCorrection } from "./learning/category-corrections";
import { predictDifficulty, type LearnedDifficulty } from "./learning/learned-difficulty";
import { currentLearnerFeatures } from "./learning/learner-features";
import { qualityCeiling, requiredQualityFor, selectModel } from "./select-model";
import type { CatalogModel, CategorySource, DecisionLearning, RouteInput, RouteRequest, RoutingDecision, RoutingPolicy } from "./types";

/** Expected output tokens per category when the request gives no smaller max_tokens. */
export const DEFAULT_OUTPUT_TOKENS: Record<string, number> = {
  coding: 600,
  math: 500,
  science: 400,
  computer_use: 300,
  general: 450,
};
const FALLBACK_OUTPUT_TOKENS = 450;

export function estimateOutputTokens(category: string, policy: RoutingPolicy, maxOutputTokens?: number): number {
  const typical = policy.outputTokensByCategory?.[category] ?? DEFAULT_OUTPUT_TOKENS[category] ?? FALLBACK_OUTPUT_TOKENS;
  return maxOutputTokens !== undefined && maxOutputTokens > 0 && maxOutputTokens < typical ? maxOutputTokens : typical;
}

export function estimateInputTokens(request: RouteRequest): number {
  let n = request.toolingTokens ?? 0;
  if (request.system) n += countTokens(request.system) + MESSAGE_OVERHEAD_TOKENS;
  for (const m of request.messages ?? []) n += countTokens(m.content ?? "") + MESSAGE_OVERHEAD_TOKENS;
  for (const t of request.tools ?? []) n += countTokens(`${t.name} ${t.description ?? ""}`) + MESSAGE_OVERHEAD_TOKENS;
  return n;
}

/**
 * Route one request. Pure: the result depends only on the input (request, catalog snapshot,
 * policy, health, clock) and the committed model artefacts.
 */
export function route(input: RouteInput): RoutingDecision & DecisionLearning {
  const { request, policy, unhealthy, now, learning } = input;
  // Embedding models are never candidates (nor baselines) of a chat request.
  let catalog: readonly CatalogModel[] = chatModelsOf(input.catalog);
  const text = extractPromptText(request);
  const notes: string[] = [];

  // 1. Category: forced > custom rule > the tenant's corrections > classifier (> policy default when unsure).
  const prediction = classifyCategory(text);
  // Difficulty reuses the classifier's features of the last user turn (one featurisation per request).
  const difficultyModel = getDifficultyModel();
  const staticDifficulty = difficultyFromFeatures(
    text.user, lastFeatures.sink, lastFeatures.userCount(), lastFeatures.dense, difficultyModel,
    lastFeatures.difficultySparse(difficultyModel.weights),
  );
  let category = prediction.category;
  let confidence = prediction.confidence;
  let categorySource: CategorySource = "classifier";
  let sourceDetail = "";
  // The tenant's corrections read the same features of the last user turn (scratch buffers, read only).
  const learnedCategory: CategoryCorrection | null =
    learning?.categories && text.user.trim() !== ""
      ? correctCategory(learning.categories, { idx: lastFeatures.sink.idx, val: lastFeatures.sink.val, n: lastFeatures.userCount() })
      : null;
  const forced = request.forcedCategory?.trim();
  const custom = forced ? null : matchCustomCategory(policy.customCategories, `${text.user}\n${text.context}`, request.metadata);
  if (forced && ruleOf(policy, forced)) {
    category = forced;
    confidence = 1;
    categorySource = "forced";
  } else {
    if (forced) notes.push(`forced category "${forced}" has no rule in policy ${policy.id}; ignored`);
    if (custom && ruleOf(policy, custom.name)) {
      category = custom.name;
      confidence = 1;
      categorySource = "rule";
      sourceDetail = `${custom.name} (${custom.matchedBy})`;
    } else {
      if (custom) notes.push(`custom category "${custom.name}" has no rule in policy ${policy.id}; ignored`);
      const unsure = prediction.confidence < policy.confidenceThreshold || !ruleOf(policy, category);
      if (learnedCategory && !ruleOf(policy, learnedCategory.category)) notes.push(`learned category "${learnedCategory.category}" has no rule in policy ${policy.id}; ignored`);
      // A correction counts when it changes the outcome: another category, or the classifier's own
      // category where the classifier alone was too unsure to use it.
      if (learnedCategory && ruleOf(policy, learnedCategory.category) && (learnedCategory.category !== prediction.category || unsure)) {
        category = learnedCategory.category;
        confidence = learnedCategory.similarity;
        categorySource = "learned";
        sourceDetail = `${learnedCategory.category} (similarity ${learnedCategory.similarity.toFixed(2)} to ${learnedCategory.corrections} correction${learnedCategory.corrections === 1 ? "" : "s"})`;
        notes.push(`category ${learnedCategory.category} learned from this tenant's corrections (classifier said ${prediction.category} at ${prediction.confidence.toFixed(2)})`);
      } else if (unsure) {
        sourceDetail = ruleOf(policy, category)
          ? `classifier said ${prediction.category} at ${formatBelow(prediction.confidence, policy.confidenceThreshold)} < threshold ${policy.confidenceThreshold}`
          : `classifier category ${prediction.category} has no rule`;
        category = policy.defaultCategory;
        categorySource = "default";
      }
    }
  }

  // 2. Difficulty raises the quality bar: the tenant's learned difficulty once it has seen enough.
  let difficulty = staticDifficulty;
  let learnedDifficulty: LearnedDifficulty | null = null;
  if (learning?.difficulty && text.user.trim() !== "") {
    learnedDifficulty = predictDifficulty(learning.difficulty, category, currentLearnerFeatures(staticDifficulty));
    if (learnedDifficulty) {
      difficulty = learnedDifficulty.difficulty;
      notes.push(
        `difficulty learned from ${learnedDifficulty.requests} requests with outcomes (${learnedDifficulty.learner === "*" ? "all categories" : category}); static estimate ${staticDifficulty.toFixed(2)}`,
      );
    }
  }
  // Capability profiles replace catalog figures where they are narrow enough.
  let profileUses: readonly ProfileUse[] = [];
  if (learning?.profiles) {
    const applied = applyProfiles(catalog, category, learning.profiles.book, learning.profiles.options);
    catalog = applied.catalog;
    profileUses = applied.uses;
    for (const note of applied.notes) notes.push(note);
  }
  const learningReport = learning ? { staticDifficulty, learnedDifficulty, profiles: profileUses, learnedCategory } : undefined;
  const rule = ruleOf(policy, category);
  const inputTokens = estimateInputTokens(request);
  const outputTokens = estimateOutputTokens(category, policy, request.maxOutputTokens);
  const baselineModel = catalog.find((m) => m.id === policy.baselineModelId) ?? null;
  const baselineEst = baselineModel ? estimateCost(baselineModel, inputTokens, outputTokens) : null;
  const baselineCostUsd = baselineEst && baselineEst.priced ? baselineEst.usd : null;

  if (!rule) {
    const message = `Policy "${policy.name}" has no rule for category "${category}" (default category misconfigured)`;
    return {
      category, confidence, categorySource, classifierCategory: prediction.category, classifierConfidence: prediction.confidence, difficulty,
      model: null, fallbacks: [], degraded: false,
      error: { code: "no_rule_for_category", message },
      estimate: { inputTokens, outputTokens, costUsd: null, baselineCostUsd },
      candidates: [], modelsNotAllowed: 0, notes,
      summary: `${category}, difficulty ${difficulty.toFixed(2)} → no model: ${message}`,
    };
  }
  const requiredQuality = requiredQualityFor(rule, policy.difficultyBarRaise * difficulty, qualityCeiling(catalog, rule, category, now));

  // 3. Selection and fallback plan.
  const sel = selectModel({
    catalog, rule, category, requiredQuality, inputTokens, outputTokens, unhealthy, now, needsStructuredOutput: request.needsStructuredOutput,
  });
  const chosenCost = sel.model ? estimateCost(sel.model, inputTokens, outputTokens) : null;
  const costUsd = chosenCost && chosenCost.priced ? chosenCost.usd : null;

  // 4. Explanation.
  const summary = summarizeDecision({
    category, confidence, categorySource, sourceDetail, difficulty, model: sel.model, choiceReason: sel.choiceReason,
    costUsd, baselineCostUsd, baselineModelId: policy.baselineModelId, degraded: sel.degraded,
    errorMessage: sel.error?.message ?? null,
  });
  return {
    category,
    confidence: Math.round(confidence * 1000) / 1000,
    categorySource,
    categoryDetail: sourceDetail || undefined,
    classifierCategory: prediction.category,
    classifierConfidence: prediction.confidence,
    difficulty,
    model: sel.model,
    fallbacks: sel.fallbacks,
    degraded: sel.degraded,
    error: sel.error,
    estimate: { inputTokens, outputTokens, costUsd, baselineCostUsd },
    candidates: sel.candidates,
    modelsNotAllowed: sel.modelsNotAllowed,
    ...(learningReport ? { learning: learningReport } : {}),
    notes,
    summary,
  };
}
