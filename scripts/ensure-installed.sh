#!/usr/bin/env bash
# Runs `npm ci` when node_modules is missing or older than package-lock.json,
# so `npm start` and `npm test` work on a fresh clone with no other step.
set -euo pipefail
cd "$(dirname "$0")/.."
marker=node_modules/.package-lock.json
if [ ! -f "$marker" ] || [ package-lock.json -nt "$marker" ]; then
  echo "Installing npm packages (npm ci)..." >&2
  npm_config_yes=true npm_config_nodedir="${npm_config_nodedir:-/usr}" npm ci --no-audit --no-fund >&2
fi
