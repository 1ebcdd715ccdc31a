import { describe, expect, it } from "vitest";
import { anonymousRequestId, issueRequestId, looksLikeRequestId, wasIssuedTo } from "./request-id";

describe("request ids", () => {
  it("prove the tenant they were issued to, and no other", () => {
    const id = issueRequestId("tenant-a");
    expect(id).toMatch(/^req_[0-9a-f]{40}$/);
    expect(wasIssuedTo(id, "tenant-a")).toBe(true);
    expect(wasIssuedTo(id, "tenant-b")).toBe(false);
    expect(issueRequestId("tenant-a")).not.toBe(id);
  });

  it("refuse a changed id, an unsigned one and anything else", () => {
    const id = issueRequestId("tenant-a");
    const changed = `${id.slice(0, 10)}${id[10] === "0" ? "1" : "0"}${id.slice(11)}`;
    expect(wasIssuedTo(changed, "tenant-a")).toBe(false);
    expect(wasIssuedTo(anonymousRequestId(), "tenant-a")).toBe(false);
    expect(wasIssuedTo(`${id}0`, "tenant-a")).toBe(false);
    expect(wasIssuedTo("", "tenant-a")).toBe(false);
  });

  it("tell ids worth looking up from other text", () => {
    expect(looksLikeRequestId(anonymousRequestId())).toBe(true);
    expect(looksLikeRequestId(issueRequestId("t"))).toBe(true);
    expect(looksLikeRequestId("req_\u0000")).toBe(false);
    expect(looksLikeRequestId("chatcmpl-123")).toBe(false);
  });
});
