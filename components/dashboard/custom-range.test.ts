import { describe, expect, it } from "vitest";
import { customRangeProblem, fromDateTimeInput, toDateTimeInput } from "./custom-range";

describe("custom range inputs", () => {
  it("reads and writes datetime-local values as UTC", () => {
    const date = new Date("2026-11-20T08:30:00Z");
    expect(toDateTimeInput(date)).toBe("2026-11-20T08:30");
    expect(fromDateTimeInput("2026-11-20T08:30")).toEqual(date);
    expect(fromDateTimeInput("")).toBeNull();
    expect(fromDateTimeInput("not a date")).toBeNull();
  });

  it.each([
    ["2026-11-01T00:00", "2026-11-02T00:00", null],
    ["2026-11-02T00:00", "2026-11-01T00:00", "To must be later than From."],
    ["2026-11-02T00:00", "2026-11-02T00:00", "To must be later than From."],
    ["", "2026-11-02T00:00", "Enter both a start (From) and an end (To)."],
    ["2024-01-01T00:00", "2026-01-01T00:00", "A custom range spans at most 366 days."],
  ])("From %s, To %s", (from, to, problem) => {
    expect(customRangeProblem(fromDateTimeInput(from), fromDateTimeInput(to))).toBe(problem);
  });
});
