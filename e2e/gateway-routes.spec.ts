import { expect, test } from "@playwright/test";
import { demoApiKey } from "./demo";

// The console's server answers /v1 like the lean gateway: JSON errors in the caller's format for
// paths and methods the gateway does not serve, the Responses API, one model by id, token counting.
const auth = () => ({ authorization: `Bearer ${demoApiKey()}` });

test("the console's server answers the Responses API, retrieves one model, counts tokens, and refuses unknown paths and methods in the caller's format", async ({ request }) => {
  const policy = await request.get("/v1/models/policy%2Fdefault", { headers: auth() });
  expect(policy.status()).toBe(200);
  expect(await policy.json()).toMatchObject({ id: "policy/default", object: "model", owned_by: "switchyard" });
  const claude = await request.get("/v1/models/claude-opus-4.6", { headers: { ...auth(), "anthropic-version": "2023-06-01" } });
  expect(await claude.json()).toMatchObject({ type: "model", id: "claude-opus-4.6" });
  expect((await request.get("/v1/models/no-such-model", { headers: auth() })).status()).toBe(404);

  const counted = await request.post("/v1/messages/count_tokens", {
    headers: { ...auth(), "anthropic-version": "2023-06-01" },
    data: { model: "auto", messages: [{ role: "user", content: "How many tokens is this?" }] },
  });
  expect(counted.status()).toBe(200);
  expect(counted.headers()["x-switchyard-token-count"]).toBe("estimated");
  expect((await counted.json()).input_tokens).toBeGreaterThan(3);

  const response = await request.post("/v1/responses", { headers: auth(), data: { model: "auto", input: "Name a colour." } });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ object: "response", status: "completed", output: [{ type: "message", role: "assistant" }] });

  const unknown = await request.post("/v1/images/generations", { headers: auth(), data: { model: "auto", prompt: "Hi" } });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: { type: "invalid_request_error", message: expect.stringContaining("Unknown path POST /v1/images/generations") } });
  const unknownAnthropic = await request.post("/v1/messages/batches", { headers: { ...auth(), "anthropic-version": "2023-06-01" }, data: {} });
  expect(await unknownAnthropic.json()).toMatchObject({ type: "error", error: { type: "not_found_error" } });

  const wrongMethod = await request.get("/v1/chat/completions", { headers: auth() });
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["allow"]).toBe("POST");
  expect(await wrongMethod.json()).toMatchObject({ error: { message: "GET is not supported on /v1/chat/completions; use POST" } });
});
