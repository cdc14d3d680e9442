#!/usr/bin/env bash
# Builds, signs and notarizes dist/agent/eimza-agent-macos-<arch> on a macOS runner (Xcode command
# line tools, Node 20). It cannot be built on Linux: a single executable is this system's own Node
# binary with the agent injected (postject --macho-segment-name NODE_SEA, in scripts/agent-build.ts).
#   MAC_SIGN_IDENTITY="Developer ID Application: Kurum (TEAMID)" MAC_NOTARY_PROFILE=eimza \
#     paired-agent/packaging/macos/build.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
here=paired-agent/packaging/macos
npm_config_yes=true npm ci --no-audit --no-fund
npm run agent:build                      # removes Node's signature, injects, signs ad hoc
exe="dist/agent/eimza-agent-macos-$(node -p process.arch)"
if [ -n "${MAC_SIGN_IDENTITY:-}" ]; then
  # Hardened runtime with the entitlements Node needs (JIT) and the agent needs (loading the
  # extracted addons and Kamu SM's libakisp11.dylib, signed by others).
  codesign --force --timestamp --options runtime --entitlements "$here/entitlements.plist" --sign "$MAC_SIGN_IDENTITY" "$exe"
  codesign --verify --strict --verbose=2 "$exe"
  ditto -c -k --keepParent "$exe" "$exe.zip"
  xcrun notarytool submit "$exe.zip" --keychain-profile "${MAC_NOTARY_PROFILE:?set MAC_NOTARY_PROFILE (xcrun notarytool store-credentials)}" --wait
  rm "$exe.zip"   # a bare executable cannot be stapled; Gatekeeper checks the ticket online
else
  echo "MAC_SIGN_IDENTITY is unset: the executable is only signed ad hoc (Gatekeeper will block a download)." >&2
fi
cp "$here/install.sh" dist/agent/eimza-agent-macos-install.sh
shasum -a 256 "$exe"
