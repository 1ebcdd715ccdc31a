import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname) };
const exclude = ["node_modules/**", "e2e/**", ".next/**", ".data/**"];
// Fake upstreams listen on 127.0.0.1, which upstream calls refuse by default (server-side
// request forgery); tests allow it explicitly, and gateway processes they start inherit it.
const env = { SWITCHYARD_ALLOWED_UPSTREAM_HOSTS: "127.0.0.1" };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          env,
          include: ["**/*.test.ts"],
          exclude: [...exclude, "**/*.int.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          env,
          include: ["**/*.int.test.ts"],
          exclude,
          globalSetup: ["./server/testing/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          fileParallelism: false,
        },
      },
    ],
  },
});
