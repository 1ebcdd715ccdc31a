// A second client that polls /api/health every 50 ms while a test sends heavy requests: each
// poll's latency says whether the server's event loop kept answering other clients.

export interface HealthPoll {
  /** performance.now() when the poll was sent. */
  at: number;
  ms: number;
  status: number;
}

/** Polls `${origin}/api/health` until stopped; each poll's latency and status is recorded. */
export function pollHealth(origin: string) {
  const polls: HealthPoll[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      const res = await fetch(`${origin}/api/health`);
      await res.arrayBuffer();
      polls.push({ at: started, ms: performance.now() - started, status: res.status });
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    polls,
    async stop() {
      running = false;
      await done;
    },
  };
}
