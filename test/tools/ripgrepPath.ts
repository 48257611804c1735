/**
 * The ripgrep of the provisioned code-server (the copy VS Code ships), found the way the extension
 * finds it: {@link ripgrepCandidates} under its app root. For unit tests and the agent bench.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ripgrepCandidates } from '../../src/core/agent/search/ripgrep';

const CACHE = process.env.GROK_TEST_CACHE ?? join(__dirname, '../../.cache/realVscode');

/** VS Code's app root inside the provisioned code-server. */
export const CODE_SERVER_APP_ROOT = join(CACHE, 'code-server/node_modules/code-server/lib/vscode');

/** The rg binary, or undefined when the real-VS-Code tier is not provisioned. */
export function shippedRipgrep(): string | undefined {
  return ripgrepCandidates(CODE_SERVER_APP_ROOT).find((p) => existsSync(p));
}
