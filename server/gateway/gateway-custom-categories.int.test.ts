// A policy's own categories, saved as the console and the admin API save them, route the
// gateway's next requests: a keyword in the prompt or the request's metadata files a request
// under the category, and its rule routes it.
import { describe, expect, it } from "vitest";
import type { TenantActor } from "../console/actor";
import { getPolicy } from "../console/policies/list-policies";
import { savePolicyVersion } from "../console/policies/save-policy-version";
import { forTenant } from "../db/tenant-scope";
import { setupGateway, waitForRequestLogs } from "../testing/setup-gateway";

const fx = setupGateway();

async function post(path: string, body: object) {
  const res = await fetch(`${fx.gateway.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${fx.tenant.apiKey}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, id: res.headers.get("x-switchyard-request-id"), json: (await res.json()) as Record<string, unknown> };
}

describe("custom categories", () => {
  it("routes the next requests by the keywords and metadata of a saved version", async () => {
    const actor: TenantActor = { db: forTenant(fx.db, fx.tenant.tenantId), rootDb: fx.db, tenantId: fx.tenant.tenantId, userId: null, role: "admin" };
    const policy = await fx.db.routingPolicy.findFirstOrThrow({ where: { tenantId: fx.tenant.tenantId, isDefault: true } });
    const read = await getPolicy(actor, policy.id);
    const general = read.fields.rules.find((rule) => rule.category === "general")!;
    const refund = { model: "auto", messages: [{ role: "user", content: "I would like a refund for order 1234, please." }] };
    expect((await post("/route", refund)).json.category).not.toBe("support");

    await savePolicyVersion(actor, {
      id: policy.id, expectedVersion: read.version, whatIfDays: 7,
      policy: {
        ...read.fields,
        rules: [...read.fields.rules, { ...general, category: "support", qualityBar: 0 }, { ...general, category: "legal" }],
        customCategories: [
          { name: "support", keywords: ["refund", "order status"], metadata: {} },
          { name: "legal", keywords: [], metadata: { team: "legal" } },
        ],
      },
    });

    // The save announces the change; the gateway process drops its cached policy at once.
    await expect.poll(async () => (await post("/route", refund)).json.category, { timeout: 5_000 }).toBe("support");
    const preview = await post("/route", refund);
    expect(preview.json).toMatchObject({ category_source: "rule", confidence: 1 });
    expect(String(preview.json.summary)).toContain('keyword "refund"');
    // Whole words only: "refunded" is not "refund".
    expect((await post("/route", { model: "auto", messages: [{ role: "user", content: "Which orders were refunded?" }] })).json.category).not.toBe("support");

    const legal = await post("/chat/completions", { model: "auto", messages: [{ role: "user", content: "Summarise this clause." }], metadata: { team: "legal" } });
    expect(legal.status).toBe(200);
    const other = await post("/chat/completions", { model: "auto", messages: [{ role: "user", content: "Summarise this clause." }], metadata: { team: "sales" } });
    const logs = await waitForRequestLogs(fx, 2);
    expect(logs.find((log) => log.id === legal.id)).toMatchObject({ category: "legal", categorySource: "rule" });
    expect(logs.find((log) => log.id === other.id)?.category).not.toBe("legal");
    // What the editor reads back is what was saved.
    expect((await getPolicy(actor, policy.id)).fields.customCategories.map((c) => c.name)).toEqual(["support", "legal"]);
  });
});
