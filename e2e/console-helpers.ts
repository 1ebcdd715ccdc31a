// Shared steps of the console journeys.
import { expect, type Locator, type Page } from "@playwright/test";

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Last 30 days" })).toBeVisible();
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Answers the console's confirmation dialog (revoke, rotate, delete, restore) with its confirm button. */
export async function confirmInDialog(page: Page, confirmLabel: string) {
  const dialog = page.getByRole("alertdialog");
  await dialog.getByRole("button", { name: confirmLabel, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

/** Picks in a searchable select (or adds to a list picker) as a keyboard user does: types, then Enter takes the best match. */
export async function pickOption(scope: Page | Locator, name: string, text: string) {
  const input = scope.getByRole("combobox", { name, exact: true });
  await input.fill(text);
  // The options may still be loading: wait for a match before Enter picks it.
  await expect(scope.getByRole("option", { name: text }).first()).toBeVisible();
  await input.press("Enter");
  await expect(input).toHaveAttribute("aria-expanded", "false");
}

/** Empties a list picker, then adds the models in order. */
export async function replaceModels(page: Page, name: string, slugs: string[]) {
  const remove = page.getByRole("group", { name, exact: true }).getByRole("button", { name: /^Remove / });
  while ((await remove.count()) > 0) await remove.first().click();
  for (const slug of slugs) await pickOption(page, name, slug);
}

/** Opens the new-policy editor from the navigation and fills in a name and a baseline model (returns the name). */
export async function startNewPolicy(page: Page, prefix: string, baseline = "claude-opus-4.6"): Promise<string> {
  const name = uniqueName(prefix);
  await page.getByRole("link", { name: "Policies" }).click();
  await page.getByRole("link", { name: "New policy" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await pickOption(page, "Baseline model", baseline);
  return name;
}
