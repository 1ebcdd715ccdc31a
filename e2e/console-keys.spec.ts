import { expect, test } from "@playwright/test";
import OpenAI from "openai";
import { demoLogin } from "./demo";
import { confirmInDialog, pickOption, signIn, uniqueName } from "./console-helpers";

test.beforeEach(async ({ page }) => {
  await signIn(page, demoLogin.email, demoLogin.password);
});

async function issueKey(page: import("@playwright/test").Page, name: string): Promise<string> {
  await page.getByRole("link", { name: "Keys" }).click();
  await page.getByRole("button", { name: "New key" }).click();
  const dialog = page.getByRole("dialog", { name: "New API key" });
  await dialog.getByLabel("Name").fill(name);
  await pickOption(dialog, "Team", "Platform");
  await dialog.getByLabel("Monthly budget (USD)").fill("25");
  await dialog.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("secret-once").innerText()).trim();
  expect(secret).toMatch(/^sy_/);
  await page.getByRole("dialog", { name: "Your new key" }).getByRole("button", { name: "Close" }).click();
  return secret;
}

test("an admin issues a key and sees its secret exactly once", async ({ page }) => {
  const name = uniqueName("ci-key");
  const secret = await issueKey(page, name);
  const row = page.getByTestId(`key-row-${name}`);
  await expect(row).toContainText(secret.slice(0, 11));
  await expect(row).toContainText("never");
  await page.reload();
  await expect(page.getByTestId(`key-row-${name}`)).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
});

test("a key calls the gateway, the request shows in the logs, and after revocation the next call gets 401", async ({ page, baseURL }) => {
  const name = uniqueName("sdk-key");
  const apiKey = await issueKey(page, name);
  const client = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey, maxRetries: 0 });

  const completion = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Write a haiku about routing tables." }] });
  expect(completion.choices[0]?.message.content).toBeTruthy();

  await page.getByRole("link", { name: "Logs" }).click();
  await pickOption(page, "Key", `${name} (${apiKey.slice(0, 11)})`);
  // Usage is written in batches; refresh until the request has landed.
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(page.getByRole("cell", { name, exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.getByRole("row").filter({ hasText: name }).getByRole("button").first().click();
  const drawer = page.getByRole("dialog", { name: "Request" });
  await expect(drawer.getByRole("region", { name: "Attempts" })).toBeVisible();
  await expect(drawer.getByRole("region", { name: "Routing decision" })).toBeVisible();
  await drawer.getByRole("button", { name: "Close" }).click();

  await page.getByRole("link", { name: "Keys" }).click();
  await page.getByTestId(`key-row-${name}`).getByRole("button", { name: "Revoke" }).click();
  await confirmInDialog(page, "Revoke key");
  await expect(page.getByTestId(`key-row-${name}`)).toContainText("revoked");
  const refused = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Hello again" }] }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(OpenAI.AuthenticationError);
});
