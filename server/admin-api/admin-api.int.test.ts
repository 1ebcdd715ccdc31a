// The admin REST API end to end on a real database: admin keys issued in the console, every
// endpoint, tenant isolation (another tenant's ids are not found), scope and role checks,
// validation errors, the per-key rate limit and the audit trail naming the admin key.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { makeConsoleFixture } from "../trpc/testing/console-fixture";
import { outcomeCode } from "../trpc/testing/outcome-code";
import { InProcessRateWindowStore } from "../limits/rate-window-store";
import { ADMIN_ROUTES } from "./admin-routes";
import { createAdminApiHandler } from "./handle-admin-request";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

let fx: Fixture;
let handle: (req: Request) => Promise<Response>;
/** Admin keys of tenant A: full admin, read-only, and one allowed two calls a minute. */
const keys = {} as Record<"admin" | "reader" | "slow", { id: string; secret: string }>;

const keyInput = (name: string, scopes: ("admin" | "admin_read" | "gateway")[], rpmLimit: number | null = null) =>
  ({ name, teamId: null, policyId: null, scopes, monthlyBudgetUsd: null, rpmLimit, tpmLimit: null, expiresAt: null });

async function call(secret: string | null, method: string, path: string, body?: unknown) {
  const headers = new Headers({ "content-type": "application/json" });
  if (secret) headers.set("authorization", `Bearer ${secret}`);
  const res = await handle(new Request(`http://localhost/api/admin/v1${path}`, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) }));
  return { status: res.status, headers: res.headers, json: await res.json() };
}
const asAdmin = (method: string, path: string, body?: unknown) => call(keys.admin.secret, method, path, body);

const today = () => new Date().toISOString().slice(0, 10);
const monthStartDay = () => `${today().slice(0, 8)}01`;

beforeAll(async () => {
  fx = await makeConsoleFixture(t.db);
  handle = createAdminApiHandler({ db: t.db, rateWindows: new InProcessRateWindowStore() });
  // The fixture's traffic as the daily rollup job leaves it too: a range of whole days reads the daily table.
  for (const tenant of [fx.a, fx.b]) {
    await t.db.usageRollupDaily.create({
      data: { tenantId: tenant.tenant.id, day: new Date(`${monthStartDay()}T00:00:00Z`), category: "coding", model: "gpt-5.4", apiKeyId: tenant.key.id, requests: 3, costUsd: 1.25, latencyHistogram: [], ttftHistogram: [] },
    });
  }
  const owner = fx.as(fx.a.users.owner.id);
  for (const [name, scopes, rpm] of [["admin", ["admin"], null], ["reader", ["admin_read"], null], ["slow", ["admin"], 2]] as const) {
    const created = await owner.keys.create(keyInput(`automation-${name}`, [...scopes], rpm));
    keys[name] = { id: created.key.id, secret: created.secret };
  }
});

describe("issuing admin keys in the console", () => {
  it("lets admins and owners issue them, not members, and keeps admin scopes apart from gateway ones", async () => {
    expect(await outcomeCode(fx.as(fx.a.users.admin.id).keys.create(keyInput("ops", ["admin_read"])))).toBe("ok");
    expect(await outcomeCode(fx.as(fx.a.users.member.id).keys.create(keyInput("ops", ["admin"])))).toBe("FORBIDDEN");
    expect(await outcomeCode(fx.as(fx.a.users.owner.id).keys.create(keyInput("both", ["admin", "gateway"])))).toBe("BAD_REQUEST");
  });
});

