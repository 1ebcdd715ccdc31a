// How a budget forecast reads in the console: the day the budget runs out at the current pace,
// and which pace that is (budget-alerts.ts forecastBudget decides).
export interface ForecastView {
  pace: string;
  usdPerDay: number;
  runsOutAt: string | null;
}

const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export function forecastText(forecast: ForecastView, now: Date = new Date()): string {
  const pace = forecast.pace === "last_7_days" ? "the last 7 days' pace" : "this month's pace";
  const perDay = `$${forecast.usdPerDay.toFixed(2)}/day`;
  if (forecast.runsOutAt === null) return `Lasts the month at ${pace} (${perDay})`;
  if (new Date(forecast.runsOutAt).getTime() <= now.getTime()) return "Budget used up";
  return `Runs out ${day(forecast.runsOutAt)} at ${pace} (${perDay})`;
}

export function isForecast(value: unknown): value is ForecastView {
  const v = value as Partial<ForecastView> | null;
  return typeof v === "object" && v !== null && typeof v.pace === "string" && typeof v.usdPerDay === "number" && (v.runsOutAt === null || typeof v.runsOutAt === "string");
}
