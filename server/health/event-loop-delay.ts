// How long the event loop was kept from running timers, over the last 10 to 20 seconds. One
// request that computes for long holds every other request (health checks included) for that
// long, so operators watch this figure; `/api/health` reports it.
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

const WINDOW_MS = 10_000;
const RESOLUTION_MS = 10;

export interface EventLoopDelay {
  /** Milliseconds, rounded to 0.1. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The span the figures cover. */
  windowSeconds: number;
}

type Figures = Omit<EventLoopDelay, "windowSeconds">;

const NONE: Figures = { p50Ms: 0, p99Ms: 0, maxMs: 0 };
/** The histogram records the sampling interval plus the delay: the delay is what is reported. */
const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 10) / 10);

function figuresOf(histogram: IntervalHistogram): Figures {
  if (histogram.count === 0) return NONE;
  return { p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max) };
}

interface Monitor {
  current: IntervalHistogram;
  previous: Figures;
  since: number;
}

// One monitor per process, on globalThis: the `npm start` server holds this module twice (its
// own copy and the Next.js bundle's), and each monitor samples on a timer of its own.
const holder = globalThis as unknown as { __switchyardEventLoopDelay?: Monitor };

function start(): Monitor {
  // Sampled every 10 ms: finer sampling costs CPU on every idle turn of the loop.
  const current = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  current.enable();
  const state = { current, previous: NONE, since: Date.now() };
  // Every 10 s the finished window's figures are kept and the histogram starts again, so a
  // report always covers the last 10 to 20 seconds.
  setInterval(() => {
    state.previous = figuresOf(state.current);
    state.current.reset();
    state.since = Date.now() - WINDOW_MS;
  }, WINDOW_MS).unref();
  return state;
}

/** Starts the monitor on first use (the first report covers the time since then). */
export function eventLoopDelay(): EventLoopDelay {
  const monitor = (holder.__switchyardEventLoopDelay ??= start());
  const now = figuresOf(monitor.current);
  const before = monitor.previous;
  return {
    p50Ms: monitor.current.count > 0 ? now.p50Ms : before.p50Ms,
    // The two windows' histograms cannot be merged: the worse of the two is reported.
    p99Ms: Math.max(now.p99Ms, before.p99Ms),
    maxMs: Math.max(now.maxMs, before.maxMs),
    windowSeconds: Math.round((Date.now() - monitor.since) / 1000),
  };
}
