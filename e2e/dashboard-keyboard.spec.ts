// The dashboard without a mouse: filters changed in quick succession all reach the URL, an
// impossible custom range is explained, and a chart's table view drills into the logs.
import { expect, test } from "@playwright/test";
import { demoLogin } from "./demo";
import { signIn } from "./console-helpers";

test("fast filter changes, a To before From and keyboard drill-down", async ({ page }) => {
  await signIn(page, demoLogin.email, demoLogin.password);

  // Two changes before the page re-renders: both stay in the URL and the heading names them.
  await page.getByLabel("Category", { exact: true }).selectOption("coding");
  await page.getByLabel("Time range").selectOption("7d");
  await expect(page).toHaveURL(/range=7d/);
  await expect(page).toHaveURL(/category=coding/);
  await expect(page.getByRole("heading", { name: "Last 7 days" })).toBeVisible();
  await expect(page.getByTestId("applied-filters")).toContainText("Category coding");

  // A custom range whose end comes before its start is explained, and the figures keep the last valid range.
  await page.getByLabel("Time range").selectOption("custom");
  await expect(page).toHaveURL(/range=custom/);
  const applied = page.url();
  await page.getByLabel("To (UTC)").fill("2020-01-01T00:00");
  await expect(page.getByText("To must be later than From.")).toBeVisible();
  await expect(page.getByLabel("To (UTC)")).toHaveAttribute("aria-invalid", "true");
  expect(page.url()).toBe(applied);
  await page.getByLabel("Time range").selectOption("30d");

  // Keyboard only: open a chart's table view and follow a category's link to its logs.
  const card = page.getByRole("region", { name: "Requests and spend by category", exact: true });
  const summary = card.getByText("Show as a table");
  await summary.focus();
  await page.keyboard.press("Enter");
  const link = card.getByRole("link", { name: "coding" });
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/logs\?.*category=coding/);
  await expect(page.getByRole("heading", { name: "Request logs" })).toBeVisible();
});
