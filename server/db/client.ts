// The one Prisma client of the process (kept across hot reloads in development).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { requireDatabaseUrl } from "../env";

export type Db = PrismaClient;

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

const holder = globalThis as unknown as { __switchyardPrisma?: PrismaClient };

export function getDb(): PrismaClient {
  holder.__switchyardPrisma ??= createPrismaClient(requireDatabaseUrl());
  return holder.__switchyardPrisma;
}
