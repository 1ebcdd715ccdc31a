import { describe, expect, it, vi } from "vitest";
import { AbortScope } from "./abort-scope";

describe("abort scope", () => {
  it("runs its listeners once, with the reason set, and none added after the abort", () => {
    const scope = new AbortScope();
    const reason = new Error("gone");
    const seen: unknown[] = [];
    const removed = vi.fn();
    scope.addEventListener("abort", () => seen.push(scope.reason));
    scope.addEventListener("abort", removed);
    scope.removeEventListener("abort", removed);
    scope.abort(reason);
    scope.abort(new Error("again"));
    const late = vi.fn();
    scope.addEventListener("abort", late);
    expect(seen).toEqual([reason]);
    expect(removed).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();
    expect(scope.aborted).toBe(true);
  });

  it("gives a web signal that follows it, whether asked for before or after the abort", () => {
    const early = new AbortScope();
    const signal = early.signal;
    early.abort("stop");
    expect([signal.aborted, signal.reason]).toEqual([true, "stop"]);

    const late = new AbortScope();
    late.abort("stop");
    expect([late.signal.aborted, late.signal.reason]).toEqual([true, "stop"]);
  });
});
