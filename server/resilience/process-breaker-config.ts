// The breakers' settings for this server, from the environment.
import { env } from "../env";
import { DEFAULT_BREAKER_CONFIG, type BreakerConfig } from "./circuit-breaker";

export function processBreakerConfig(): BreakerConfig {
  return { ...DEFAULT_BREAKER_CONFIG, consecutiveFailures: env.SWITCHYARD_BREAKER_FAILURES, coolDownMs: env.SWITCHYARD_BREAKER_COOL_DOWN_MS };
}
