import { describe, expect, it } from "vitest";
import { bucketStarts, resolveWindow } from "./resolve-window";

const NOW = new Date("2026-11-25T16:05:00Z");
const custom = (from: string, to: string) => ({ range: "custom" as const, from: new Date(from), to: new Date(to) });
const iso = (d: Date) => d.toISOString().replace(":00.000Z", "Z");

describe("resolveWindow", () => {
  it.each([
    ["24h", { range: "24h" as const, from: null, to: null }, "2026-11-24T17:00Z", "2026-11-25T17:00Z", "hour", 24, "2026-11-23T17:00Z", "2026-11-24T17:00Z"],
    ["7d", { range: "7d" as const, from: null, to: null }, "2026-11-19T00:00Z", "2026-11-26T00:00Z", "day", 7, "2026-11-12T00:00Z", "2026-11-18T17:00Z"],
    ["30d", { range: "30d" as const, from: null, to: null }, "2026-10-27T00:00Z", "2026-11-26T00:00Z", "day", 30, "2026-09-27T00:00Z", "2026-10-26T17:00Z"],
    ["custom 48 h is hourly", custom("2026-11-01T10:20:00Z", "2026-11-03T10:20:00Z"), "2026-11-01T10:00Z", "2026-11-03T11:00Z", "hour", 49, "2026-10-30T09:00Z", "2026-11-01T10:00Z"],
    ["custom past 48 h is daily", custom("2026-11-01T10:00:00Z", "2026-11-03T12:00:00Z"), "2026-11-01T00:00Z", "2026-11-04T00:00Z", "day", 3, "2026-10-29T00:00Z", "2026-11-01T00:00Z"],
    ["custom ending in the future compares elapsed time only", custom("2026-11-25T00:00:00Z", "2026-11-26T00:00:00Z"), "2026-11-25T00:00Z", "2026-11-26T00:00Z", "hour", 24, "2026-11-24T00:00Z", "2026-11-24T17:00Z"],
  ])("%s", (_, filters, from, to, bucket, buckets, previousFrom, previousTo) => {
    const w = resolveWindow(filters, NOW);
    expect([iso(w.from), iso(w.to), w.bucket, bucketStarts(w).length, iso(w.previousFrom), iso(w.previousTo)]).toEqual([from, to, bucket, buckets, previousFrom, previousTo]);
  });

  it("includes the current hour even exactly on the hour", () => {
    const w = resolveWindow({ range: "24h", from: null, to: null }, new Date("2026-11-25T16:00:00Z"));
    expect(iso(w.to)).toBe("2026-11-25T17:00Z");
  });

  it("buckets are contiguous and cover the window", () => {
    const w = resolveWindow({ range: "7d", from: null, to: null }, NOW);
    const starts = bucketStarts(w);
    expect(starts[0]).toBe(w.from.getTime());
    expect(starts.at(-1)! + 86_400_000).toBe(w.to.getTime());
  });
});
