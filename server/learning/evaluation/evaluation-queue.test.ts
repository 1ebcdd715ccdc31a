import { describe, expect, it } from "vitest";
import { EvaluationQueue } from "./evaluation-queue";

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};
const turn = () => new Promise((r) => setImmediate(r));

describe("EvaluationQueue", () => {
  it("runs at most `concurrency` tasks at once and drops (and counts) offers beyond capacity", async () => {
    const queue = new EvaluationQueue({ capacity: 3, concurrency: 2, concurrencyPerKey: 2 });
    const g = gate();
    let running = 0;
    let peak = 0;
    let done = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await g.opened;
      running--;
      done++;
    };
    const accepted = Array.from({ length: 6 }, () => queue.offer("t1", task));
    // Nothing starts on the offering turn: the caller's response goes first.
    expect(running).toBe(0);
    expect(accepted).toEqual([true, true, true, false, false, false]);
    expect(queue.dropped).toBe(3);
    await turn();
    expect(queue.size).toEqual({ pending: 1, running: 2 });
    g.open();
    await queue.idle();
    expect(done).toBe(3);
    expect(peak).toBe(2);
  });

  it("a task that rejects neither stops the queue nor escapes", async () => {
    const queue = new EvaluationQueue({ capacity: 10, concurrency: 1 });
    let ran = false;
    queue.offer("t1", () => Promise.reject(new Error("boom")));
    queue.offer("t1", async () => {
      ran = true;
    });
    await queue.idle();
    expect(ran).toBe(true);
  });

  it("keeps one tenant's slow jobs to its own share: other tenants still queue, run and take turns", async () => {
    const queue = new EvaluationQueue({ capacity: 200, concurrency: 2, capacityPerKey: 20, concurrencyPerKey: 1 });
    const slow = gate();
    const order: string[] = [];
    let slowRunning = 0;
    const slowTask = async () => {
      slowRunning++;
      await slow.opened;
      slowRunning--;
    };
    const accepted = Array.from({ length: 50 }, () => queue.offer("noisy", slowTask));
    expect(accepted.filter(Boolean)).toHaveLength(20);
    const others = ["b1", "c1", "b2", "c2"].map((id) => queue.offer(id.slice(0, 1), async () => void order.push(id)));
    expect(others).toEqual([true, true, true, true]);
    await turn();
    // The noisy tenant holds one slot; the other slot serves the other tenants, in turns.
    for (let i = 0; i < 10 && order.length < 4; i++) await turn();
    expect(slowRunning).toBe(1);
    expect(order).toEqual(["b1", "c1", "b2", "c2"]);
    slow.open();
    await queue.idle();
    expect(queue.size).toEqual({ pending: 0, running: 0 });
  });
});