describe("authentication, scopes and roles", () => {
  it("refuses a missing or unknown key with 401", async () => {
    expect((await call(null, "GET", "/keys")).status).toBe(401);
    const unknown = await call("sy_0000000000000000000000000000000000000000", "GET", "/keys");
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.code).toBe("unauthorized");
  });

  it("refuses a gateway key with 403", async () => {
    const res = await call(fx.a.keySecret, "GET", "/keys");
    expect(res.status).toBe(403);
    expect(res.json.error.message).toContain("'admin' scope");
  });

  it("lets an admin_read key read but not change anything", async () => {
    expect((await call(keys.reader.secret, "GET", "/teams")).status).toBe(200);
    const write = await call(keys.reader.secret, "POST", "/teams", { name: "Nope" });
    expect(write.status).toBe(403);
    expect(await t.db.team.count({ where: { name: "Nope" } })).toBe(0);
  });

  it("refuses a revoked admin key with 401 from the next call", async () => {
    const created = await fx.as(fx.a.users.owner.id).keys.create(keyInput("short-lived", ["admin"]));
    expect((await call(created.secret, "GET", "/keys")).status).toBe(200);
    expect((await asAdmin("POST", `/keys/${created.key.id}/revoke`)).json.status).toBe("revoked");
    const after = await call(created.secret, "GET", "/keys");
    expect(after.status).toBe(401);
    expect(after.json.error.message).toContain("revoked");
  });

  it("limits each key's calls a minute and says when to retry", async () => {
    expect((await call(keys.slow.secret, "GET", "/keys")).status).toBe(200);
    expect((await call(keys.slow.secret, "GET", "/keys")).status).toBe(200);
    const third = await call(keys.slow.secret, "GET", "/keys");
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another key's calls are counted apart.
    expect((await asAdmin("GET", "/keys")).status).toBe(200);
  });

  it("answers 404 for an unknown path and 405 for a known path with another method", async () => {
    expect((await asAdmin("GET", "/nothing")).status).toBe(404);
    expect((await asAdmin("PATCH", "/teams")).status).toBe(405);
    expect((await asAdmin("GET", "/keys/%E0%A4%A")).status).toBe(404);
  });
});

describe("keys", () => {
  it("lists only the key's own tenant's keys, with their spend", async () => {
    const res = await asAdmin("GET", "/keys");
    expect(res.status).toBe(200);
    const ids = (res.json as unknown as { id: string }[]).map((k) => k.id);
    expect(ids).toContain(fx.a.key.id);
    expect(ids).not.toContain(fx.b.key.id);
    const backend = (res.json as unknown as { id: string; monthToDate: { costUsd: number } }[]).find((k) => k.id === fx.a.key.id);
    expect(backend?.monthToDate.costUsd).toBeCloseTo(1.25);
  });

  it("creates a key, shows its secret once and audits the admin key as the actor", async () => {
    const res = await asAdmin("POST", "/keys", { name: "ci", scopes: ["gateway"], teamId: fx.a.team.id, monthlyBudgetUsd: 25, expiresAt: "2099-01-01T00:00:00Z" });
    expect(res.status).toBe(201);
    expect(res.json.secret).toMatch(/^sy_/);
    expect(res.json.key).toMatchObject({ name: "ci", teamId: fx.a.team.id, monthlyBudgetUsd: 25, status: "active" });
    expect(res.json.key).not.toHaveProperty("hash");
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "api_key.created", targetId: res.json.key.id } });
    expect(audit).toMatchObject({ tenantId: fx.a.tenant.id, actorUserId: null, actorApiKeyId: keys.admin.id });
    // The console's audit page names the admin key as the actor.
    const { items } = await fx.as(fx.a.users.viewer.id).audit.list({ limit: 50 });
    expect(items.find((item) => item.id === audit.id)?.summary).toBe("API key “automation-admin” created key “ci”");
    const got = await asAdmin("GET", `/keys/${res.json.key.id}`);
    expect(got.status).toBe(200);
    expect(got.json).not.toHaveProperty("secret");
  });

  it("names the invalid field with 400", async () => {
    const cases: [unknown, string][] = [
      [{ name: "x", scopes: ["gateway"], rpmLimit: -1 }, "rpmLimit"],
      [{ name: "x", scopes: [] }, "scopes"],
      [{ name: "x", scopes: ["gateway"], expiresAt: "tomorrow" }, "expiresAt"],
      [{ name: "x", scopes: ["gateway"], expiresAt: "2001-01-01T00:00:00Z" }, "expiresAt"],
      [{ scopes: ["gateway"] }, "name"],
    ];
    for (const [body, field] of cases) {
      const res = await asAdmin("POST", "/keys", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error).toMatchObject({ code: "bad_request", field });
    }
    const huge = await asAdmin("POST", "/keys", { name: "x", scopes: ["gateway"], padding: "x".repeat(300 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe("payload_too_large");
    const broken = await asAdmin("POST", "/keys", "{not json");
    expect(broken.status).toBe(400);
    expect((await asAdmin("PATCH", `/keys/${fx.a.key.id}`, { rpmLimit: 10, hash: "x" })).status).toBe(400);
  });

  it("sets a key's budget and rate limits, keeping fields left out", async () => {
    const created = (await asAdmin("POST", "/keys", { name: "limits", scopes: ["gateway"], tpmLimit: 5000 })).json.key;
    const res = await asAdmin("PATCH", `/keys/${created.id}`, { monthlyBudgetUsd: 100, rpmLimit: 60 });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ monthlyBudgetUsd: 100, rpmLimit: 60, tpmLimit: 5000 });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "api_key.limits_updated", targetId: created.id } });
    expect(audit.actorApiKeyId).toBe(keys.admin.id);
  });

  it("rotates a key into a new secret with the same settings and revokes the old one", async () => {
    const created = (await asAdmin("POST", "/keys", { name: "rotating", scopes: ["gateway"], rpmLimit: 30 })).json.key;
    const res = await asAdmin("POST", `/keys/${created.id}/rotate`);
    expect(res.status).toBe(201);
    expect(res.json.key).toMatchObject({ name: "rotating", rpmLimit: 30, status: "active" });
    expect(res.json.key.id).not.toBe(created.id);
    expect((await asAdmin("GET", `/keys/${created.id}`)).json.status).toBe("revoked");
    expect((await asAdmin("POST", `/keys/${created.id}/rotate`)).status).toBe(400);
  });
});

