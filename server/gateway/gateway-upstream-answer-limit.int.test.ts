// An upstream answer that never ends (a tenant's base URL may point at any public server) is
// read up to SWITCHYARD_MAX_UPSTREAM_ANSWER_BYTES (256 KiB here) and its connection closed: a
// whole answer moves on to the next model of the plan, a stream already passed to the caller
// ends with an error event in the caller's format. Its own gateway, so that these failures do
// not open breakers other test files count on.
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { setupFakeProvidersGateway } from "../testing/setup-fake-providers-gateway";
import { waitForRequestLog } from "../testing/setup-gateway";

type Attempt = { model: string; status: number; errorClass: string | null };

const { fx, fakes } = setupFakeProvidersGateway({
  env: { SWITCHYARD_MAX_UPSTREAM_ANSWER_BYTES: String(256 * 1024) },
  openai: { fault: (_, req) => (JSON.stringify(req.body).includes("#endless") ? { type: "endless" } : undefined) },
});

const openai = () => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 30_000 });

describe("upstream answers past SWITCHYARD_MAX_UPSTREAM_ANSWER_BYTES", () => {
  it("moves on from a whole answer that never ends, and closes it", async () => {
    const { data, response } = await openai()
      .chat.completions.create({ model: "policy/gpt-first", messages: [{ role: "user", content: "Hello #endless" }] })
      .withResponse();
    expect(data.model).toBe("claude-opus-4.6");
    expect(data.choices[0]!.message.content).toBeTruthy();
    const row = await waitForRequestLog(fx.db, response.headers.get("x-switchyard-request-id"));
    const tried = (row.attempts as Attempt[]).filter((a) => a.model === "gpt-5.4");
    expect(tried.length).toBeGreaterThan(0);
    expect(tried.every((a) => a.errorClass === "connection")).toBe(true);
    // The gateway closed each endless answer rather than reading on (the fake sees it a moment later).
    await expect.poll(() => fakes.openai.requests.every((r) => r.closedEarly), { timeout: 5_000 }).toBe(true);
  });

  it("ends a stream that never ends with an error the SDK raises", async () => {
    const stream = await openai().chat.completions.create({ model: "gpt-5.4", stream: true, messages: [{ role: "user", content: "Stream #endless" }] });
    let chunks = 0;
    const error = await (async () => {
      for await (const _chunk of stream) chunks++;
    })().catch((e: unknown) => e);
    expect(chunks).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).not.toMatch(/larger than/);
  });
});
