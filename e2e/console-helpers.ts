// Shared steps of the console journeys.
import { expect, type Page } from "@playwright/test";

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Last 30 days" })).toBeVisible();
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Confirmation prompts (revoke, rotate, remove) are accepted. */
export function acceptConfirmations(page: Page) {
  page.on("dialog", (dialog) => dialog.accept());
}
