// Runs the extension-host test suite through @vscode/test-electron's runTests.
// Offline (default) the "VS Code executable" is a shim that runs the suite in code-server;
// with GROK_DESKTOP_VSCODE=1 runTests downloads a desktop VS Code and runs the same suite there
// (or GROK_VSCODE_EXECUTABLE points at an installed one).
import { runTests } from '@vscode/test-electron';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = join(root, 'test-output', 'host-workspace');
mkdirSync(workspace, { recursive: true });

const desktop = process.env.GROK_DESKTOP_VSCODE === '1';
const vscodeExecutablePath = desktop
  ? process.env.GROK_VSCODE_EXECUTABLE || undefined
  : join(root, 'test/realVscode/codeServerShim.sh');

try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist/test/suite/index'),
    launchArgs: [workspace],
    extensionTestsEnv: { GROK_TEST_WORKSPACE: workspace },
  });
} catch (error) {
  console.error(`Extension-host tests failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
