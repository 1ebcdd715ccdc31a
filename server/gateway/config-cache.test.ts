import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../db/generated/client";
import { generateApiKeySecret, hashApiKey } from "../auth/api-key-secret";
import { findKeyBySecret, MAX_CACHED_KEYS } from "./config-cache";

/** A database that knows the keys of `known` (by hash) and counts how often it was asked. */
function fakeDb(known: string[] = []) {
  const hashes = new Set(known.map(hashApiKey));
  const db = {
    lookups: 0,
    apiKey: {
      findUnique: async ({ where: { hash } }: { where: { hash: string } }) => {
        db.lookups++;
        if (!hashes.has(hash)) return null;
        return { id: `key-${hash.slice(0, 6)}`, tenantId: "t1", teamId: null, policyId: null, name: "k", scopes: [], monthlyBudgetUsd: null, team: null, rpmLimit: null, tpmLimit: null, expiresAt: null, revokedAt: null };
      },
    },
  };
  return db;
}
const emptyDb = () => fakeDb();
const asPrisma = (db: ReturnType<typeof fakeDb>) => db as unknown as PrismaClient;

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
    // Made-up keys at one instant: none has expired, so the least recently used make room.
    for (let i = 0; i < MAX_CACHED_KEYS + 5_000; i++) await findKeyBySecret(asPrisma(db), generateApiKeySecret().secret, 0);
    const before = db.lookups;
    await findKeyBySecret(asPrisma(db), first, 0);
    // The first key was dropped to make room, so it is looked up again.
    expect(db.lookups).toBe(before + 1);
  });

  it("never lets made-up keys push out a key in use", async () => {
    const real = generateApiKeySecret().secret;
    const db = fakeDb([real]);
    expect(await findKeyBySecret(asPrisma(db), real, 0)).toMatchObject({ tenantId: "t1" });
    for (let i = 0; i < MAX_CACHED_KEYS + 5_000; i++) await findKeyBySecret(asPrisma(db), generateApiKeySecret().secret, 0);
    const before = db.lookups;
    expect(await findKeyBySecret(asPrisma(db), real, 0)).toMatchObject({ tenantId: "t1" });
    expect(db.lookups).toBe(before);
  });
});
