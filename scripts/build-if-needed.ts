// Rebuilds the Next.js app only when its inputs changed since the last build.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { childEnv } from "../server/env";

const INPUTS = ["app", "components", "server", "prisma/schema.prisma", "next.config.js", "package-lock.json", "postcss.config.mjs"];
const IGNORED = new Set(["node_modules", "generated", ".next"]);

function fingerprint(root: string): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p).sort()) if (!IGNORED.has(entry)) visit(path.join(p, entry));
    } else {
      hash.update(`${path.relative(root, p)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const input of INPUTS) visit(path.join(root, input));
  return hash.digest("hex");
}

export function buildIfNeeded(root = process.cwd()): boolean {
  const stampFile = path.join(root, ".next", "switchyard-build-stamp");
  const current = fingerprint(root);
  if (existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === current) {
    return false;
  }
  execFileSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: childEnv({ NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" }),
  });
  writeFileSync(stampFile, current);
  return true;
}
