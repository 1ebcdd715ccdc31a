/**
 * Synthetic hourly traffic for the drift check's tests and benchmark: per model, category and
 * hour, what the rollups and the evidence tables would hold (request counts, errors, fallbacks,
 * bad answers, tokens, cost, latency and time-to-first-token histograms, feedback scores, judged
 * evaluations), drawn from a seeded generator around fixed per-model levels. A `change` moves one
 * model and category from a given hour on, as a provider's regression would.
 */
import { createRandom } from "../random/mulberry32";
import { LATENCY_BUCKET_COUNT, latencyBucketIndex } from "../usage/latency-buckets";

export const SYNTHETIC_CATEGORIES = ["coding", "math", "science", "computer_use", "general", "support"] as const;

export interface HourTraffic {
  model: string;
  category: string;
  hour: Date;
  requests: number;
  errors: number;
  fallbacks: number;
  badAnswers: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencySumMs: number;
  ttftSumMs: number;
  latencyHistogram: number[];
  ttftHistogram: number[];
  /** Feedback scores (0 or 1) given on this hour's requests. */
  feedbackScores: number[];
  /** Judged evaluations of this hour's served answers (0, 0.5 or 1). */
  judged: number[];
}

export interface SyntheticChange {
  model: string;
  category: string;
  from: Date;
  latencyFactor?: number;
  /** Subtracted from the chance that an answer is good (feedback 1, judged win). */
  qualityDrop?: number;
}

export interface SyntheticOptions {
  models: number;
  categories: readonly string[];
  /** Hours of traffic ending just before `end`. */
  hours: number;
  end: Date;
  seed: number;
  /** Mean requests per model, category and hour (each hour draws 50-150% of it). */
  requestsPerHour: number;
  change?: SyntheticChange;
}

const HOUR_MS = 3_600_000;

export const syntheticModel = (index: number) => `model-${String(index).padStart(2, "0")}`;

/** A log-normal draw around `median` (Box-Muller). */
function logNormal(random: () => number, median: number, sigma: number): number {
  const u = Math.max(random(), 1e-12);
  return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random()));
}

export function syntheticTraffic(options: SyntheticOptions): HourTraffic[] {
  const random = createRandom(options.seed);
  const out: HourTraffic[] = [];
  const start = options.end.getTime() - options.hours * HOUR_MS;
  for (let m = 0; m < options.models; m++) {
    const model = syntheticModel(m);
    const medianMs = 300 + 120 * (m % 10);
    const tokensPerRequest = 500 + 40 * m;
    const usdPerToken = (1 + (m % 5)) * 1e-6;
    for (const category of options.categories) {
      const good = 0.7 + 0.05 * (m % 5);
      for (let h = 0; h < options.hours; h++) {
        const hour = new Date(start + h * HOUR_MS);
        const changed = options.change?.model === model && options.change.category === category && hour >= options.change.from;
        const latencyFactor = changed ? (options.change?.latencyFactor ?? 1) : 1;
        const goodChance = good - (changed ? (options.change?.qualityDrop ?? 0) : 0);
        const requests = Math.round(options.requestsPerHour * (0.5 + random()));
        const row: HourTraffic = {
          model, category, hour, requests, errors: 0, fallbacks: 0, badAnswers: 0, inputTokens: 0, outputTokens: 0, costUsd: 0,
          latencySumMs: 0, ttftSumMs: 0,
          latencyHistogram: new Array<number>(LATENCY_BUCKET_COUNT).fill(0), ttftHistogram: new Array<number>(LATENCY_BUCKET_COUNT).fill(0),
          feedbackScores: [], judged: [],
        };
        for (let r = 0; r < requests; r++) {
          const latency = Math.round(logNormal(random, medianMs * latencyFactor, 0.4));
          const ttft = Math.round(latency * 0.3);
          row.latencySumMs += latency;
          row.ttftSumMs += ttft;
          row.latencyHistogram[latencyBucketIndex(latency)]!++;
          row.ttftHistogram[latencyBucketIndex(ttft)]!++;
          if (random() < 0.02) row.errors++;
          if (random() < 0.03) row.fallbacks++;
          if (random() < 0.04) row.badAnswers++;
          const tokens = Math.max(1, Math.round(tokensPerRequest * (0.6 + 0.8 * random())));
          row.inputTokens += Math.round(tokens * 0.7);
          row.outputTokens += tokens - Math.round(tokens * 0.7);
          row.costUsd += tokens * usdPerToken;
          // About one request in eight gets feedback, one in ten a judged evaluation.
          if (random() < 0.125) row.feedbackScores.push(random() < goodChance ? 1 : 0);
          if (random() < 0.1) {
            const wins = (random() < goodChance ? 1 : 0) + (random() < goodChance ? 1 : 0);
            row.judged.push(wins / 2);
          }
        }
        out.push(row);
      }
    }
  }
  return out;
}
