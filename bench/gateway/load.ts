// A small closed-loop load generator: `concurrency` workers, each with its own keep-alive
// connection, send the same request back to back until the duration or the request count
// runs out (both bounded). Per request it records the time to the first response byte and
// to the end of the body, in milliseconds.
import { Agent, request } from "node:http";

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  body: string;
  concurrency: number;
  /** Stops starting requests after this long. */
  durationMs: number;
  /** Stops starting requests after this many (across workers). */
  maxRequests: number;
  /** Per-request deadline; a request over it counts as an error. */
  timeoutMs?: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** First error seen, for the report when something is wrong. */
  firstError: string | null;
  elapsedMs: number;
  rps: number;
  ttfbMs: Float64Array;
  totalMs: Float64Array;
}

interface Sample {
  ttfb: number;
  total: number;
}

function once(agent: Agent, url: URL, spec: LoadSpec, payload: Buffer): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfb = -1;
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { ...spec.headers, "content-type": "application/json", "content-length": payload.length },
        timeout: spec.timeoutMs ?? 30_000,
      },
      (res) => {
        res.on("data", () => {
          if (ttfb < 0) ttfb = performance.now() - started;
        });
        res.on("end", () => {
          const total = performance.now() - started;
          if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}`));
          else resolve({ ttfb: ttfb < 0 ? total : ttfb, total });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("request timed out")));
    req.on("error", reject);
    req.end(payload);
  });
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL(spec.url);
  const payload = Buffer.from(spec.body);
  const agent = new Agent({ keepAlive: true, maxSockets: spec.concurrency, maxFreeSockets: spec.concurrency });
  const ttfb = new Float64Array(spec.maxRequests);
  const total = new Float64Array(spec.maxRequests);
  let started = 0;
  let done = 0;
  let errors = 0;
  let firstError: string | null = null;
  const begin = performance.now();
  const deadline = begin + spec.durationMs;

  const worker = async () => {
    while (started < spec.maxRequests && performance.now() < deadline) {
      started++;
      try {
        const sample = await once(agent, url, spec, payload);
        ttfb[done] = sample.ttfb;
        total[done] = sample.total;
        done++;
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, worker));
  const elapsedMs = performance.now() - begin;
  agent.destroy();
  return {
    requests: done,
    errors,
    firstError,
    elapsedMs,
    rps: (done / elapsedMs) * 1000,
    ttfbMs: ttfb.slice(0, done).sort(),
    totalMs: total.slice(0, done).sort(),
  };
}

/** Nearest-rank percentile of a sorted array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}
