import { describe, expect, it } from "vitest";
import { learnerFeaturesOf } from "../routing/learning/learner-features";
import { planRound, type LoggedRequest, type QueuedEvent } from "./plan-round";
import { decodeStoredFeatures, encodeStoredFeatures } from "./stored-features";

const NOW = new Date("2026-12-03T12:00:00Z");
const LIMITS = { maxAttempts: 60, maxAgeMs: 3_600_000 };
const event = (id: number, tenantId: string, requestId: string, more: Partial<QueuedEvent> = {}): QueuedEvent => ({
  id: BigInt(id), tenantId, requestId, kind: "feedback", score: 1, payload: {}, attempts: 0, createdAt: new Date(NOW.getTime() - 1000), ...more,
});
const features = encodeStoredFeatures(learnerFeaturesOf({ messages: [{ role: "user", content: "Sort a list in Python" }] })!);
const row = (id: string, tenantId: string, more: Partial<LoggedRequest> = {}): LoggedRequest => ({
  id, tenantId, chosenModel: "m1", category: "coding", policyId: "p1", features, ...more,
});

describe("planRound", () => {
  it("joins events with their own tenant's log rows, per tenant in queue order", () => {
    const plan = planRound([event(1, "a", "r1"), event(2, "b", "r2"), event(3, "a", "r3", { kind: "category" })], [row("r1", "a"), row("r2", "b"), row("r3", "a", { features: null })], NOW, LIMITS);
    expect([...plan.tenants.keys()]).toEqual(["a", "b"]);
    const a = plan.tenants.get("a")!;
    expect(a.ids).toEqual([1n, 3n]);
    expect(a.events.map((e) => e.kind)).toEqual(["feedback", "category"]);
    expect(a.events[0]!.request).toMatchObject({ servedModel: "m1", category: "coding", policyId: "p1" });
    expect(a.events[0]!.request.features?.n).toBe(decodeStoredFeatures(features)!.n);
    expect(a.events[1]!.request.features).toBeNull();
    expect(plan.waiting).toEqual([]);
  });

  it("keeps events whose log row is not written yet, and drops them once they waited both enough rounds and long enough", () => {
    const old = new Date(NOW.getTime() - LIMITS.maxAgeMs);
    const plan = planRound(
      [
        event(1, "a", "later"),
        event(2, "a", "many-rounds", { attempts: 59 }),
        event(3, "a", "long-ago", { createdAt: old }),
        event(4, "a", "never", { attempts: 59, createdAt: old }),
        event(5, "b", "r1"),
      ],
      // r1 is tenant a's request: tenant b's event for the same id does not join it.
      [row("r1", "a")],
      NOW,
      LIMITS,
    );
    expect(plan.waiting).toEqual([1n, 2n, 3n, 5n]);
    expect(plan.tenants.get("a")).toEqual({ events: [], ids: [], dropped: [4n] });
    expect(plan.tenants.has("b")).toBe(false);
  });
});
