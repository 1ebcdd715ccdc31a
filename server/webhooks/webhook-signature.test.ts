import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signatureHeader } from "./webhook-signature";

describe("webhook signature", () => {
  it("is an HMAC-SHA256 of '<unix seconds>.<body>' with the secret, as a receiver computes it", () => {
    const secret = "whsec_test-secret";
    const body = JSON.stringify({ id: "evt_1", type: "test", text: "héllo" });
    const header = signatureHeader(secret, body, new Date("2026-12-14T12:00:00.750Z"));
    const t = 1_797_249_600; // 2026-12-14T12:00:00Z, rounded down
    const expected = createHmac("sha256", Buffer.from(secret, "utf8")).update(Buffer.from(`${t}.${body}`, "utf8")).digest("hex");
    expect(header).toBe(`t=${t},v1=${expected}`);
  });

  it("changes with the body, the timestamp and the secret", () => {
    const now = new Date("2026-12-14T12:00:00Z");
    const base = signatureHeader("whsec_a", "{}", now);
    expect(signatureHeader("whsec_a", "{ }", now)).not.toBe(base);
    expect(signatureHeader("whsec_a", "{}", new Date(now.getTime() + 1000))).not.toBe(base);
    expect(signatureHeader("whsec_b", "{}", now)).not.toBe(base);
  });

  it("generates distinct secrets of 32 random bytes", () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});
