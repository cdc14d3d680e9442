#!/usr/bin/env bash
# Runs `npm ci` when node_modules is missing or older than package-lock.json, so `npm start` and
# `npm test` work on a fresh clone with no other step.
#   ensure-installed.sh          the bot only (`--workspaces=false`): no native build, Node alone
#   ensure-installed.sh --agent  everything, with the paired-agent workspace and its native
#                                PC/SC and PKCS#11 bindings (needs the headers system-deps.sh installs)
set -euo pipefail
cd "$(dirname "$0")/.."
marker=node_modules/.package-lock.json
agent_built() { [ -f node_modules/pcsclite/build/Release/pcsclite.node ] && [ -f node_modules/pkcs11js/build/Release/pkcs11.node ]; }
stale=0
if [ ! -f "$marker" ] || [ package-lock.json -nt "$marker" ]; then stale=1; fi
if [ "${1:-}" = --agent ]; then
  if [ "$stale" = 1 ] || ! agent_built; then
    echo "Installing npm packages with the agent workspace (npm ci)..." >&2
    npm_config_yes=true npm_config_nodedir="${npm_config_nodedir:-/usr}" npm ci --no-audit --no-fund >&2
  fi
elif [ "$stale" = 1 ]; then
  echo "Installing the bot's npm packages (npm ci --workspaces=false)..." >&2
  npm_config_yes=true npm ci --workspaces=false --no-audit --no-fund >&2
fi