describe("teams", () => {
  it("creates a team, sets its budget and lists it", async () => {
    const created = await asAdmin("POST", "/teams", { name: "Search" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "Search", monthlyBudgetUsd: null, keyCount: 0 });
    const updated = await asAdmin("PUT", `/teams/${created.json.id}`, { name: "Search", monthlyBudgetUsd: 500 });
    expect(updated.status).toBe(200);
    expect(updated.json.monthlyBudgetUsd).toBe(500);
    const list = (await asAdmin("GET", "/teams")).json as unknown as { id: string }[];
    expect(list.map((team) => team.id)).toEqual(expect.arrayContaining([created.json.id, fx.a.team.id]));
    expect(list.map((team) => team.id)).not.toContain(fx.b.team.id);
    expect((await asAdmin("POST", "/teams", { name: "Search" })).status).toBe(409);
    expect((await asAdmin("PUT", `/teams/${created.json.id}`, { name: "Search", monthlyBudgetUsd: 0 })).json.error.field).toBe("monthlyBudgetUsd");
    const audit = await t.db.auditLog.findMany({ where: { targetId: created.json.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorApiKeyId])).toEqual([["team.created", keys.admin.id], ["team.updated", keys.admin.id]]);
  });
});

describe("policies", () => {
  it("lists and reads policies and saves a new version from the fields it read", async () => {
    const list = (await asAdmin("GET", "/policies")).json as unknown as { id: string }[];
    expect(list.map((p) => p.id)).toEqual([fx.a.policy.id]);
    const read = await asAdmin("GET", `/policies/${fx.a.policy.id}`);
    expect(read.status).toBe(200);
    const fields = { ...read.json.fields, description: "Saved by automation" };
    const saved = await asAdmin("POST", `/policies/${fx.a.policy.id}/versions`, { expectedVersion: read.json.version, policy: fields });
    expect(saved.status).toBe(201);
    expect(saved.json.version).toBe(read.json.version + 1);
    expect((await asAdmin("GET", `/policies/${fx.a.policy.id}`)).json.fields.description).toBe("Saved by automation");
    // A save from a version someone has replaced since conflicts.
    const stale = await asAdmin("POST", `/policies/${fx.a.policy.id}/versions`, { expectedVersion: read.json.version, policy: fields });
    expect(stale.status).toBe(409);
    const invalidRule = await asAdmin("POST", `/policies/${fx.a.policy.id}/versions`, { expectedVersion: saved.json.version, policy: { ...fields, rules: [] } });
    expect(invalidRule.status).toBe(400);
    expect(invalidRule.json.error.field).toBe("policy.rules");
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "policy.updated", targetId: fx.a.policy.id } });
    expect(audit.actorApiKeyId).toBe(keys.admin.id);
  });
});

