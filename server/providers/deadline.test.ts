import { describe, expect, it } from "vitest";
import { AbortScope } from "./abort-scope";
import { createDeadline } from "./deadline";
import { UpstreamError } from "./upstream-error";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createDeadline", () => {
  it("aborts with a timeout once the total time is up, across re-armed stages", async () => {
    const deadline = createDeadline("openai", undefined, 60);
    deadline.arm(1_000, "first byte");
    await wait(30);
    deadline.arm(1_000, "data");
    await wait(60);
    expect(deadline.scope.aborted).toBe(true);
    expect(deadline.scope.reason).toBeInstanceOf(UpstreamError);
    expect(deadline.scope.reason).toMatchObject({ kind: "timeout", message: "openai: call not complete within 60 ms" });
    deadline.dispose();
  });

  it("fires nothing once disposed", async () => {
    const deadline = createDeadline("openai", undefined, 30);
    deadline.arm(30, "response headers");
    deadline.dispose();
    await wait(60);
    expect(deadline.scope.aborted).toBe(false);
  });

  it("passes the caller's abort on untouched, and reports it instead of a timeout", () => {
    const caller = new AbortScope();
    const deadline = createDeadline("openai", caller, 1_000);
    const reason = new Error("client disconnected");
    caller.abort(reason);
    expect(deadline.scope.reason).toBe(reason);
    expect(deadline.toFailure(new Error("socket hang up"), "connection")).toBe(reason);
    deadline.dispose();
  });
});
