// Circuit breakers through the running gateway: repeated upstream failures open a model's
// breaker, routing then leaves the model out (the explanation in the log says why) instead of
// trying it on every request; after the cool-down one probe request tests it, a failed probe
// reopens the breaker and a successful one closes it.
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { setupFakeProvidersGateway } from "../testing/setup-fake-providers-gateway";
import { waitForRequestLog } from "../testing/setup-gateway";

const COOL_DOWN_MS = 3_000;
const upstream = { failing: true };
const { fx, fakes } = setupFakeProvidersGateway({
  env: { SWITCHYARD_BREAKER_FAILURES: "3", SWITCHYARD_BREAKER_COOL_DOWN_MS: String(COOL_DOWN_MS) },
  openai: { fault: () => (upstream.failing ? { type: "status", status: 500 } : undefined) },
});

type Attempt = { model: string; status: number };
type Explained = { candidates: Array<{ modelId: string; reason: string }> };

/** One request through the policy: the model that answered, and what its log row says. */
async function ask() {
  const { response } = await new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 20_000 }).chat.completions
    .create({ model: "policy/gpt-first", messages: [{ role: "user", content: "Say hello" }] })
    .withResponse();
  const row = await waitForRequestLog(fx.db, response.headers.get("x-switchyard-request-id"));
  return {
    model: response.headers.get("x-switchyard-model"),
    attempts: (row.attempts as Attempt[]).map((a) => `${a.model}:${a.status}`),
    gptReason: (row.explanation as Explained).candidates.find((c) => c.modelId === "gpt-5.4")?.reason ?? "",
  };
}

const upstreamCalls = () => fakes.openai.requests.length;
const coolDown = () => new Promise((resolve) => setTimeout(resolve, COOL_DOWN_MS + 200));

describe("a model whose upstream keeps failing", () => {
  it("is left out of routing while its breaker is open, probed after the cool-down, and used again once it recovers", async () => {
    // Three failures (the attempt and its two retries) open gpt-5.4's breaker; Claude answers.
    const first = await ask();
    expect(first.model).toBe("claude-opus-4.6");
    expect(first.attempts).toEqual(["gpt-5.4:500", "gpt-5.4:500", "gpt-5.4:500", "claude-opus-4.6:200"]);

    // Open: routing skips gpt-5.4 without calling it, and the explanation says why.
    const callsBefore = upstreamCalls();
    const skipped = await ask();
    expect(skipped.model).toBe("claude-opus-4.6");
    expect(skipped.attempts).toEqual(["claude-opus-4.6:200"]);
    expect(skipped.gptReason).toContain("circuit open");
    expect(upstreamCalls()).toBe(callsBefore);

    // After the cool-down one probe goes upstream; it fails, so the breaker opens again.
    await coolDown();
    const failedProbe = await ask();
    expect(failedProbe.model).toBe("claude-opus-4.6");
    expect(failedProbe.attempts[0]).toBe("gpt-5.4:500");
    expect(upstreamCalls()).toBe(callsBefore + 1);
    expect((await ask()).attempts).toEqual(["claude-opus-4.6:200"]);

    // The upstream recovers: the next probe succeeds and closes the breaker.
    upstream.failing = false;
    await coolDown();
    const probe = await ask();
    expect(probe.model).toBe("gpt-5.4");
    expect(probe.attempts).toEqual(["gpt-5.4:200"]);
    const closed = await ask();
    expect(closed.model).toBe("gpt-5.4");
    expect(closed.gptReason).not.toContain("circuit");
  });
});
