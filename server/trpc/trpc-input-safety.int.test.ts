// Input the database must never see raw, and what reaches the caller when it fails anyway:
// NUL bytes, lone surrogates, oversize lists and impossible values are refused as BAD_REQUEST
// naming the field; a database fault becomes a generic message with a reference; keys cannot
// be issued already expired; a policy naming models outside the catalog is refused.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { setupTestDatabase } from "../testing/setup-test-database";
import { makeConsoleFixture } from "./testing/console-fixture";
import { createConsoleContext } from "./context";
import { appRouter } from "./root";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

const NUL = "\u0000";
const LONE_SURROGATE = "\uD83D";
/** Words of PostgreSQL's, Prisma's and the driver's own errors, none of which a caller may see. */
const INTERNAL_TEXT = /prisma|invalid byte sequence|invocation|postgres|driver|adapter|\bP\d{4}\b|unsupported unicode|out of range|SQLSTATE|at .*\.ts/i;

async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

const policyFields = (name: string, rule: Partial<{ allowedModels: string[]; fallbackOrder: string[] }> = {}, baselineModelSlug = "gpt-5.4") => ({
  name, description: null, baselineModelSlug, defaultCategory: "coding", confidenceThreshold: 0.5, difficultyBarRaise: 0, cacheTtlSeconds: null,
  rules: [{ category: "coding", qualityBar: 50, allowedModels: [], fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null, ...rule }],
});

const noFilters = { from: null, to: null, apiKeyId: null, teamId: null, policyId: null, category: null, model: null, status: "any", cache: "any" } as const;

