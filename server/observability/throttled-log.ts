// A warning that can come once per request (a shared store or Redis away: every request's limits,
// breakers and cache calls fail) is written at most once per interval and per message, then
// with how many like it were left out. Otherwise an outage at a thousand requests a second would
// write a thousand stack traces a second, slowing the process while it is already degraded and
// drowning the one line that says what happened.

const DEFAULT_INTERVAL_MS = 10_000;
/** Distinct messages remembered; a new one past this forgets the oldest (messages are our own, few). */
const MAX_MESSAGES = 100;

export type Write = (line: string, error: unknown) => void;

/** A logger for `area` that writes each message at most once per `intervalMs`. */
export function throttledLog(area: string, options: { intervalMs?: number; now?: () => number; write?: Write } = {}): (message: string, error: unknown) => void {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const now = options.now ?? Date.now;
  const write: Write = options.write ?? ((line, error) => console.error(line, error));
  const seen = new Map<string, { lastAt: number; leftOut: number }>();
  return (message, error) => {
    const at = now();
    const entry = seen.get(message);
    if (entry && at - entry.lastAt < intervalMs) {
      entry.leftOut++;
      return;
    }
    const leftOut = entry?.leftOut ?? 0;
    seen.delete(message);
    if (seen.size >= MAX_MESSAGES) seen.delete(seen.keys().next().value!);
    seen.set(message, { lastAt: at, leftOut: 0 });
    const more = leftOut > 0 ? ` (${leftOut} more like it since the last one)` : "";
    write(`[${area}] ${message}${more}:`, error);
  };
}
