import { describe, expect, it } from "vitest";
import { DEFAULT_DASHBOARD_FILTERS } from "@/server/analytics/dashboard-filters";
import { applyDashboardFilterChange, dashboardFiltersFromSearch, dashboardFiltersToSearch, describeDimensionFilters } from "./dashboard-url";
import { drillDownHref } from "./drill-down";
import { logFiltersFromSearch } from "@/components/logs/log-filters-url";
import { toCsv } from "./csv";

const read = (query: string) => dashboardFiltersFromSearch(new URLSearchParams(query));

describe("dashboard filters in the URL", () => {
  it.each([
    ["", DEFAULT_DASHBOARD_FILTERS],
    ["range=24h&team=t1&model=gpt-5.4", { ...DEFAULT_DASHBOARD_FILTERS, range: "24h", teamId: "t1", model: "gpt-5.4" }],
    ["range=custom&from=2026-11-01T00:00:00.000Z&to=2026-11-03T00:00:00.000Z&policy=p1", {
      ...DEFAULT_DASHBOARD_FILTERS, range: "custom", from: new Date("2026-11-01T00:00Z"), to: new Date("2026-11-03T00:00Z"), policyId: "p1",
    }],
    // Invalid values give the default view, keeping the valid filters.
    ["range=year&category=coding", { ...DEFAULT_DASHBOARD_FILTERS, category: "coding" }],
    ["range=custom&from=2026-11-03T00:00:00Z&to=2026-11-01T00:00:00Z", DEFAULT_DASHBOARD_FILTERS],
    ["range=custom&from=nonsense", DEFAULT_DASHBOARD_FILTERS],
    ["range=7d&from=2026-11-01T00:00:00Z", { ...DEFAULT_DASHBOARD_FILTERS, range: "7d" }],
  ])("%s", (query, expected) => {
    expect(read(query)).toEqual(expected);
  });

  it("round-trips and keeps the default range out of the URL", () => {
    const filters = { ...DEFAULT_DASHBOARD_FILTERS, range: "custom" as const, from: new Date("2026-11-01T00:00Z"), to: new Date("2026-11-02T00:00Z"), apiKeyId: "k1", category: "math" };
    expect(dashboardFiltersFromSearch(dashboardFiltersToSearch(filters))).toEqual(filters);
    expect(dashboardFiltersToSearch(DEFAULT_DASHBOARD_FILTERS).toString()).toBe("");
  });
});

describe("filter changes", () => {
  it("two quick changes both land: each starts from the query as it is, not from a stale render", () => {
    const afterCategory = applyDashboardFilterChange("range=7d", { category: "coding" });
    const afterModel = applyDashboardFilterChange(afterCategory, { model: "gpt-5.4" });
    expect(read(afterModel)).toEqual({ ...DEFAULT_DASHBOARD_FILTERS, range: "7d", category: "coding", model: "gpt-5.4" });
  });

  it("choosing a preset range clears the custom dates", () => {
    const custom = "range=custom&from=2026-11-01T00:00:00.000Z&to=2026-11-03T00:00:00.000Z&team=t1";
    expect(applyDashboardFilterChange(custom, { range: "24h", from: null, to: null })).toBe("range=24h&team=t1");
  });

  it("describes the dimension filters in words, by name", () => {
    const names = { teams: [{ id: "t1", name: "Search" }], keys: [], policies: [{ id: "p1", name: "Default policy" }] };
    expect(describeDimensionFilters(DEFAULT_DASHBOARD_FILTERS, names)).toBe("All teams, keys, policies, categories and models");
    expect(describeDimensionFilters({ ...DEFAULT_DASHBOARD_FILTERS, teamId: "t1", policyId: "p1", category: "coding", apiKeyId: "k9" }, names))
      .toBe("Team Search · Key k9 · Policy Default policy · Category coding");
  });
});

describe("drill-down to the request logs", () => {
  it("carries the dashboard's filters and the element's span and dimension, in the logs page's parameters", () => {
    const href = drillDownHref(
      { teamId: "t1", apiKeyId: null, category: "coding", model: null, policyId: "p1" },
      { from: new Date("2026-11-20T00:00Z"), to: new Date("2026-11-21T00:00Z"), narrow: { model: "gpt-5.4" } },
    );
    expect(href.startsWith("/logs?")).toBe(true);
    expect(logFiltersFromSearch(new URLSearchParams(href.slice(6)))).toEqual({
      from: new Date("2026-11-20T00:00Z"), to: new Date("2026-11-21T00:00Z"), teamId: "t1", apiKeyId: null, policyId: "p1",
      category: "coding", model: "gpt-5.4", status: "any", cache: "any", search: null,
    });
  });

  it("an element standing for 'none' (no team) leaves that filter open", () => {
    const href = drillDownHref({ teamId: null, apiKeyId: null, category: null, model: null, policyId: null }, { from: new Date(0), to: new Date(1), narrow: { teamId: "" } });
    expect(new URLSearchParams(href.slice(6)).has("team")).toBe(false);
  });
});

describe("CSV export", () => {
  it("quotes what needs quoting and leaves no data empty, never 0", () => {
    expect(toCsv(["bucket", "model, name", "cost"], [["2026-11-20", 'say "hi"', 1.5], ["2026-11-21", "x", null]])).toBe(
      'bucket,"model, name",cost\r\n2026-11-20,"say ""hi""",1.5\r\n2026-11-21,x,\r\n',
    );
  });
});
