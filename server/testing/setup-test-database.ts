// Gives an integration test file its own database (a clone of the run's migrated template)
// and a Prisma client on it; both are removed after the file.
import { afterAll, beforeAll, inject } from "vitest";
import { createPrismaClient, type Db } from "../db/client";
import { cloneDatabase, dropDatabase } from "./test-database";

export function setupTestDatabase(): { readonly db: Db; readonly url: string } {
  const state = {} as { db: Db; url: string };
  beforeAll(async () => {
    state.url = await cloneDatabase(inject("templateDatabaseUrl"));
    state.db = createPrismaClient(state.url);
  });
  afterAll(async () => {
    await state.db?.$disconnect();
    if (state.url) await dropDatabase(state.url);
  });
  return state;
}
