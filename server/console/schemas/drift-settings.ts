// A tenant's drift alert thresholds: which windows are compared, how sure a change must be and
// how large before it is an alert. Stored on the tenant as JSON (null = the defaults), changed by
// admins in Settings, read by the alerts job (server/alerts/drift).
import { z } from "zod";

const percent = (max: number) => z.number().min(1).max(max);
const points = z.number().min(0.5).max(100);

export const driftSettingsSchema = z.object({
  /** Off: no drift alerts are raised, and open ones are left as they are. */
  enabled: z.boolean(),
  /** The recent window: the last this many hours. */
  recentHours: z.int().min(6).max(72),
  /** The reference window: this many days just before the recent one. */
  referenceDays: z.int().min(1).max(14),
  /**
   * Chance of one or more false alarms per tenant and round when nothing changed: each test runs
   * at this level divided by the number of tests in the round (Bonferroni).
   */
  falseAlarmRate: z.number().min(0.0001).max(0.1),
  /** Fewest requests per window (for latency, the requests with a time to first token) before a model and category is tested. */
  minRequests: z.int().min(20).max(1_000_000),
  /** Fewest feedback scores or judged evaluations per window before quality is tested. */
  minEvidence: z.int().min(10).max(1_000_000),
  /** Smallest changes worth an alert: latency and time to first token up by this percent. */
  latencyIncreasePercent: percent(1000),
  /** Error, fallback and bad-answer (empty, refusal, cut off) rates up by this many percentage points. */
  errorRatePoints: points,
  fallbackRatePoints: points,
  badAnswerRatePoints: points,
  /** Quality (mean feedback score, judged win rate, 0-100) down by this many points. */
  qualityDropPoints: points,
  /** Tokens per request changed (either way) by this percent. */
  tokensChangePercent: percent(1000),
  /** Cost per priced request up by this percent. */
  costIncreasePercent: percent(1000),
  /** A catalog price (input or output) changed by at least this percent; 0 = any change. */
  priceChangePercent: z.number().min(0).max(1000),
});
export type DriftSettings = z.infer<typeof driftSettingsSchema>;

export const DEFAULT_DRIFT_SETTINGS: DriftSettings = {
  enabled: true,
  recentHours: 24,
  referenceDays: 7,
  falseAlarmRate: 0.01,
  minRequests: 100,
  minEvidence: 30,
  latencyIncreasePercent: 25,
  errorRatePoints: 5,
  fallbackRatePoints: 5,
  badAnswerRatePoints: 5,
  qualityDropPoints: 5,
  tokensChangePercent: 25,
  costIncreasePercent: 25,
  priceChangePercent: 0,
};

/** The stored JSON read back: the defaults under whatever valid fields it has (a newer or older shape never breaks the job). */
export function storedDriftSettings(stored: unknown): DriftSettings {
  const parsed = driftSettingsSchema.partial().safeParse(stored ?? {});
  return { ...DEFAULT_DRIFT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}
