#!/usr/bin/env bash
# Installs code-server (VS Code's real workbench and extension host, runnable on Node 20) into a cache
# folder outside the repository, once per machine. Idempotent: a finished install leaves a stamp file.
#
# A plain `npm install code-server` fails on these machines for three reasons (see the README's testing
# section): its postinstall refuses to run as root, native modules need Debian -dev packages, and
# @vscode/ripgrep downloads a binary from the internet. This script works round each of them.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE="${MENTORSHIP_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mentorship-e2e}"
PREFIX="$CACHE/code-server-$VERSION"
PKG="$PREFIX/node_modules/code-server"
STAMP="$PREFIX/.installed"

if [ -f "$STAMP" ]; then
  echo "$PKG"
  exit 0
fi

RG="$(command -v rg || true)"
if [ -z "$RG" ]; then
  echo "setup-code-server: ripgrep is missing; install Debian's 'ripgrep' package" >&2
  exit 1
fi

export npm_config_yes=true npm_config_audit=false npm_config_fund=false
# code-server's own postinstall (which refuses to run as root) is skipped with --ignore-scripts below;
# the steps it would take are done here one by one.
# npm 11 blocks dependency install scripts unless allowed; code-server's native modules need them.
export npm_config_dangerously_allow_all_scripts=true

rm -rf "$PREFIX"
mkdir -p "$PREFIX"
cd "$PREFIX"
echo '{"name":"code-server-cache","private":true}' > package.json
{
  echo "== npm install code-server@$VERSION --ignore-scripts"
  npm install --no-save --ignore-scripts "code-server@$VERSION"

  cd "$PKG/lib/vscode"
  echo "== lib/vscode: npm install --omit=dev --ignore-scripts"
  npm install --omit=dev --ignore-scripts
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$RG" node_modules/@vscode/ripgrep/bin/rg
  echo "== lib/vscode: npm rebuild"
  npm rebuild
  ln -sfn node_modules node_modules.asar

  cd "$PKG/lib/vscode/extensions"
  echo "== lib/vscode/extensions: npm install --omit=dev"
  npm install --omit=dev

  # argon2 is hoisted next to code-server, so it is rebuilt from the install prefix.
  cd "$PREFIX"
  echo "== npm rebuild argon2"
  npm rebuild argon2
  test -f node_modules/argon2/lib/binding/napi-v3/argon2.node
} >&2

touch "$STAMP"
echo "$PKG"
