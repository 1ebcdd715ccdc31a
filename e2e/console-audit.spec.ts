// The Audit page at desktop and phone widths: a change made in Settings reads as a sentence
// with its before and after, the filters narrow the trail and live in the URL, and the export
// downloads what is filtered.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { demoLogin } from "./demo";
import { signIn } from "./console-helpers";

const WIDTHS = [{ width: 1440, height: 900, budget: "12.5" }, { width: 390, height: 844, budget: "13.75" }];

for (const { width, height, budget } of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test("a settings change reads in words with its diff, filters narrow the trail, and the export holds it", async ({ page }) => {
      await signIn(page, demoLogin.email, demoLogin.password);
      await page.goto("/settings");
      await page.getByLabel("Monthly evaluation budget (USD)").fill(budget);
      await page.getByRole("button", { name: "Save budget" }).click();
      await expect(page.getByRole("region", { name: "Evaluations" }).getByRole("status")).toHaveText("Saved.");

      await page.goto("/audit");
      const entry = page.getByTestId("audit-entry").first();
      await expect(entry).toContainText(`Acme Owner (owner@acme.test) set the monthly evaluation budget to $${budget}`);
      await expect(entry.getByRole("term")).toHaveText("monthly evaluation budget (USD)");
      await expect(entry.locator("ins")).toHaveText(budget);
      await entry.getByText("Details").click();
      await expect(entry).toContainText("tenant.evaluation_budget_set");

      await page.getByLabel("Action").selectOption("tenant.evaluation_budget_set");
      await expect(page).toHaveURL(/action=tenant\.evaluation_budget_set/);
      await page.getByLabel("Who").selectOption({ label: "Acme Owner (owner@acme.test)" });
      await expect(page).toHaveURL(/actor=user%3A/);
      const entries = page.getByTestId("audit-entry");
      await expect(entries.first()).toContainText(`to $${budget}`);
      for (const text of await entries.allInnerTexts()) expect(text).toContain("evaluation budget");

      // A reload opens the same filtered view.
      await page.reload();
      await expect(page.getByLabel("Action")).toHaveValue("tenant.evaluation_budget_set");
      await expect(entries.first()).toContainText(`to $${budget}`);

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
      const csv = await readFile((await download.path())!, "utf8");
      expect(csv.split("\r\n")[0]).toBe("time,actor,summary,action,object type,object id,changes");
      expect(csv).toContain(`monthly evaluation budget (USD): `);
      expect(csv).toContain(`→ ${budget}`);
      expect(csv).not.toContain("api_key.created");

      // Nothing is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  });
}
