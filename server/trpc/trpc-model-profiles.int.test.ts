// The Models page's learned profiles through the real router: what the tenant's learned state
// says about each catalog model, with the same usability rule routing applies, and nothing of
// another tenant's learning.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { makeConsoleFixture } from "./testing/console-fixture";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

describe("learned profiles on the Models page", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    await t.db.tenantLearning.create({
      data: {
        tenantId: fx.a.tenant.id,
        profiles: {
          coding: { "gpt-5.4": { successes: 380, failures: 20 }, "glm-5": { successes: 3, failures: 1 }, "removed-model": { successes: 50, failures: 50 } },
        },
        signals: { coding: { "gpt-5.4": { served: 200, empty: 2, refusal: 10, truncated: 0, fallback: 4, error: 0 } }, math: { "gpt-5.4": { served: 50, empty: 3, refusal: 0, truncated: 5, fallback: 0, error: 1 } } },
      },
    });
  });

  it("shows each model's learned quality with its interval and evidence, and whether routing uses it", async () => {
    const rows = await fx.as(fx.a.users.viewer.id).models.profiles();
    const gpt = rows.find((r) => r.slug === "gpt-5.4")!;
    const [coding] = gpt.profiles;
    expect(coding).toMatchObject({ category: "coding", evidence: 400, usedByRouting: true });
    expect(coding!.low).toBeLessThan(coding!.quality);
    expect(coding!.high).toBeGreaterThan(coding!.quality);
    expect(coding!.quality).toBeGreaterThan(90);
    // Four outcomes are far too few: the catalog figure stays in use.
    expect(rows.find((r) => r.slug === "glm-5")?.profiles[0]).toMatchObject({ evidence: 4, usedByRouting: false });
    expect(rows.some((r) => r.slug === "removed-model")).toBe(false);
  });

  it("gives signal rates over the answers counted, across categories", async () => {
    const gpt = (await fx.as(fx.a.users.viewer.id).models.profiles()).find((r) => r.slug === "gpt-5.4")!;
    expect(gpt.signals).toEqual({ served: 250, rates: { empty: 5 / 250, refusal: 10 / 250, truncated: 5 / 250, fallback: 4 / 250, error: 1 / 250 } });
  });

  it("shows nothing of another tenant's learning", async () => {
    expect(await fx.as(fx.b.users.owner.id).models.profiles()).toEqual([]);
  });
});
