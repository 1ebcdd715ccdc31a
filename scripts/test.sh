#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit and integration tests (vitest, real PostgreSQL), then the
# browser tests (Playwright in Debian's Chromium). Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

echo "== typecheck"
npm run -s db:generate >/dev/null
npx tsc --noEmit

echo "== lint"
npx eslint . --max-warnings=0

echo "== unit and integration tests"
npx vitest run

echo "== browser tests"
npx tsx scripts/run-e2e.ts
