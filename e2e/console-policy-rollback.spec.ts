import { expect, test } from "@playwright/test";
import { demoLogin } from "./demo";
import { confirmInDialog, signIn, startNewPolicy } from "./console-helpers";

test.beforeEach(async ({ page }) => {
  await signIn(page, demoLogin.email, demoLogin.password);
});

test("an admin changes a policy, then restores version 1 as version 3 with the old values", async ({ page }) => {
  // A policy of its own, so that the restore does not change the demo's default for other journeys.
  const name = await startNewPolicy(page, "e2e-rollback");
  for (const category of ["coding", "math", "science", "computer_use", "general"]) {
    await page.getByLabel(`Quality bar (0-100) for ${category}`).fill("60");
  }
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByRole("heading", { name: `Policy ${name}` })).toBeVisible();

  await page.getByLabel("Quality bar (0-100) for coding").fill("72");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();
  await expect(page.getByLabel("Quality bar (0-100) for coding")).toHaveValue("72");

  const versions = page.getByRole("region", { name: "Versions" });
  await versions.getByRole("button", { name: "Restore version 1" }).click();
  await confirmInDialog(page, "Restore");
  await expect(versions.getByText("Restored version 1 as version 3.")).toBeVisible();
  await expect(page.getByText("version 3", { exact: true })).toBeVisible();
  // The new version's diff is shown like any save's: the bar goes back from 72 to 60.
  const third = versions.getByRole("listitem").filter({ hasText: /^Version 3 ·/ });
  await expect(third.getByText("rules.coding.qualityBar")).toBeVisible();
  await expect(third.getByText("72", { exact: true })).toBeVisible();
  await expect(third.getByText("60", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Quality bar (0-100) for coding")).toHaveValue("60");
  // The current version has nothing to restore.
  await expect(versions.getByRole("button", { name: "Restore version 3" })).toHaveCount(0);
});
