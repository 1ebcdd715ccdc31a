/**
 * Evaluations run in the gateway process but never on the request's path: a finished request only
 * offers a job to this bounded in-process queue. A few run at once; when the queue is full the job
 * is dropped and counted (an evaluation is a sample; losing one costs nothing but evidence), so a
 * burst of sampled traffic can neither grow memory nor slow the callers.
 *
 * The queue is shared by every tenant the process serves, so it is fair between them: each tenant
 * (the key of an offer) has a share of the waiting room and of the running slots, and tenants with
 * jobs waiting take turns. One tenant whose challenger or judge answers slowly (its own server,
 * say) can occupy its own slot, never the others'.
 */

export interface QueueLimits {
  /** Jobs waiting to start. */
  capacity: number;
  /** Jobs running at once. */
  concurrency: number;
  /** Jobs of one tenant waiting to start. */
  capacityPerKey: number;
  /** Jobs of one tenant running at once. */
  concurrencyPerKey: number;
}

export const DEFAULT_QUEUE_LIMITS: QueueLimits = { capacity: 200, concurrency: 2, capacityPerKey: 20, concurrencyPerKey: 1 };

export type EvaluationTask = () => Promise<void>;

interface Lane {
  pending: EvaluationTask[];
  running: number;
}

export class EvaluationQueue {
  private readonly limits: QueueLimits;
  /** Tenants with jobs waiting or running, in turn order (a Map keeps insertion order). */
  private readonly lanes = new Map<string, Lane>();
  private pendingCount = 0;
  private running = 0;
  private droppedCount = 0;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(limits: Partial<QueueLimits> = {}) {
    this.limits = { ...DEFAULT_QUEUE_LIMITS, ...limits };
  }

  /** Queues the tenant's task, or drops it (false) when the queue or the tenant's share is full. Never throws, never waits. */
  offer(key: string, task: EvaluationTask): boolean {
    const lane = this.lanes.get(key) ?? { pending: [], running: 0 };
    if (this.pendingCount >= this.limits.capacity || lane.pending.length >= this.limits.capacityPerKey) {
      this.droppedCount++;
      return false;
    }
    lane.pending.push(task);
    this.lanes.set(key, lane);
    this.pendingCount++;
    // Started on a later turn of the event loop: the caller's response goes out first.
    setImmediate(() => this.drain());
    return true;
  }

  private drain(): void {
    // Each pass starts at most one job per tenant, the tenants in turn; a tenant that started one
    // goes to the back of the order.
    let started = true;
    while (started && this.running < this.limits.concurrency) {
      started = false;
      // A snapshot: start() moves the tenant to the end of the live order.
      for (const [key, lane] of [...this.lanes]) {
        if (this.running >= this.limits.concurrency) break;
        if (lane.pending.length === 0 || lane.running >= this.limits.concurrencyPerKey) continue;
        this.start(key, lane, lane.pending.shift()!);
        started = true;
      }
    }
    if (this.running === 0 && this.pendingCount === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private start(key: string, lane: Lane, task: EvaluationTask): void {
    this.pendingCount--;
    this.running++;
    lane.running++;
    this.lanes.delete(key);
    this.lanes.set(key, lane);
    void task()
      .catch((error: unknown) => console.warn("[evaluation] a queued evaluation failed:", error instanceof Error ? error.message : error))
      .finally(() => {
        this.running--;
        lane.running--;
        if (lane.running === 0 && lane.pending.length === 0) this.lanes.delete(key);
        this.drain();
      });
  }

  get dropped(): number {
    return this.droppedCount;
  }

  get size(): { pending: number; running: number } {
    return { pending: this.pendingCount, running: this.running };
  }

  /** Resolves once nothing is queued or running (used by shutdown and tests). */
  idle(): Promise<void> {
    if (this.running === 0 && this.pendingCount === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
