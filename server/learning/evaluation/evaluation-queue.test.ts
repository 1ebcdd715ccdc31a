import { describe, expect, it } from "vitest";
import { EvaluationQueue } from "./evaluation-queue";

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe("EvaluationQueue", () => {
  it("runs at most `concurrency` tasks at once and drops (and counts) offers beyond capacity", async () => {
    const queue = new EvaluationQueue({ capacity: 3, concurrency: 2 });
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
    const accepted = Array.from({ length: 6 }, () => queue.offer(task));
    // Nothing starts on the offering turn: the caller's response goes first.
    expect(running).toBe(0);
    expect(accepted).toEqual([true, true, true, false, false, false]);
    expect(queue.dropped).toBe(3);
    await new Promise((r) => setImmediate(r));
    expect(queue.size).toEqual({ pending: 1, running: 2 });
    g.open();
    await queue.idle();
    expect(done).toBe(3);
    expect(peak).toBe(2);
  });

  it("a task that rejects neither stops the queue nor escapes", async () => {
    const queue = new EvaluationQueue({ capacity: 10, concurrency: 1 });
    let ran = false;
    queue.offer(() => Promise.reject(new Error("boom")));
    queue.offer(async () => {
      ran = true;
    });
    await queue.idle();
    expect(ran).toBe(true);
  });
});
