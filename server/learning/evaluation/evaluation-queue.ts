/**
 * Evaluations run in the gateway process but never on the request's path: a finished request only
 * offers a job to this bounded in-process queue. A few run at once; when the queue is full the job
 * is dropped and counted (an evaluation is a sample; losing one costs nothing but evidence), so a
 * burst of sampled traffic can neither grow memory nor slow the callers.
 */

export interface QueueLimits {
  /** Jobs waiting to start. */
  capacity: number;
  /** Jobs running at once. */
  concurrency: number;
}

export const DEFAULT_QUEUE_LIMITS: QueueLimits = { capacity: 200, concurrency: 2 };

export type EvaluationTask = () => Promise<void>;

export class EvaluationQueue {
  private readonly pending: EvaluationTask[] = [];
  private running = 0;
  private droppedCount = 0;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly limits: QueueLimits = DEFAULT_QUEUE_LIMITS) {}

  /** Queues the task, or drops it (false) when the queue is full. Never throws, never waits. */
  offer(task: EvaluationTask): boolean {
    if (this.pending.length >= this.limits.capacity) {
      this.droppedCount++;
      return false;
    }
    this.pending.push(task);
    // Started on a later turn of the event loop: the caller's response goes out first.
    setImmediate(() => this.drain());
    return true;
  }

  private drain(): void {
    while (this.running < this.limits.concurrency && this.pending.length > 0) {
      const task = this.pending.shift()!;
      this.running++;
      void task()
        .catch((error: unknown) => console.warn("[evaluation] a queued evaluation failed:", error instanceof Error ? error.message : error))
        .finally(() => {
          this.running--;
          this.drain();
        });
    }
    if (this.running === 0 && this.pending.length === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  get dropped(): number {
    return this.droppedCount;
  }

  get size(): { pending: number; running: number } {
    return { pending: this.pending.length, running: this.running };
  }

  /** Resolves once nothing is queued or running (used by shutdown and tests). */
  idle(): Promise<void> {
    if (this.running === 0 && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
