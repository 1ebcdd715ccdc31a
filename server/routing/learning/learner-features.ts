/**
 * The learned difficulty's features of a request, copied out of the router's scratch buffers so
 * that they can be kept with the request until its outcomes arrive (feedback, an evaluation).
 * Off the request's path: it classifies and featurises the request again, exactly as route() does.
 */
import { classifyCategory, lastFeatures } from "../classify-category";
import { difficultyFromFeatures, lastDifficultyDense } from "../estimate-difficulty";
import { extractPromptText } from "../extract-prompt-text";
import { getDifficultyModel } from "../load-model";
import type { RouteRequest } from "../types";
import type { LearnerFeatures } from "./learned-difficulty";

/** Features of the router's last classification (scratch buffers, valid until the next call). */
export function currentLearnerFeatures(staticDifficulty: number): LearnerFeatures {
  return { idx: lastFeatures.sink.idx, val: lastFeatures.sink.val, n: lastFeatures.userCount(), dense: lastDifficultyDense, staticDifficulty };
}

/** A request's learner features as plain arrays (null when it has no user text to learn from). */
export function learnerFeaturesOf(request: RouteRequest): (LearnerFeatures & { idx: number[]; val: number[]; dense: number[] }) | null {
  const text = extractPromptText(request);
  if (text.user.trim() === "") return null;
  classifyCategory(text);
  const model = getDifficultyModel();
  const staticDifficulty = difficultyFromFeatures(
    text.user, lastFeatures.sink, lastFeatures.userCount(), lastFeatures.dense, model, lastFeatures.difficultySparse(model.weights),
  );
  const n = lastFeatures.userCount();
  return {
    idx: Array.from(lastFeatures.sink.idx.subarray(0, n)),
    val: Array.from(lastFeatures.sink.val.subarray(0, n)),
    n,
    dense: Array.from(lastDifficultyDense),
    staticDifficulty,
  };
}
