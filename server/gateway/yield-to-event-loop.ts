// A large request's stages (parsing, routing and hashing, the provider call) each take time in
// proportion to its size, and between them nothing else would run: promises that are already
// settled resume at once. Yielding between stages lets timers, health checks and other
// requests run, so one large request holds the event loop for one stage at a time.
import { setImmediate } from "node:timers/promises";

/** Texts from this many characters on count as large (about 1 ms of work per stage). */
export const LARGE_REQUEST_CHARS = 256 * 1024;
/** The same size in input tokens, as the routing decision estimates them. */
export const LARGE_REQUEST_TOKENS = LARGE_REQUEST_CHARS / 4;

/** Resolves on the event loop's next turn when `large`, at once otherwise. */
export function yieldIfLarge(large: boolean): Promise<void> | void {
  if (large) return setImmediate().then(() => undefined);
}