describe("console input safety", () => {
  let fx: Fixture;
  let admin: ReturnType<Fixture["as"]>;

  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    admin = fx.as(fx.a.users.admin.id);
  });
  afterEach(() => vi.restoreAllMocks());

  it("refuses NUL bytes, lone surrogates, oversize lists and unstorable numbers as BAD_REQUEST naming the field", async () => {
    const many = Array.from({ length: 1000 }, (_, i) => `model-${i}`);
    const cases: [call: () => Promise<unknown>, field: string][] = [
      [() => admin.teams.create({ name: `Platform${NUL}`, monthlyBudgetUsd: null }), "name"],
      [() => admin.teams.create({ name: `Team ${LONE_SURROGATE}`, monthlyBudgetUsd: null }), "name"],
      [() => admin.policies.create({ ...policyFields("described"), description: `a${NUL}b` }), "description"],
      [() => admin.policies.create(policyFields("many-allowed", { allowedModels: many })), "rules.0.allowedModels"],
      [() => admin.policies.create(policyFields("many-fallbacks", { fallbackOrder: many })), "rules.0.fallbackOrder"],
      [() => admin.keys.create({ name: "k", teamId: null, policyId: null, scopes: Array(500).fill("gateway"), monthlyBudgetUsd: null, rpmLimit: null, tpmLimit: null, expiresAt: null }), "scopes"],
      [() => admin.keys.create({ name: "k", teamId: null, policyId: null, scopes: ["gateway"], monthlyBudgetUsd: null, rpmLimit: 2 ** 40, tpmLimit: null, expiresAt: null }), "rpmLimit"],
      [() => admin.keys.revoke({ id: `key${NUL}` }), "id"],
      [() => admin.models.update({ slug: "glm-5", fields: { displayName: `GLM ${LONE_SURROGATE}`, providerModelId: "glm-5", inputPricePerMTok: 1, outputPricePerMTok: 2, contextWindow: 8000, quality: {}, latencyMs: null, enabled: true, baseUrl: null } }), "fields.displayName"],
      [() => admin.providers.save({ provider: "openai", secret: `sk-${NUL}-secret-value`, baseUrl: null }), "secret"],
      [() => admin.logs.list({ filters: { ...noFilters, model: `gpt${NUL}` }, limit: 10 }), "filters.model"],
      [() => admin.logs.list({ filters: { ...noFilters, from: new Date(-8.6e15) }, limit: 10 }), "filters.from"],
      [() => admin.dashboard.kpis({ range: "30d", from: null, to: null, teamId: null, apiKeyId: null, category: `x${NUL}`, model: null, policyId: null }), "category"],
      [() => admin.members.invite({ email: `${"a".repeat(300)}@example.com`, role: "viewer" }), "email"],
    ];
    for (const [call, field] of cases) {
      const error = await refusal(call());
      expect({ field, code: error.code }).toEqual({ field, code: "BAD_REQUEST" });
      expect(error.message.startsWith(`${field}: `), `${field}: ${error.message}`).toBe(true);
      expect(error.message).not.toMatch(INTERNAL_TEXT);
    }
    expect(await t.db.team.count({ where: { tenantId: fx.a.tenant.id } })).toBe(1);
  });

  it("turns a database fault into a generic error with a reference, logging the detail on the server only", async () => {
    await t.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_team() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'disk quota of tablespace pg_secret exceeded'; END $$ LANGUAGE plpgsql`);
    await t.db.$executeRawUnsafe(`CREATE TRIGGER refuse_team BEFORE INSERT ON "Team" FOR EACH ROW WHEN (NEW.name = 'Doomed') EXECUTE FUNCTION refuse_team()`);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});

    const error = await refusal(admin.teams.create({ name: "Doomed", monthlyBudgetUsd: null }));
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error.message).toMatch(/^Internal error \(reference [a-z0-9]+\)$/);
    const reference = error.message.match(/reference ([a-z0-9]+)/)![1]!;
    expect(JSON.stringify(logged.mock.calls)).toContain(reference);
    expect(logged.mock.calls.flat().map(String).join(" ")).toMatch(/pg_secret/);

    // Over HTTP the formatter adds nothing internal either: no database text, no stack.
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      router: appRouter,
      req: new Request("http://localhost/api/trpc/teams.create", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(superjson.serialize({ name: "Doomed", monthlyBudgetUsd: null })) }),
      createContext: () => createConsoleContext({ db: t.db, userId: fx.a.users.admin.id }),
    });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).toMatch(/Internal error \(reference [a-z0-9]+\)/);
    expect(text).not.toMatch(/pg_secret|tablespace|stack/);
    expect(text).not.toMatch(INTERNAL_TEXT);
  });

  it("says over HTTP which field a validation error is about", async () => {
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      router: appRouter,
      req: new Request("http://localhost/api/trpc/teams.create", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(superjson.serialize({ name: `a${NUL}`, monthlyBudgetUsd: null })) }),
      createContext: () => createConsoleContext({ db: t.db, userId: fx.a.users.admin.id }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { json: { message: string; data: { code: string; fieldErrors: Record<string, string[]> } } } };
    expect(body.error.json.message).toMatch(/^name: /);
    expect(body.error.json.data).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { name: [expect.any(String)] } });
  });

  it("refuses a key that would already be expired, naming expiresAt", async () => {
    const error = await refusal(admin.keys.create({ name: "Late", teamId: null, policyId: null, scopes: ["gateway"], monthlyBudgetUsd: null, rpmLimit: null, tpmLimit: null, expiresAt: new Date(Date.now() - 60_000) }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/^expiresAt: /);
    expect(await t.db.apiKey.count({ where: { tenantId: fx.a.tenant.id, name: "Late" } })).toBe(0);
  });

  it("lists a key past its expiry as expired, and will not rotate it into another expired key", async () => {
    const { key } = await admin.keys.create({ name: "Short-lived", teamId: null, policyId: null, scopes: ["gateway"], monthlyBudgetUsd: null, rpmLimit: null, tpmLimit: null, expiresAt: new Date(Date.now() + 60_000) });
    expect((await admin.keys.list()).find((k) => k.id === key.id)?.status).toBe("active");
    await t.db.apiKey.update({ where: { id: key.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const listed = await admin.keys.list();
    expect(listed.find((k) => k.id === key.id)?.status).toBe("expired");
    expect(listed.find((k) => k.id === fx.a.key.id)?.status).toBe("active");
    const rotation = await refusal(admin.keys.rotate({ id: key.id }));
    expect(rotation.code).toBe("BAD_REQUEST");
  });

  it("refuses a policy naming models outside the tenant's catalog, on create and on update", async () => {
    const created = await refusal(admin.policies.create(policyFields("typo", { allowedModels: ["gpt-5.4", "gpt-4o-mni"], fallbackOrder: ["claude-x"] })));
    expect(created.code).toBe("BAD_REQUEST");
    expect(created.message).toBe('Unknown models in rule "coding": gpt-4o-mni (allowed), claude-x (fallback)');
    expect(await t.db.routingPolicy.count({ where: { tenantId: fx.a.tenant.id, name: "typo" } })).toBe(0);

    const baseline = await refusal(admin.policies.create(policyFields("bad-baseline", {}, "gpt-9")));
    expect(baseline.message).toMatch(/Unknown baseline model: gpt-9/);

    // The tenant's own custom model is in its catalog; another tenant's is not.
    expect(await admin.policies.create(policyFields("own-model", { allowedModels: [fx.a.model.slug] }))).toMatchObject({ id: expect.any(String) });
    const foreign = await refusal(admin.policies.create(policyFields("foreign-model", { allowedModels: [fx.b.model.slug] })));
    expect(foreign.message).toBe(`Unknown models in rule "coding": ${fx.b.model.slug} (allowed)`);

    const { fields, version } = await admin.policies.get({ id: fx.a.policy.id });
    const edited = { ...fields, rules: fields.rules.map((r) => (r.category === "coding" ? { ...r, allowedModels: [...r.allowedModels, "gpt-4o-mni"] } : r)) };
    const updated = await refusal(admin.policies.update({ id: fx.a.policy.id, expectedVersion: version, policy: edited }));
    expect(updated.message).toBe('Unknown models in rule "coding": gpt-4o-mni (allowed)');
    expect((await admin.policies.get({ id: fx.a.policy.id })).version).toBe(version);
  });
});
