import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ["node_modules/**", ".next/**", ".gateway/**", ".data/**", "server/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Only server/env.ts reads the environment (plus Next's own runtime flag in instrumentation).
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["server/env.ts", "instrumentation.ts", "playwright.config.ts", "e2e/**", "bench/**", "prisma.config.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through server/env.ts" }],
    },
  },
];

export default config;
