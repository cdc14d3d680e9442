#!/usr/bin/env bash
# The one test command (npm test): system packages, npm packages, type-check, every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
bash scripts/ensure-installed.sh --agent
npx tsc --noEmit
if [ $# -eq 0 ]; then set -- "test/**/*.test.ts"; fi
npx mocha "$@"
