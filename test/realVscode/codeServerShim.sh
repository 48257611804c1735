#!/usr/bin/env bash
# Executable entry for runTests({ vscodeExecutablePath }): runs the TypeScript shim with the project's tsx.
DIR="$(cd "$(dirname "$0")" && pwd)"
exec "$DIR/../../node_modules/.bin/tsx" "$DIR/codeServerShim.ts" "$@"
