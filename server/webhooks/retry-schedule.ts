// When a failed delivery is tried again: sooner at first (a receiver restarting), then further
// apart (a receiver down for hours), and given up after a fixed number of attempts.

/** Waits after the 1st, 2nd, … failed attempt: 30 s, 2 min, 10 min, 1 h, 6 h. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 3_600_000, 21_600_000] as const;

/** The first attempt and one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** When attempt `attempts + 1` is due after `attempts` failed ones, or null when none is left. */
export function nextAttemptAt(attempts: number, failedAt: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}
