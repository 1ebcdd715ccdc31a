// Text search, totals and the CSV export of the request logs: each finds only the caller's
// tenant's requests, whatever the other tenant stored under the same words or ids.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { memberActor } from "../console/actor";
import { exportLogsCsv } from "../console/logs/export-logs-csv";
import { NO_LOG_FILTERS } from "../console/schemas/log-filters-url";
import { makeConsoleFixture } from "./testing/console-fixture";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

async function collect(lines: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const chunk of lines) out += chunk;
  return out;
}

describe("log search, totals and export", () => {
  let fx: Fixture;
  const search = (term: string) => ({ ...NO_LOG_FILTERS, search: term });

  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    for (const side of [fx.a, fx.b]) {
      await t.db.requestBody.create({
        data: { id: side.log.id, tenantId: side.tenant.id, createdAt: side.log.createdAt, prompt: [{ role: "user", content: "Write a poem about a Lighthouse keeper" }], answer: "The lamp turns." },
      });
    }
    // A second request of A without a body, and a key whose name a spreadsheet would run as a formula.
    const key = await t.db.apiKey.create({ data: { tenantId: fx.a.tenant.id, name: "=HYPERLINK(1)", prefix: "sy_formula", hash: "formula-hash" } });
    await t.db.requestLog.create({ data: { id: "req_alpha_2", tenantId: fx.a.tenant.id, apiKeyId: key.id, endpoint: "openai", requestedModel: "auto", chosenModel: "claude-opus-4.6", latencyMs: 90, status: 200 } });
  });

  it("finds a stored prompt or answer of the caller's tenant only", async () => {
    const alice = fx.as(fx.a.users.viewer.id);
    for (const term of ["lighthouse", "lamp turns"]) {
      const page = await alice.logs.list({ filters: search(term), limit: 50 });
      expect(page.items.map((r) => r.id)).toEqual([fx.a.log.id]);
      expect(await alice.logs.count({ filters: search(term) })).toEqual({ count: 1, capped: false });
    }
  });

  it("finds requests by id, model and key name, never another tenant's", async () => {
    const alice = fx.as(fx.a.users.viewer.id);
    const ids = async (term: string) => (await alice.logs.list({ filters: search(term), limit: 50 })).items.map((r) => r.id).sort();
    expect(await ids(fx.a.log.id)).toEqual([fx.a.log.id]);
    expect(await ids(fx.b.log.id)).toEqual([]);
    expect(await ids("OPUS")).toEqual(["req_alpha_2"]);
    expect(await ids("Backend")).toEqual([fx.a.log.id]);
  });

  it("treats LIKE's wildcards in a term as plain characters", async () => {
    const alice = fx.as(fx.a.users.viewer.id);
    expect((await alice.logs.list({ filters: search("%%%"), limit: 50 })).items).toEqual([]);
  });

  it("counts the filtered requests of the caller's tenant", async () => {
    expect(await fx.as(fx.a.users.viewer.id).logs.count({ filters: NO_LOG_FILTERS })).toEqual({ count: 2, capped: false });
    expect(await fx.as(fx.b.users.viewer.id).logs.count({ filters: NO_LOG_FILTERS })).toEqual({ count: 1, capped: false });
  });

  it("exports the caller's tenant's requests as CSV, with formula-like cells defused and a note at the row cap", async () => {
    const actor = memberActor(t.db, fx.a.users.viewer.id, { tenantId: fx.a.tenant.id, role: "viewer" });
    const csv = await collect(exportLogsCsv(actor, NO_LOG_FILTERS));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^time,request_id,key,team,policy,/);
    expect(lines).toHaveLength(3);
    expect(csv).toContain(fx.a.log.id);
    expect(csv).not.toContain(fx.b.log.id);
    expect(csv).toContain(",'=HYPERLINK(1),");
    const capped = await collect(exportLogsCsv(actor, NO_LOG_FILTERS, 1));
    expect(capped.trimEnd().split("\r\n")).toEqual([expect.any(String), expect.stringContaining("req_alpha_2"), "# stopped at 1 rows; narrow the filters for the rest"]);
  });
});