describe("spend", () => {
  it("groups the tenant's rollups by key, team, model, category and day", async () => {
    const range = `from=${monthStartDay()}&to=${today()}`;
    const byKey = await asAdmin("GET", `/spend?${range}&groupBy=key`);
    expect(byKey.status).toBe(200);
    expect(byKey.json.rows).toEqual([{ key: fx.a.key.id, name: "Backend", requests: 3, costUsd: 1.25, unpricedRequests: 0 }]);
    expect((await asAdmin("GET", `/spend?${range}&groupBy=model`)).json.rows).toEqual([{ model: "gpt-5.4", requests: 3, costUsd: 1.25, unpricedRequests: 0 }]);
    expect((await asAdmin("GET", `/spend?${range}&groupBy=category`)).json.rows[0]).toMatchObject({ category: "coding", costUsd: 1.25 });
    expect((await asAdmin("GET", `/spend?${range}&groupBy=team`)).json.rows[0]).toMatchObject({ team: null, name: null, costUsd: 1.25 });
    expect((await asAdmin("GET", `/spend?${range}`)).json.rows).toEqual([{ day: monthStartDay(), requests: 3, costUsd: 1.25, unpricedRequests: 0 }]);
    // Filtered by another tenant's key: none of its spend.
    expect((await asAdmin("GET", `/spend?${range}&apiKeyId=${fx.b.key.id}`)).json.rows).toEqual([]);
  });

  it("refuses a bad range with the field", async () => {
    const missing = await asAdmin("GET", "/spend?to=2026-01-01");
    expect(missing.json.error).toMatchObject({ code: "bad_request", field: "from" });
    expect((await asAdmin("GET", "/spend?from=2026-02-01&to=2026-01-01")).json.error.field).toBe("from");
    expect((await asAdmin("GET", "/spend?from=2024-01-01&to=2026-01-01")).json.error.field).toBe("to");
    expect((await asAdmin("GET", "/spend?from=2026-01-01&to=2026-01-31&groupBy=user")).json.error.field).toBe("groupBy");
  });
});

describe("tenant isolation", () => {
  const bPaths = (): [string, string, unknown?][] => [
    ["GET", `/keys/${fx.b.key.id}`],
    ["PATCH", `/keys/${fx.b.key.id}`, { rpmLimit: 1 }],
    ["POST", `/keys/${fx.b.key.id}/rotate`],
    ["POST", `/keys/${fx.b.key.id}/revoke`],
    ["PUT", `/teams/${fx.b.team.id}`, { name: "stolen", monthlyBudgetUsd: 1 }],
    ["GET", `/policies/${fx.b.policy.id}`],
    ["POST", `/policies/${fx.b.policy.id}/versions`, { expectedVersion: 1, policy: { name: "stolen", description: null, baselineModelSlug: "gpt-5.4", defaultCategory: "general", confidenceThreshold: 0.5, difficultyBarRaise: 0, cacheTtlSeconds: null, rules: [{ category: "general", qualityBar: 1, allowedModels: [], fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null }] } }],
    ["POST", "/keys", { name: "x", scopes: ["gateway"], teamId: fx.b.team.id }],
    ["POST", "/keys", { name: "x", scopes: ["gateway"], policyId: fx.b.policy.id }],
  ];

  it("answers 404 for every id of another tenant and changes nothing of it", async () => {
    const before = await t.db.apiKey.findUniqueOrThrow({ where: { id: fx.b.key.id } });
    for (const [method, path, body] of bPaths()) {
      const res = await asAdmin(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    expect(await t.db.apiKey.findUniqueOrThrow({ where: { id: fx.b.key.id } })).toEqual(before);
    expect((await t.db.team.findUniqueOrThrow({ where: { id: fx.b.team.id } })).name).toBe("Platform");
    expect((await t.db.routingPolicy.findUniqueOrThrow({ where: { id: fx.b.policy.id } })).version).toBe(1);
    expect(await t.db.auditLog.count({ where: { tenantId: fx.b.tenant.id, actorApiKeyId: { not: null } } })).toBe(0);
  });
});

describe("the OpenAPI document", () => {
  it("is served without a key and lists every route", async () => {
    const res = await call(null, "GET", "/openapi.json");
    expect(res.status).toBe(200);
    for (const route of ADMIN_ROUTES) expect(res.json.paths[route.path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
  });
});
