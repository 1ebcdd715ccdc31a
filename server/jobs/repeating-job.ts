// Background work that every server process runs on a timer (the learning job, the alerts job):
// a round every interval, the next scheduled when one ends so rounds never overlap, on an unref'd
// timer so a job never keeps a process alive. A failed round is logged as one line (the error's
// first line: no query text, no stack) and the next round tries again. Which process does the
// work is each round's own business (an advisory lock).

export interface RepeatingJob {
  /** Stops scheduling rounds and waits for one in progress. */
  stop(): Promise<void>;
}

export interface RepeatingJobOptions {
  /** Names the job in its log lines, e.g. "learning". */
  name: string;
  intervalMs: number;
  log?: (message: string) => void;
}

/** Runs `round` every `intervalMs`; a round may ask for the next one sooner (or later) by returning a delay in ms. */
export function startRepeatingJob(round: () => Promise<number | void>, { name, intervalMs, log = (m) => console.error(m) }: RepeatingJobOptions): RepeatingJob {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  const tick = () => {
    timer = null;
    running = round()
      .then((next) => schedule(next ?? intervalMs))
      .catch((error: unknown) => {
        log(`[${name}] round failed, will retry: ${error instanceof Error ? (error.message.split("\n")[0] ?? error.name) : "unknown error"}`);
        schedule(intervalMs);
      })
      .finally(() => {
        running = null;
      });
  };
  schedule(intervalMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

// One job of each name per process: Next.js may load a module more than once, globalThis is shared.
const holder = globalThis as unknown as { __switchyardJobs?: Map<string, RepeatingJob> };
const jobs = (holder.__switchyardJobs ??= new Map());

/** Starts the process's job of this name once; an interval of 0 (or less) leaves it off. */
export function startProcessJob(name: string, intervalMs: number, start: () => RepeatingJob): void {
  if (intervalMs <= 0 || jobs.has(name)) return;
  jobs.set(name, start());
}

/** On shutdown: lets a round in progress finish (its transaction commits or rolls back whole). */
export async function stopProcessJob(name: string): Promise<void> {
  await jobs.get(name)?.stop();
}
