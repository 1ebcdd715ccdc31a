// An owner issues an admin key on the Keys page, a script uses it to create a team and list
// keys through the admin API, and the Audit page names the key as the actor of that change.
import { expect, test } from "@playwright/test";
import { demoApiKey, demoLogin } from "./demo";
import { signIn, uniqueName } from "./console-helpers";

test("an admin key issued in the console drives the admin API, and its changes are audited under its name", async ({ page, request }) => {
  await signIn(page, demoLogin.email, demoLogin.password);
  const keyName = uniqueName("automation");
  await page.getByRole("link", { name: "Keys" }).click();
  await page.getByRole("button", { name: "New key" }).click();
  const dialog = page.getByRole("dialog", { name: "New API key" });
  await dialog.getByLabel("Name").fill(keyName);
  await dialog.getByLabel("gateway", { exact: true }).uncheck();
  await dialog.getByLabel("admin", { exact: true }).check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("secret-once").innerText()).trim();
  await page.getByRole("dialog", { name: "Your new key" }).getByRole("button", { name: "Close" }).click();

  const auth = { authorization: `Bearer ${secret}` };
  const keys = await request.get("/api/admin/v1/keys", { headers: auth });
  expect(keys.status()).toBe(200);
  expect(((await keys.json()) as { name: string; scopes: string[] }[]).find((k) => k.name === keyName)?.scopes).toEqual(["admin"]);

  const teamName = uniqueName("Team");
  const created = await request.post("/api/admin/v1/teams", { headers: auth, data: { name: teamName, monthlyBudgetUsd: 75 } });
  expect(created.status()).toBe(201);
  expect(await created.json()).toMatchObject({ name: teamName, monthlyBudgetUsd: 75 });

  // The demo's gateway key is no admin key.
  const refused = await request.get("/api/admin/v1/teams", { headers: { authorization: `Bearer ${demoApiKey()}` } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden");

  await page.getByRole("link", { name: "Audit" }).click();
  await expect(page.getByTestId("audit-entry").filter({ hasText: teamName }).first()).toContainText(`API key “${keyName}” created team “${teamName}”`);
});
