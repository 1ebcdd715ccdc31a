// The circuit breaker as a pure state machine (time is always passed in). One breaker guards
// one thing (a model or a provider of a tenant):
//   closed    -> every call goes through; opens after N consecutive failures, or when the
//                failure rate over the current window reaches the threshold;
//   open      -> no call goes through until the cool-down ends;
//   half_open -> exactly ONE probe call goes through; its success closes the breaker, its
//                failure reopens it. A probe that never reports frees its slot after
//                probeTimeoutMs so a crashed process cannot wedge the breaker.
// redis-breaker-store.ts runs the same transitions in Lua; the shared table test keeps the two
// in agreement.

export type BreakerPhase = "closed" | "open" | "half_open";

export interface BreakerConfig {
  consecutiveFailures: number;
  /** Failure share (0..1] over the window that opens the breaker... */
  failureRate: number;
  /** ...once the window holds at least this many calls. */
  minCallsForRate: number;
  windowMs: number;
  coolDownMs: number;
  probeTimeoutMs: number;
}

export const DEFAULT_BREAKER_CONFIG: BreakerConfig = {
  consecutiveFailures: 5,
  failureRate: 0.5,
  minCallsForRate: 20,
  windowMs: 60_000,
  coolDownMs: 30_000,
  probeTimeoutMs: 120_000,
};

/**
 * How long a breaker nobody touches is remembered: long enough to outlive any cool-down, window
 * or probe. After that it is forgotten, i.e. closed with a fresh window, in every store alike.
 */
export function breakerIdleTtlMs(config: BreakerConfig): number {
  return 2 * Math.max(config.windowMs, config.coolDownMs, config.probeTimeoutMs);
}

export interface BreakerState {
  phase: BreakerPhase;
  consecutiveFailures: number;
  windowStart: number;
  windowCalls: number;
  windowFailures: number;
  /** While open: calls are refused before this instant. */
  openUntil: number;
  /** While half-open: the probe's slot is taken until this instant. */
  probeUntil: number;
}

export const CLOSED: BreakerState = Object.freeze({
  phase: "closed", consecutiveFailures: 0, windowStart: 0, windowCalls: 0, windowFailures: 0, openUntil: 0, probeUntil: 0,
});

export type BreakerHealth = { available: true } | { available: false; reason: string };

/** Read-only view for routing: would a call be refused right now? */
export function breakerHealth(state: BreakerState, now: number): BreakerHealth {
  if (state.phase === "open" && now < state.openUntil) {
    return { available: false, reason: `circuit open after repeated failures; cooling down until ${new Date(state.openUntil).toISOString()}` };
  }
  if (state.phase === "half_open" && now < state.probeUntil) {
    return { available: false, reason: "circuit half-open; a probe request is testing recovery" };
  }
  return { available: true };
}

/** Takes the right to call: always when closed, the single probe slot when cooled down. */
export function acquireBreaker(state: BreakerState, now: number, config: BreakerConfig): { allowed: boolean; state: BreakerState } {
  if (state.phase === "closed") return { allowed: true, state };
  const waiting = state.phase === "open" ? now < state.openUntil : now < state.probeUntil;
  if (waiting) return { allowed: false, state };
  return { allowed: true, state: { ...state, phase: "half_open", openUntil: 0, probeUntil: now + config.probeTimeoutMs } };
}

function open(now: number, config: BreakerConfig): BreakerState {
  return { ...CLOSED, phase: "open", windowStart: now, openUntil: now + config.coolDownMs };
}

export function recordBreakerOutcome(state: BreakerState, success: boolean, now: number, config: BreakerConfig): BreakerState {
  // A late report from a call admitted before the breaker opened changes nothing.
  if (state.phase === "open") return state;
  if (state.phase === "half_open") return success ? { ...CLOSED, windowStart: now } : open(now, config);
  const fresh = now - state.windowStart >= config.windowMs;
  const calls = (fresh ? 0 : state.windowCalls) + 1;
  const failures = (fresh ? 0 : state.windowFailures) + (success ? 0 : 1);
  const consecutive = success ? 0 : state.consecutiveFailures + 1;
  const tripped = consecutive >= config.consecutiveFailures || (calls >= config.minCallsForRate && failures / calls >= config.failureRate);
  if (tripped) return open(now, config);
  // A literal, not a spread: this runs twice per served request.
  return {
    phase: "closed", consecutiveFailures: consecutive, windowStart: fresh ? now : state.windowStart, windowCalls: calls, windowFailures: failures,
    openUntil: state.openUntil, probeUntil: state.probeUntil,
  };
}
