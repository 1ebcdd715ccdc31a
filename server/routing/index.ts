/** Public API of the routing engine (pure; no I/O). */
export { route, estimateInputTokens, estimateOutputTokens, DEFAULT_OUTPUT_TOKENS } from "./route";
export { countTokens, countTokensExact, createTokenCounter, EXACT_TOKEN_CHAR_LIMIT } from "./count-tokens";
export { estimateCost } from "./estimate-cost";
export { classifyCategory, type CategoryPrediction } from "./classify-category";
export { estimateDifficulty, relativeQualityGap } from "./estimate-difficulty";
export { selectModel, type Selection, type SelectionInput } from "./select-model";
export { matchCustomCategory } from "./match-custom-category";
export { summarizeDecision, savingsPercent } from "./explain-decision";
export { extractPromptText } from "./extract-prompt-text";
export { DEFAULT_CATALOG, DEFAULT_POLICY } from "./defaults";
export { BUILTIN_CATEGORIES } from "./types";
export type * from "./types";
export {
  applyProfiles, capabilityProfile, recordOutcome, recordPairwise, DEFAULT_PROFILE_OPTIONS,
  type CapabilityProfile, type ProfileBook, type ProfileEvidence, type ProfileOptions, type ProfileUse,
} from "./learning/capability-profile";
export {
  createLearner, decodeLearner, encodeLearner, learnDifficulty, predictDifficulty, ALL_CATEGORIES, DEFAULT_LEARNER_OPTIONS,
  type DifficultyFeedback, type DifficultyLearner, type LearnedDifficulty, type LearnerFeatures, type LearnerJson, type LearnerOptions,
} from "./learning/learned-difficulty";
export { learnerFeaturesOf } from "./learning/learner-features";
export {
  correctCategory, correctionCounts, createCorrections, decodeCorrections, encodeCorrections, learnCorrection, DEFAULT_CORRECTION_OPTIONS,
  type CategoryCorrection, type CategoryCorrections, type CorrectionOptions, type CorrectionsJson,
} from "./learning/category-corrections";
export { isSampledForEvaluation } from "./learning/sample-evaluation";
