import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../db/generated/client";
import { generateApiKeySecret } from "../auth/api-key-secret";
import { findKeyBySecret, MAX_CACHED_KEYS } from "./config-cache";

/** A database that knows no key and counts how often it was asked. */
function emptyDb() {
  const db = { lookups: 0, apiKey: { findUnique: async () => (db.lookups++, null) } };
  return db;
}
const asPrisma = (db: ReturnType<typeof emptyDb>) => db as unknown as PrismaClient;

describe("findKeyBySecret", () => {
  it("refuses what is not shaped like a key of ours without asking the database", async () => {
    const db = emptyDb();
    for (const secret of ["", "sk-live-123", "sy_short", `sy_${"a".repeat(41)}`, `sy_${"a".repeat(39)}!`, "x".repeat(10_000)]) {
      expect(await findKeyBySecret(asPrisma(db), secret)).toBeNull();
    }
    expect(db.lookups).toBe(0);
  });

  it("asks once for an unknown key, then remembers it for a few seconds", async () => {
    const db = emptyDb();
    const { secret } = generateApiKeySecret();
    await findKeyBySecret(asPrisma(db), secret, 1_000);
    await findKeyBySecret(asPrisma(db), secret, 2_000);
    expect(db.lookups).toBe(1);
    await findKeyBySecret(asPrisma(db), secret, 10_000);
    expect(db.lookups).toBe(2);
  });

  it("remembers a bounded number of made-up keys, however many are presented", async () => {
    const db = emptyDb();
    const first = generateApiKeySecret().secret;
    await findKeyBySecret(asPrisma(db), first, 0);
    // Made-up keys at one instant: none has expired, so the oldest make room.
    for (let i = 0; i < MAX_CACHED_KEYS + 5_000; i++) await findKeyBySecret(asPrisma(db), generateApiKeySecret().secret, 0);
    const before = db.lookups;
    await findKeyBySecret(asPrisma(db), first, 0);
    // The first key was dropped to make room, so it is looked up again.
    expect(db.lookups).toBe(before + 1);
  });
});
