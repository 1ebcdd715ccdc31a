import { afterEach, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "../db/generated/client";
import { startLearningJob, type LearningJob } from "./learning-job";

/** A database whose every transaction fails as an unreachable server would. */
function unreachableDb() {
  const calls = { transactions: 0 };
  const db = {
    $transaction: () => {
      calls.transactions++;
      return Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap.afterConnect (node:net:1555:16)"));
    },
  } as unknown as PrismaClient;
  return { db, calls };
}

describe("the learning job", () => {
  let job: LearningJob | null = null;
  afterEach(async () => {
    await job?.stop();
    vi.useRealTimers();
  });

  it("logs a failed round in one line, retries at the next interval, and stops for good", async () => {
    vi.useFakeTimers();
    const { db, calls } = unreachableDb();
    const log = vi.fn<(m: string) => void>();
    job = startLearningJob(db, { intervalMs: 1000, log });
    expect(calls.transactions).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.transactions).toBe(1);
    expect(log).toHaveBeenCalledWith("[learning] round failed, will retry: connect ECONNREFUSED 127.0.0.1:5432");
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.transactions).toBe(2);
    await job.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls.transactions).toBe(2);
  });

  it("does not keep the process alive", () => {
    const { db } = unreachableDb();
    const spy = vi.spyOn(globalThis, "setTimeout");
    job = startLearningJob(db, { intervalMs: 60_000, log: () => {} });
    const timer = spy.mock.results.at(-1)!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    spy.mockRestore();
  });
});
