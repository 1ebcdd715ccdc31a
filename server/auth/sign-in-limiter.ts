// Fixed-window limit on sign-in attempts per email, so that passwords cannot be guessed at
// speed. In-process: each console process keeps its own window.
const WINDOW_MS = 15 * 60_000;
const MAX_ATTEMPTS = 10;

const attempts = new Map<string, { count: number; resetAt: number }>();

export function allowSignInAttempt(key: string, now = Date.now()): boolean {
  const entry = attempts.get(key);
  if (!entry || entry.resetAt <= now) {
    attempts.set(key, { count: 1, resetAt: now + WINDOW_MS });
    return true;
  }
  entry.count++;
  return entry.count <= MAX_ATTEMPTS;
}

export function clearSignInAttempts(key: string): void {
  attempts.delete(key);
}
