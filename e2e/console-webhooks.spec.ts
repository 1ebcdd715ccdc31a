// Alert webhooks, from the console: the demo owner adds a webhook pointing at a receiver this
// spec starts on 127.0.0.1 (the browser suite's server allows that address, as the gateway tests
// do), copies the signing secret shown once, presses Test, sees the delivery in the log, and the
// receiver got one POST whose signature checks out with that secret. The webhook is deleted at the end.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { demoLogin } from "./demo";
import { confirmInDialog, signIn, uniqueName } from "./console-helpers";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

async function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/switchyard`,
    received,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

test("an admin adds a webhook, tests it, sees it delivered, and the receiver gets a correctly signed request", async ({ page }) => {
  const receiver = await startReceiver();
  const name = uniqueName("ops-hook");
  try {
    await signIn(page, demoLogin.email, demoLogin.password);
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Alerts" }).click();
    // The link navigates on the client: a reload before the new page is in would reload the old one.
    await expect(page).toHaveURL(/\/alerts(\?|$)/);
    const section = page.getByRole("region", { name: "Webhooks" });
    await section.getByRole("button", { name: "Add webhook" }).click();
    const dialog = page.getByRole("dialog", { name: "New webhook" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("URL").fill(receiver.url);
    await dialog.getByRole("button", { name: "Add webhook" }).click();
    const secret = (await page.getByTestId("secret-once").innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("dialog", { name: "Signing secret" }).getByRole("button", { name: "Close" }).click();

    const row = section.getByRole("listitem").filter({ hasText: name });
    await expect(row).toContainText("every kind");
    await row.getByRole("button", { name: "Test" }).click();
    await expect(row.getByRole("status")).toHaveText("Test delivered: HTTP 200");

    await row.getByRole("button", { name: "Deliveries" }).click();
    const log = row.getByRole("table", { name: `Deliveries of ${name}` });
    await expect(log.getByRole("row").nth(1)).toContainText("test");
    await expect(log.getByRole("row").nth(1)).toContainText("delivered");
    await expect(log.getByRole("row").nth(1)).toContainText("200");

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    const [, timestamp, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(request!.headers["x-switchyard-signature"])) ?? [];
    expect(createHmac("sha256", secret).update(`${timestamp}.${request!.body}`).digest("hex")).toBe(mac);
    expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(300);
    const payload = JSON.parse(request!.body);
    expect(payload).toMatchObject({ id: request!.headers["x-switchyard-event-id"], type: "test", alert: null });
    expect(payload.text).toContain("Switchyard test event");

    await row.getByRole("button", { name: "Delete" }).click();
    await confirmInDialog(page, "Delete webhook");
    await expect(section.getByRole("listitem").filter({ hasText: name })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
