import { expect, test } from "@playwright/test";
import { pollHealth } from "../server/testing/poll-health";
import { demoApiKey } from "./demo";

// The console's own process serves /v1 too (`npm start`): a 1M-character prompt without spaces
// (quadratic to tokenise naively) must not stall it, and bodies over the caps are refused.
test("a 1M-character prompt is answered while /api/health keeps answering, and oversized gateway, console API and sign-in bodies are refused", async ({ request, baseURL }) => {
  const headers = { authorization: `Bearer ${demoApiKey()}`, "content-type": "application/json" };
  await request.post("/v1/chat/completions", { headers, data: { model: "auto", messages: [{ role: "user", content: "Warm up" }] } });

  const poller = pollHealth(baseURL!);

  const prompt = "a".repeat(1_000_000);
  const started = Date.now();
  const answered = await request.post("/v1/chat/completions", { headers, data: { model: "auto", messages: [{ role: "user", content: prompt }] } });
  const counted = await request.post("/v1/messages/count_tokens", {
    headers: { ...headers, "anthropic-version": "2023-06-01" },
    data: { model: "auto", messages: [{ role: "user", content: prompt }] },
  });
  const elapsed = Date.now() - started;
  await poller.stop();

  expect(answered.status()).toBe(200);
  expect(counted.status()).toBe(200);
  expect((await counted.json()).input_tokens).toBeGreaterThan(1_000);
  expect(elapsed).toBeLessThan(10_000);
  expect(poller.polls.length).toBeGreaterThan(0);
  expect(poller.polls.every((p) => p.status === 200)).toBe(true);
  expect(Math.max(...poller.polls.map((p) => p.ms))).toBeLessThan(1_000);

  const health = await (await request.get("/api/health")).json();
  expect(health.eventLoopDelay).toMatchObject({ maxMs: expect.any(Number), p99Ms: expect.any(Number) });

  const hugeGateway = await request.post("/v1/chat/completions", { headers, data: { model: "auto", messages: [{ role: "user", content: "x".repeat(11 * 1024 * 1024) }] } });
  expect(hugeGateway.status()).toBe(413);
  const hugeConsole = await request.post("/api/trpc/account.signUp", { headers: { "content-type": "application/json" }, data: { email: "x".repeat(2 * 1024 * 1024) } });
  expect(hugeConsole.status()).toBe(413);
  const hugeSignIn = await request.post("/api/auth/callback/credentials", { form: { email: "owner@acme.test", password: "x".repeat(200 * 1024) } });
  expect(hugeSignIn.status()).toBe(413);
});
