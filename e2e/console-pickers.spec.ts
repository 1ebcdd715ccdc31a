// The console's pickers and confirmations, on a desktop and on a phone: a policy built from the
// catalog with the keyboard, a reordered fallback chain, validation in words, and a key revoked
// through the console's own dialog with a toast saying so.
import { expect, test } from "@playwright/test";
import { demoLogin } from "./demo";
import { confirmInDialog, pickOption, signIn, uniqueName } from "./console-helpers";

for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test("an admin picks a policy's models, reorders its fallbacks, reads a friendly message and revokes a key through a dialog", async ({ page }) => {
      await signIn(page, demoLogin.email, demoLogin.password);
      const name = uniqueName("e2e-pickers");
      await page.goto("/policies/new");
      await page.getByLabel("Name", { exact: true }).fill(name);
      await page.getByLabel("Quality bar (0-100) for math").fill("lots");
      await page.getByRole("button", { name: "Create policy" }).click();
      await expect(page.getByText("Pick a baseline model")).toBeVisible();
      await expect(page.getByText("Enter a number for Quality bar (0-100)")).toBeVisible();
      await page.getByLabel("Quality bar (0-100) for math").fill("70");

      // Typing filters the catalog; the options show price and quality; arrows and Enter choose.
      const baseline = page.getByRole("combobox", { name: "Baseline model", exact: true });
      await baseline.pressSequentially("claude");
      await expect(page.getByRole("option").first()).toContainText("per 1M tokens");
      await baseline.press("ArrowDown");
      await baseline.press("Enter");
      await expect(baseline).toHaveValue("claude-sonnet-4.6");

      const fallbacks = page.getByRole("group", { name: "Fallback order for coding", exact: true });
      await pickOption(page, "Fallback order for coding", "gpt-5.4");
      await pickOption(page, "Fallback order for coding", "gemini-3.1-pro");
      await expect(fallbacks.getByRole("listitem")).toHaveText([/gpt-5\.4/, /gemini-3\.1-pro/]);
      await fallbacks.getByRole("button", { name: "Move gemini-3.1-pro up in Fallback order for coding" }).click();
      await expect(fallbacks.getByRole("listitem")).toHaveText([/gemini-3\.1-pro/, /gpt-5\.4/]);
      // Nothing on the editor is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

      await page.getByRole("button", { name: "Create policy" }).click();
      await expect(page.getByRole("heading", { name: `Policy ${name}` })).toBeVisible();
      await expect(page.getByRole("group", { name: "Fallback order for coding", exact: true }).getByRole("listitem")).toHaveText([/gemini-3\.1-pro/, /gpt-5\.4/]);

      // A key with that policy, then revoked after the console's own confirmation.
      const keyName = uniqueName("e2e-picked-key");
      await page.goto("/keys");
      await page.getByRole("button", { name: "New key" }).click();
      const form = page.getByRole("dialog", { name: "New API key" });
      await form.getByLabel("Name").fill(keyName);
      await form.getByRole("combobox", { name: "Policy" }).click();
      // One entry for the organisation's default, not a second one under its own name.
      await expect(form.getByRole("option", { name: "Organisation default (now default)" })).toHaveCount(1);
      await expect(form.getByRole("option", { name: "default", exact: true })).toHaveCount(0);
      await pickOption(form, "Policy", name);
      await form.getByRole("button", { name: "Create key" }).click();
      await page.getByRole("dialog", { name: "Your new key" }).getByRole("button", { name: "Close" }).click();
      const row = page.getByTestId(`key-row-${keyName}`);
      await expect(row).toContainText(name);
      await row.getByRole("button", { name: "Revoke" }).click();
      const question = page.getByRole("alertdialog", { name: `Revoke ${keyName}?` });
      await expect(question).toBeVisible();
      // Tab and Shift+Tab go round the dialog's own controls, never to the page behind it.
      for (const key of ["Tab", "Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
        await page.keyboard.press(key);
        expect(await question.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      }
      await confirmInDialog(page, "Revoke key");
      await expect(page.getByRole("status").filter({ hasText: "Key revoked" })).toBeVisible();
      await expect(row).toContainText("revoked");
    });
  });
}
