#!/usr/bin/env bash
# Installs the Debian packages the extension's tests and its browser-based VS Code need: chromium (the
# e2e browser), ripgrep (code-server's search, instead of a download) and the headers code-server's
# native modules build against. Skips what is already there. Needs root or sudo.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
for pkg in libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev pkg-config python3 make g++; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -eq 0 ]; then
  echo "install-deps: all Debian packages present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "install-deps: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
