// Vitest global set-up for integration tests: one migrated template database per run,
// dropped at the end (test files clone it with `useTestDatabase()`), and a fresh bundle of the
// lean gateway for the tests that run it as a process.
import type { TestProject } from "vitest/node";
import { buildGateway } from "../../scripts/build-gateway";
import { createMigratedDatabase, dropDatabase, startTestServer } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  buildGateway();
  const server = await startTestServer();
  const templateUrl = await createMigratedDatabase(server, "switchyard_tpl");
  project.provide("templateDatabaseUrl", templateUrl);
  return async () => {
    await dropDatabase(templateUrl);
    await server.stop();
  };
}
