// Model lifecycle through the running gateway: an admin retires a model in the console, and
// applications that name it keep working, served by its replacement, with the header and the
// request log saying so. A retired model without a replacement is refused in the caller's format.
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import type { TenantActor } from "../console/actor";
import { setModelLifecycle } from "../console/models/set-model-lifecycle";
import { forTenant } from "../db/tenant-scope";
import { setupGateway, waitForRequestLog } from "../testing/setup-gateway";

const fx = setupGateway();
const client = () => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 20_000 });
const ask = (model: string) => client().chat.completions.create({ model, messages: [{ role: "user", content: "Say hello" }] }).withResponse();
const YESTERDAY = new Date(Date.now() - 86_400_000);

async function owner(): Promise<TenantActor> {
  const member = await fx.db.membership.findFirstOrThrow({ where: { tenantId: fx.tenant.tenantId, role: "owner" } });
  return { db: forTenant(fx.db, fx.tenant.tenantId), rootDb: fx.db, tenantId: fx.tenant.tenantId, userId: member.userId, role: "owner" };
}

describe("a model retired while applications still name it", () => {
  it("is served by its replacement, and the header and the log say so", async () => {
    const before = await ask("glm-5");
    expect(before.response.headers.get("x-switchyard-model")).toBe("glm-5");
    expect(before.response.headers.get("x-switchyard-replaced-model")).toBeNull();

    await setModelLifecycle(await owner(), { slug: "glm-5", deprecatedAt: YESTERDAY, replacementSlug: "gpt-5.4" });
    // The console announces the change; the gateway process drops its cached catalog.
    await expect.poll(async () => (await ask("glm-5")).response.headers.get("x-switchyard-model"), { timeout: 5_000 }).toBe("gpt-5.4");

    const { data, response } = await ask("glm-5");
    expect(data.model).toBe("gpt-5.4");
    expect(response.headers.get("x-switchyard-replaced-model")).toBe("glm-5");
    const row = await waitForRequestLog(fx.db, response.headers.get("x-switchyard-request-id"));
    expect(row).toMatchObject({ requestedModel: "glm-5", chosenModel: "gpt-5.4", status: 200 });
    expect(row.explanation).toMatchObject({ direct: "gpt-5.4", replacedDeprecated: ["glm-5"] });

    // Streams too: the SDK reads the replacement's answer.
    const stream = await client().chat.completions.create({ model: "glm-5", messages: [{ role: "user", content: "Say hello" }], stream: true }).withResponse();
    expect(stream.response.headers.get("x-switchyard-replaced-model")).toBe("glm-5");
    let text = "";
    for await (const chunk of stream.data) text += chunk.choices[0]?.delta.content ?? "";
    expect(text.length).toBeGreaterThan(0);
  });

  it("is refused with 404 when it has no replacement, and served again once the deprecation is cancelled", async () => {
    const actor = await owner();
    await setModelLifecycle(actor, { slug: "gemini-3-flash", deprecatedAt: YESTERDAY, replacementSlug: null });
    await expect.poll(() => ask("gemini-3-flash").catch((e: unknown) => e), { timeout: 5_000 }).toBeInstanceOf(OpenAI.NotFoundError);
    const error = (await ask("gemini-3-flash").catch((e: unknown) => e)) as InstanceType<typeof OpenAI.NotFoundError>;
    expect(error.message).toContain("was retired");

    await setModelLifecycle(actor, { slug: "gemini-3-flash", deprecatedAt: null, replacementSlug: null });
    await expect.poll(async () => (await ask("gemini-3-flash").catch(() => null))?.response.headers.get("x-switchyard-model"), { timeout: 5_000 }).toBe("gemini-3-flash");
  });
});
