import { describe, expect, it } from "vitest";
import { InProcessBackoffStore, type BackoffRule } from "./backoff-store";

const rule: BackoffRule = { free: 2, baseMs: 100, capMs: 1_000, forgetAfterMs: 10_000 };

describe("in-process back-off store", () => {
  it("stays within its entry bound under endless new keys, keeping the ones still in use", async () => {
    const store = new InProcessBackoffStore(100);
    for (let i = 0; i < 10_000; i++) {
      await store.admit([{ key: "attacker", rule }, { key: `random-${i}`, rule }], i * 1_000);
    }
    expect(store.size).toBeLessThanOrEqual(100);
    // The attacker's own counter was touched on every attempt: it is still there, backing off.
    expect(await store.admit([{ key: "attacker", rule }], 9_999_001)).toEqual({ admitted: false, retryAfterMs: 999 });
  });

  it("forgets a count after its quiet period", async () => {
    const store = new InProcessBackoffStore();
    for (let t = 0; t < 2; t++) expect(await store.admit([{ key: "k", rule }], t)).toEqual({ admitted: true });
    expect(await store.admit([{ key: "k", rule }], 50)).toEqual({ admitted: false, retryAfterMs: 51 });
    expect(await store.admit([{ key: "k", rule }], 1 + rule.forgetAfterMs)).toEqual({ admitted: true });
    expect(store.size).toBe(1);
  });

  it("counts nothing when one gate refuses, and applies a gate with onlyAfter once the other has counted", async () => {
    const store = new InProcessBackoffStore();
    const strict: BackoffRule = { ...rule, free: 0 };
    expect(await store.admit([{ key: "pair", rule }, { key: "account", rule: strict, onlyAfter: 0 }], 0)).toEqual({ admitted: true });
    expect(await store.admit([{ key: "pair", rule }, { key: "account", rule: strict, onlyAfter: 0 }], 1)).toEqual({ admitted: false, retryAfterMs: 199 });
    // The refusal counted nothing on "pair": a fresh pair gets through the account gate.
    expect(await store.admit([{ key: "other-pair", rule }, { key: "account", rule: strict, onlyAfter: 0 }], 2)).toEqual({ admitted: true });
    await store.refund("pair");
    expect(await store.admit([{ key: "pair", rule }, { key: "account", rule: strict, onlyAfter: 0 }], 3)).toEqual({ admitted: true });
  });
});
