// `npm run test:e2e`: a fresh migrated and seeded database, a production build of the app on
// a free port, then Playwright against it. Everything is removed afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { childEnv } from "../server/env";
import { createPrismaClient } from "../server/db/client";
import { seed } from "../server/demo/seed";
import { createMigratedDatabase, dropDatabase, startTestServer } from "../server/testing/test-database";
import { buildIfNeeded } from "./build-if-needed";
import { waitForHealth } from "./wait-for-health";
import { startNextServer, stopNextServer } from "./start-next-server";
import { freePort } from "../server/testing/start-gateway-process";
import { startTestOidcProvider } from "../server/testing/test-oidc-provider";

async function main(): Promise<number> {
  const server = await startTestServer();
  const databaseUrl = await createMigratedDatabase(server, "switchyard_e2e");
  let app: ChildProcess | null = null;
  // Single sign-on's browser tests sign in at this identity provider; they pick its user at E2E_OIDC_ISSUER/test/user.
  const idp = await startTestOidcProvider();
  try {
    const db = createPrismaClient(databaseUrl);
    // Two of the dashboard's default 30-day periods, so that the current one has a previous one to compare with.
    const seeded = await seed(db, { days: 60, requestsPerDay: 150 }).finally(() => db.$disconnect());
    buildIfNeeded();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    app = startNextServer({
      port,
      host: "127.0.0.1",
      databaseUrl,
      nextAuthUrl: baseUrl,
      nextAuthSecret: randomBytes(32).toString("base64url"),
      masterKey: randomBytes(32).toString("base64"),
      // An alerts round every second, so that a budget changed in a browser test raises its alert within the test.
      // Webhook receivers that browser tests start listen on 127.0.0.1, which outbound calls refuse by default.
      env: {
        SWITCHYARD_ALERTS_INTERVAL_MS: "1000",
        SWITCHYARD_ALLOWED_UPSTREAM_HOSTS: "127.0.0.1",
        SWITCHYARD_OIDC_ISSUER: idp.issuer,
        SWITCHYARD_OIDC_CLIENT_ID: idp.clientId,
        SWITCHYARD_OIDC_CLIENT_SECRET: idp.clientSecret,
        SWITCHYARD_OIDC_NAME: "Test IdP",
      },
    });
    await waitForHealth(`${baseUrl}/api/health`);
    // Not spawnSync: the identity provider answers from this process while the tests run.
    const playwright = spawn(path.join("node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
      stdio: "inherit",
      env: childEnv({ E2E_BASE_URL: baseUrl, E2E_API_KEY: seeded.apiKey ?? "", E2E_DATABASE_URL: databaseUrl, E2E_OIDC_ISSUER: idp.issuer }),
    });
    return await new Promise<number>((resolve) => playwright.on("exit", (code) => resolve(code ?? 1)));
  } finally {
    if (app) await stopNextServer(app);
    await idp.close();
    await dropDatabase(databaseUrl);
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
