// Vitest global set-up for integration tests: one migrated template database per run,
// dropped at the end. Test files clone it with `useTestDatabase()`.
import type { TestProject } from "vitest/node";
import { createMigratedDatabase, dropDatabase, startTestServer } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const templateUrl = await createMigratedDatabase(server, "switchyard_tpl");
  project.provide("templateDatabaseUrl", templateUrl);
  return async () => {
    await dropDatabase(templateUrl);
    await server.stop();
  };
}
