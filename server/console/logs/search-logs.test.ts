import { describe, expect, it } from "vitest";
import { escapeLike, searchWindow } from "./search-logs";

const now = new Date("2026-12-03T12:00:00Z");
const daysBefore = (date: Date, days: number) => new Date(date.getTime() - days * 86_400_000);

describe("searchWindow", () => {
  it("looks at the last 7 days without a From", () => {
    expect(searchWindow({ from: null, to: null }, now)).toEqual({ from: daysBefore(now, 7), to: now });
  });

  it("takes the filters' range, but never more than 31 days before its end", () => {
    const to = new Date("2026-11-30T00:00:00Z");
    expect(searchWindow({ from: daysBefore(to, 3), to }, now)).toEqual({ from: daysBefore(to, 3), to });
    expect(searchWindow({ from: daysBefore(to, 90), to }, now)).toEqual({ from: daysBefore(to, 31), to });
  });
});

describe("escapeLike", () => {
  it("makes LIKE's own characters plain", () => {
    expect(escapeLike("50%_off\\now")).toBe("50\\%\\_off\\\\now");
  });
});
