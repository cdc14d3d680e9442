#!/usr/bin/env bash
# Installs the Debian packages the tests talk to (real parts, not mocks):
# redis-server, pcscd + the vsmartcard virtual reader, SoftHSM2, OpenSC, openssl, poppler-utils
# (pdftotext reads the late-renewal form in the tests), chromium;
# systemd-analyze and dpkg-deb for the agent's .deb.
# Does nothing when they are all present; needs root (or sudo) otherwise.
set -euo pipefail
need=()
have() { command -v "$1" >/dev/null 2>&1; }
have redis-server || need+=(redis-server)
have pcscd || need+=(pcscd)
[ -e /usr/lib/pcsc/drivers/serial/libifdvpcd.so ] || need+=(vsmartcard-vpcd)
have softhsm2-util || need+=(softhsm2)
have pkcs11-tool || need+=(opensc)
[ -e /usr/include/PCSC/winscard.h ] || need+=(libpcsclite-dev)
have openssl || need+=(openssl)
have unshare || need+=(util-linux)
have systemd-analyze || need+=(systemd)   # verifies the agent's systemd user unit
have dpkg-deb || need+=(dpkg)
have strip || need+=(binutils)
have pdftotext || need+=(poppler-utils)
if [ "${E2E:-}" = 1 ]; then
  have chromium || need+=(chromium)
  [ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || need+=(fonts-noto-color-emoji)
fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${need[*]}" >&2
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
