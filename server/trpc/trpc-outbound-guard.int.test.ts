// Base URLs that would turn the server against its own network (server-side request forgery),
// through the console's real router and database, with no operator allow-list.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { encryptSecret } from "../crypto/secret-box";
import { startScriptedServer, type FakeUpstream } from "../testing/fake-upstreams";
import { setupTestDatabase } from "../testing/setup-test-database";
import { makeConsoleFixture } from "./testing/console-fixture";

// The test set-up allows 127.0.0.1 for the fake upstreams; this file runs with the default, none.
// Hoisted above the imports, so server/env.ts reads it.
vi.hoisted(() => vi.stubEnv("SWITCHYARD_ALLOWED_UPSTREAM_HOSTS", ""));

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

const REFUSED = [
  ["http://127.0.0.1:8000/v1", "loopback"],
  ["http://[::1]:8000/v1", "loopback"],
  ["http://localhost:11434/v1", "loopback"],
  ["http://2130706433:8000/v1", "loopback"],
  ["http://[::ffff:127.0.0.1]/v1", "loopback"],
  ["http://10.0.0.1/v1", "private-network"],
  ["http://172.16.0.1/v1", "private-network"],
  ["http://192.168.1.1/v1", "private-network"],
  ["http://169.254.169.254/latest", "link-local"],
  ["http://0.0.0.0:8000/v1", "unspecified"],
] as const;

describe("base URLs reaching non-public addresses", () => {
  let fx: Fixture;
  let admin: ReturnType<Fixture["as"]>;
  let upstream: FakeUpstream;

  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    admin = fx.as(fx.a.users.admin.id);
    upstream = await startScriptedServer(() => ({ json: { choices: [{ message: { content: "OK" } }] } }));
  });
  afterAll(() => upstream?.close());

  it.each(REFUSED)("a provider credential with %s is refused (%s)", async (baseUrl, kind) => {
    await expect(admin.providers.save({ provider: "openai-compatible", secret: "sk-test-1234", baseUrl })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(new RegExp(`^Base URL: .*${kind}.*; upstream calls only reach public addresses`)),
    });
  });

  it.each(REFUSED)("a custom model with %s is refused (%s)", async (baseUrl, kind) => {
    const fields = (await admin.models.list()).find((m) => m.slug === "gpt-5.4")!;
    await expect(admin.models.createCustom({ slug: "internal", provider: "openai-compatible", fields: { ...fields, baseUrl } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(kind),
    });
  });

  it("refuses to keep a non-public base URL stored before the check when the model is edited", async () => {
    const own = (await admin.models.list()).find((m) => m.slug === fx.a.model.slug)!;
    expect(own.baseUrl).toBe("http://127.0.0.1:9/v1");
    await expect(admin.models.update({ slug: own.slug, fields: { ...own, displayName: "Renamed" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("the connection test of a credential stored before the check is refused at connect time, and nothing reaches the address", async () => {
    await t.db.providerCredential.create({
      data: { tenantId: fx.a.tenant.id, provider: "openai-compatible", baseUrl: `${upstream.url}/v1`, secretEnc: encryptSecret("sk-test-1234"), secretHint: "1234" },
    });
    const result = await admin.providers.testConnection({ provider: "openai-compatible" });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("loopback") });
    expect(JSON.stringify(result)).not.toContain("127.0.0.1");
    expect(upstream.requests).toHaveLength(0);
  });
});
