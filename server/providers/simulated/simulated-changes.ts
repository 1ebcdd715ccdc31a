/**
 * Scheduled changes to a simulated model, for testing drift detection: from a known time on, a
 * model answers slower (its delays multiplied) or worse (its true quality moved by some points),
 * as a provider's regression would. Given to the simulated adapter in its settings
 * (`createProviderRegistry({ changes: [...] })`); the gateway never sets any.
 */
export interface SimulatedChange {
  /** The model as the simulator sees it (its provider model id or catalog id). */
  model: string;
  /** From this time on (inclusive) the change applies. */
  at: Date;
  /** Multiplies the time to first token and the time per token. */
  latencyFactor?: number;
  /** Added to the model's true quality (points, 0-100) in every category. */
  qualityDelta?: number;
}

export interface SimulatedConditions {
  latencyFactor: number;
  qualityDelta: number;
}

/** What the changes that have begun by `at` do to `model`: factors multiply, deltas add up. */
export function conditionsAt(changes: readonly SimulatedChange[], model: string, at: Date): SimulatedConditions {
  let latencyFactor = 1;
  let qualityDelta = 0;
  for (const c of changes) {
    if (c.model !== model || at < c.at) continue;
    latencyFactor *= c.latencyFactor ?? 1;
    qualityDelta += c.qualityDelta ?? 0;
  }
  return { latencyFactor, qualityDelta };
}
