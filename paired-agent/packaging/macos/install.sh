#!/usr/bin/env bash
# Per-user install of eimza-agent on macOS: copies the executable to ~/Library/Application
# Support/eimza-agent and starts `eimza-agent run` at every login of this user (LaunchAgent,
# restarted when it stops with an error).
#   bash eimza-agent-macos-install.sh [path/to/eimza-agent-macos-arm64]
set -euo pipefail
src="${1:-$(dirname "$0")/eimza-agent-macos-$(uname -m | sed 's/x86_64/x64/')}"
dir="$HOME/Library/Application Support/eimza-agent"
mkdir -p "$dir" "$HOME/Library/LaunchAgents"
install -m 0755 "$src" "$dir/eimza-agent"
plist="$HOME/Library/LaunchAgents/tr.gov.kurum.eimza-agent.plist"
cat > "$plist" <<PLIST
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key><string>tr.gov.kurum.eimza-agent</string>
  <key>ProgramArguments</key><array><string>$dir/eimza-agent</string><string>run</string></array>
  <key>RunAtLoad</key><true/>
  <key>KeepAlive</key><dict><key>SuccessfulExit</key><false/></dict>
  <key>ThrottleInterval</key><integer>10</integer>
</dict>
</plist>
PLIST
launchctl bootout "gui/$(id -u)" "$plist" 2>/dev/null || true
launchctl bootstrap "gui/$(id -u)" "$plist"
echo "Kuruldu: $dir/eimza-agent"
echo "Teams'te gösterilen komutu çalıştırın: \"$dir/eimza-agent\" pair KOD --server ADRES"
