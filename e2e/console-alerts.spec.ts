// Budget alerts, from the console: a team's budget set below what it spent this month raises a
// critical alert (the alerts job runs every second in the browser suite), the Alerts page shows
// it with its forecast, the navigation counts it as open, and a member acknowledges it. The
// budget is removed again at the end, so the demo's other journeys see the team as seeded.
import { expect, test, type Page } from "@playwright/test";
import { demoLogin } from "./demo";
import { signIn } from "./console-helpers";

async function setTeamBudget(page: Page, team: string, budget: string) {
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Teams" }).click();
  const row = page.getByRole("listitem").filter({ hasText: team });
  await row.getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("Monthly budget (USD)").fill(budget);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Monthly budget (USD)")).toHaveCount(0);
}

test("a team past its monthly budget shows a critical alert with a forecast, which a member acknowledges", async ({ page }) => {
  await signIn(page, demoLogin.email, demoLogin.password);
  await setTeamBudget(page, "Product", "0.01");
  try {
    // The Teams page shows the same forecast next to the budget.
    await expect(page.getByRole("listitem").filter({ hasText: "Product" })).toContainText("Budget used up");

    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Alerts" }).click();
    // The link navigates on the client: a reload before the new page is in would reload the old one.
    await expect(page).toHaveURL(/\/alerts(\?|$)/);
    await expect(page.getByRole("heading", { name: "Alerts" })).toBeVisible();
    const alert = page.getByRole("list", { name: "Alerts" }).getByRole("listitem").filter({ hasText: 'Team "Product" used its whole monthly budget' });
    const badge = page.getByRole("navigation", { name: "Console" }).getByTestId("open-alerts-badge");
    // The next alerts round (within a second or two) raises it; the page is read again until then.
    // The list and the navigation's count are separate queries, and a round can land between
    // them: both must show it before the count is read.
    await expect(async () => {
      await page.reload();
      await expect(alert).toBeVisible({ timeout: 1000 });
      await expect(badge).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(alert).toContainText("critical");
    await expect(alert).toContainText("open");
    await expect(alert).toContainText("Budget used up");
    await expect(alert.getByRole("link", { name: "Requests this month" })).toHaveAttribute("href", /\/logs\?from=.*&team=/);

    // The navigation counts the open alerts, this one included, and one fewer once it is acknowledged.
    const openBefore = Number(await badge.textContent());
    expect(openBefore).toBeGreaterThanOrEqual(1);
    await alert.getByRole("button", { name: "Acknowledge" }).click();
    await expect(alert).toContainText("acknowledged");
    if (openBefore === 1) await expect(badge).toHaveCount(0);
    else await expect(badge).toHaveText(String(openBefore - 1));
    await expect(alert.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);

    await page.getByLabel("Status").selectOption("acknowledged");
    await expect(page.getByRole("list", { name: "Alerts" })).toContainText('Team "Product" used its whole monthly budget');
  } finally {
    await setTeamBudget(page, "Product", "");
  }
});
