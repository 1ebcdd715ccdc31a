// Prompts and answers are stored only for requests whose policy keeps them: redacted, cut at
// the policy's cap, written with the usage batch, streamed answers once assembled.
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { createOrderedPolicy } from "../testing/seed-gateway-tenant";
import { setupGateway, waitForRequestLog } from "../testing/setup-gateway";

const MODELS = ["gpt-5.4", "claude-opus-4.6"];

const fx = setupGateway({
  prepare: async ({ db, tenant }) => {
    await createOrderedPolicy(db, tenant.tenantId, "keeper", MODELS);
    await createOrderedPolicy(db, tenant.tenantId, "tiny", MODELS);
    await db.routingPolicy.update({ where: { tenantId_name: { tenantId: tenant.tenantId, name: "keeper" } }, data: { storeBodiesMaxBytes: 32 * 1024 } });
    await db.routingPolicy.update({ where: { tenantId_name: { tenantId: tenant.tenantId, name: "tiny" } }, data: { storeBodiesMaxBytes: 40 } });
  },
});
const openai = () => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 20_000 });

async function storedBody(requestId: string) {
  await waitForRequestLog(fx.db, requestId);
  return fx.db.requestBody.findUnique({ where: { id: requestId } });
}

describe("stored prompts and answers", () => {
  it("stores the prompt and answer of a policy that keeps them, with secrets and emails redacted", async () => {
    const { data } = await openai().chat.completions.create({
      model: "policy/keeper",
      messages: [
        { role: "system", content: "You are terse." },
        { role: "user", content: "My key is sk-proj-abcdefghijklmnopqrstuvwx, mail me at ada@example.com about the lighthouse poem" },
      ],
    }).withResponse();
    const body = await storedBody(data.id);
    expect(body).toMatchObject({
      tenantId: fx.tenant.tenantId,
      prompt: [
        { role: "system", content: "You are terse." },
        { role: "user", content: "My key is [redacted key], mail me at [redacted email] about the lighthouse poem" },
      ],
      truncated: false,
    });
    // The simulator echoes the prompt: its answer is redacted the same way.
    expect(data.choices[0]!.message.content).toContain("ada@example.com");
    expect(body?.answer).toContain("[redacted email]");
    expect(body?.answer).not.toContain("ada@example.com");
  });

  it("stores a streamed answer once assembled", async () => {
    const stream = await openai().chat.completions.create({ model: "policy/keeper", stream: true, messages: [{ role: "user", content: "Write a limerick about queues" }] });
    let id = "";
    let text = "";
    for await (const chunk of stream) {
      id = chunk.id;
      text += chunk.choices[0]?.delta?.content ?? "";
    }
    expect(text.length).toBeGreaterThan(0);
    expect((await storedBody(id))?.answer).toBe(text);
  });

  it("cuts the prompt and the answer at the policy's cap", async () => {
    const { data } = await openai().chat.completions.create({ model: "policy/tiny", messages: [{ role: "user", content: "x".repeat(100) }] }).withResponse();
    const body = await storedBody(data.id);
    expect(body?.prompt).toEqual([{ role: "user", content: "x".repeat(40) }]);
    expect(body?.answer?.length).toBeLessThanOrEqual(40);
    expect(body?.truncated).toBe(true);
  });

  it("stores nothing for a policy that keeps no bodies (the default)", async () => {
    const { data } = await openai().chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Name three rivers." }] }).withResponse();
    await waitForRequestLog(fx.db, data.id);
    expect(await fx.db.requestBody.findUnique({ where: { id: data.id } })).toBeNull();
  });
});
