// Fixed-window limits on console attempts that can be abused at speed: password guessing
// (per email) and account creation (per client address). In-process: each console process
// keeps its own windows.
export interface AttemptLimiter {
  allow(key: string, now?: number): boolean;
  clear(key: string): void;
}

export function createAttemptLimiter(windowMs: number, maxAttempts: number): AttemptLimiter {
  const attempts = new Map<string, { count: number; resetAt: number }>();
  return {
    allow(key, now = Date.now()) {
      const entry = attempts.get(key);
      if (!entry || entry.resetAt <= now) {
        attempts.set(key, { count: 1, resetAt: now + windowMs });
        return true;
      }
      entry.count++;
      return entry.count <= maxAttempts;
    },
    clear(key) {
      attempts.delete(key);
    },
  };
}

export const signInAttempts = createAttemptLimiter(15 * 60_000, 10);
export const signUpAttempts = createAttemptLimiter(60 * 60_000, 20);
