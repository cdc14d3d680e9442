#!/usr/bin/env bash
# npm run playground: starts the bot (in-memory state) and Microsoft 365 Agents Playground, a
# local Teams-like client, pointed at it. Open the address it prints in a browser.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-installed.sh
port="${PORT:-3978}"
npx tsx bot/index.ts &
bot=$!
trap 'kill "$bot" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:${port}/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
# The playground sends its process locale as the user's: Turkish first.
LANG="${PLAYGROUND_LANG:-tr_TR.UTF-8}" BROWSER=none npx agentsplayground --app-endpoint "http://127.0.0.1:${port}/api/messages" --channel-id msteams --disable-telemetry --port "${PLAYGROUND_PORT:-56150}"
