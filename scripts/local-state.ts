// Local, git-ignored state of the quick start (.data/): generated secrets and the demo key,
// so that a second start reuses them and prints the same lines.
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

export const DATA_DIR = path.join(process.cwd(), ".data");

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

function writePrivateJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2) + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
}

export interface LocalSecrets {
  masterKey: string;
  nextAuthSecret: string;
}

export function loadOrCreateLocalSecrets(): LocalSecrets {
  const file = path.join(DATA_DIR, "secrets.json");
  const existing = readJson<LocalSecrets>(file);
  if (existing) return existing;
  const secrets = { masterKey: randomBytes(32).toString("base64"), nextAuthSecret: randomBytes(32).toString("base64url") };
  writePrivateJson(file, secrets);
  return secrets;
}

/** Demo keys by database (host/port/name), since one checkout may start against several. */
export function readDemoKey(databaseId: string): string | null {
  return readJson<Record<string, string>>(path.join(DATA_DIR, "demo-keys.json"))?.[databaseId] ?? null;
}

export function saveDemoKey(databaseId: string, key: string): void {
  const file = path.join(DATA_DIR, "demo-keys.json");
  writePrivateJson(file, { ...readJson<Record<string, string>>(file), [databaseId]: key });
}
