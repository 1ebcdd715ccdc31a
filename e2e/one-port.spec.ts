import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { expect, test } from "@playwright/test";
import { demoApiKey, demoLogin } from "./demo";
import { pickOption, replaceModels, signIn, uniqueName } from "./console-helpers";

// `npm start` serves the console and the gateway on one port, in one process: the gateway's
// paths through the lean handlers, every other path through Next.js. The console and the
// gateway hold separate copies of the server modules, so a policy saved in the console must
// reach the cache the gateway routes with.
const CATEGORIES = ["coding", "math", "science", "computer_use", "general"];

test("the sign-in page, the health report and both SDKs' endpoints answer on the same port", async ({ page, request, baseURL }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: { reachable: true }, migrations: { applied: true } });

  const openai = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: demoApiKey(), maxRetries: 0 });
  const { data, response } = await openai.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Write a haiku about routers" }] }).withResponse();
  expect(response.headers.get("x-switchyard-model")).toBe(data.model);
  expect(data.choices[0]?.message.content).toBeTruthy();

  const anthropic = new Anthropic({ baseURL, apiKey: demoApiKey(), maxRetries: 0 });
  const message = await anthropic.messages.create({ model: "auto", max_tokens: 64, messages: [{ role: "user", content: "Name a colour." }] });
  expect(message).toMatchObject({ type: "message", role: "assistant" });
  expect(message.content[0]).toMatchObject({ type: "text", text: expect.any(String) });
});

test("a policy saved in the console routes the gateway's next request", async ({ page, baseURL }) => {
  const openai = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: demoApiKey(), maxRetries: 0 });
  const routedModel = async (policy: string) => {
    const { response } = await openai.chat.completions.create({ model: `policy/${policy}`, messages: [{ role: "user", content: "Name a colour." }] }).withResponse();
    return response.headers.get("x-switchyard-model");
  };
  const allowOnly = async (model: string) => {
    for (const category of CATEGORIES) await replaceModels(page, `Allowed models for ${category}`, [model]);
  };

  await signIn(page, demoLogin.email, demoLogin.password);
  // A policy of its own, so that the demo's default stays as other journeys expect it.
  const name = uniqueName("e2e-one-port");
  await page.getByRole("link", { name: "Policies" }).click();
  await page.getByRole("link", { name: "New policy" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await pickOption(page, "Baseline model", "claude-opus-4.6");
  for (const category of CATEGORIES) await page.getByLabel(`Quality bar (0-100) for ${category}`).fill("60");
  await allowOnly("gpt-5.4");
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByRole("heading", { name: `Policy ${name}` })).toBeVisible();
  // The gateway now holds this policy's version 1 in its configuration cache.
  expect(await routedModel(name)).toBe("gpt-5.4");

  await allowOnly("claude-opus-4.6");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();
  // At once, not after the cache's 30 seconds.
  expect(await routedModel(name)).toBe("claude-opus-4.6");
});
