import { defineConfig, devices } from "@playwright/test";

// The app, its database and demo data are prepared by scripts/run-e2e.ts, which passes the
// URL in E2E_BASE_URL. Debian's Chromium is used; Playwright never downloads a browser.
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // The app shares a small machine with its own build and database: a first dashboard load
  // after sign-in can take longer than Playwright's default of 5 s without anything being wrong.
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://localhost:3000",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        },
      },
    },
  ],
});
