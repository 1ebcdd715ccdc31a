import { expect, test } from "@playwright/test";
import { demoLogin } from "./demo";
import { replaceModels, signIn, startNewPolicy } from "./console-helpers";

test.beforeEach(async ({ page }) => {
  await signIn(page, demoLogin.email, demoLogin.password);
});

test("an admin creates a policy, edits a rule into version 2 and sees the diff", async ({ page }) => {
  const name = await startNewPolicy(page, "e2e-policy");
  for (const category of ["coding", "math", "science", "computer_use", "general"]) {
    await page.getByLabel(`Quality bar (0-100) for ${category}`).fill("60");
  }
  await page.getByLabel("Quality bar (0-100) for math").fill("150");
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByText("0 to 100")).toBeVisible();
  await page.getByLabel("Quality bar (0-100) for math").fill("70");
  await page.getByRole("button", { name: "Create policy" }).click();

  await expect(page.getByRole("heading", { name: `Policy ${name}` })).toBeVisible();
  await expect(page.getByText("version 1", { exact: true })).toBeVisible();
  await page.getByLabel("Quality bar (0-100) for coding").fill("72");
  await replaceModels(page, "Fallback order for coding", ["gpt-5.4", "gemini-3.1-pro"]);
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();
  const versions = page.getByRole("region", { name: "Versions" });
  await expect(versions.getByText("Version 2")).toBeVisible();
  await expect(versions.getByText("rules.coding.qualityBar")).toBeVisible();
  await expect(versions.getByText("rules.coding.fallbackOrder")).toBeVisible();

  await page.getByRole("link", { name: "Policies" }).click();
  await expect(page.getByRole("link", { name })).toBeVisible();
});

test("the tester routes a prompt with the saved policy and explains the choice", async ({ page }) => {
  await page.getByRole("link", { name: "Policies" }).click();
  await page.getByRole("link", { name: "default", exact: true }).click();
  await page.getByLabel("Prompt", { exact: true }).fill("Write a TypeScript function that parses a CSV line, handling quoted fields and escaped quotes. Include unit tests.");
  await page.getByRole("button", { name: "Route it" }).click();
  const result = page.getByRole("region", { name: "Routing result" });
  await expect(result.getByTestId("tester-category")).toContainText("coding");
  await expect(result.getByTestId("tester-model")).not.toHaveText("none");
  await expect(result.getByText("Estimated cost")).toBeVisible();
  await expect(result.getByTestId("tester-summary")).toContainText("coding");
});

test("an admin adds a custom category by keyword, gives it a rule, and the tester files a prompt under it", async ({ page }) => {
  const name = await startNewPolicy(page, "e2e-custom");
  await page.getByRole("button", { name: "Add custom category" }).click();
  await page.getByLabel("Name of custom category 1").fill("billing");
  await page.getByLabel("Keywords of billing").fill("refund, invoice");
  await page.getByRole("button", { name: "Create policy" }).click();
  // Requests filed under it need a rule to route by.
  await expect(page.getByText("Add a rule for this category")).toBeVisible();
  await page.getByRole("button", { name: "Add category rule" }).click();
  await page.getByLabel("Category for rule 6").fill("billing");
  await page.getByLabel("Quality bar (0-100) for billing").fill("40");
  await page.getByRole("button", { name: "Create policy" }).click();

  await expect(page.getByRole("heading", { name: `Policy ${name}` })).toBeVisible();
  await expect(page.getByLabel("Keywords of billing")).toHaveValue("refund, invoice");
  await page.getByLabel("Prompt", { exact: true }).fill("Where is the refund for my last order?");
  await page.getByRole("button", { name: "Route it" }).click();
  const result = page.getByRole("region", { name: "Routing result" });
  await expect(result.getByTestId("tester-category")).toContainText("billing");
  await expect(result.getByTestId("tester-summary")).toContainText('keyword "refund"');
  await expect(result.getByTestId("tester-routed-with")).toHaveText("Routed with the saved version 1.");

  // An unsaved change is tried before it is saved: the tester routes with the draft.
  await page.getByLabel("Keywords of billing").fill("refund, invoice, chargeback");
  await page.getByLabel("Prompt", { exact: true }).fill("I want to open a chargeback with my bank.");
  await page.getByRole("button", { name: "Route it" }).click();
  await expect(result.getByTestId("tester-routed-with")).toHaveText("Routed with the unsaved draft.");
  await expect(result.getByTestId("tester-category")).toContainText("billing");
  await expect(result.getByTestId("tester-summary")).toContainText('keyword "chargeback"');
});
