import { describe, expect, it } from "vitest";
import { forecastText, isForecast } from "./forecast-text";

const now = new Date("2026-12-10T12:00:00Z");

describe("forecastText", () => {
  it("names the day and the pace used", () => {
    expect(forecastText({ pace: "last_7_days", usdPerDay: 10, runsOutAt: "2026-12-14T00:00:00.000Z" }, now)).toBe("Runs out 14 Dec at the last 7 days' pace ($10.00/day)");
    expect(forecastText({ pace: "month_to_date", usdPerDay: 0.5, runsOutAt: null }, now)).toBe("Lasts the month at this month's pace ($0.50/day)");
    expect(forecastText({ pace: "month_to_date", usdPerDay: 3, runsOutAt: now.toISOString() }, now)).toBe("Budget used up");
  });

  it("accepts only a forecast-shaped value from an alert's details", () => {
    expect(isForecast({ pace: "month_to_date", usdPerDay: 1, runsOutAt: null })).toBe(true);
    expect(isForecast({ pace: "month_to_date", usdPerDay: "1", runsOutAt: null })).toBe(false);
    expect(isForecast(null)).toBe(false);
  });
});
