// A catalog model's structured-outputs flag in the console: the built-in GLM-5 is marked as not
// following a JSON schema, and an admin can turn the flag on and off again in the model form.
import { expect, test } from "@playwright/test";
import { demoLogin, demoApiKey } from "./demo";
import { signIn } from "./console-helpers";

const schemaRequest = (model: string) => ({
  model,
  messages: [{ role: "user", content: "Describe Oslo." }],
  response_format: { type: "json_schema", json_schema: { name: "city", schema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } } },
});

test("an admin sets whether a model follows a JSON schema, and the gateway follows the flag", async ({ page, request }) => {
  const headers = { authorization: `Bearer ${demoApiKey()}` };
  await signIn(page, demoLogin.email, demoLogin.password);
  await page.goto("/models");
  const row = page.getByTestId("model-row-glm-5");
  await expect(row).toContainText("no JSON schema");
  expect((await request.post("/v1/chat/completions", { headers, data: schemaRequest("glm-5") })).status()).toBe(400);

  const setFlag = async (on: boolean) => {
    await row.getByRole("button", { name: "Edit" }).click();
    const checkbox = page.getByLabel(/Follows a JSON schema/);
    await (on ? checkbox.check() : checkbox.uncheck());
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
  };
  await setFlag(true);
  await expect(row).not.toContainText("no JSON schema");
  const served = await request.post("/v1/chat/completions", { headers, data: schemaRequest("glm-5") });
  expect(served.status()).toBe(200);
  expect(JSON.parse((await served.json()).choices[0].message.content)).toEqual({ name: "example name" });

  await setFlag(false);
  await expect(row).toContainText("no JSON schema");
});
