/**
 * A "VS Code executable" for @vscode/test-electron's runTests: it accepts the Electron-style CLI
 * (--extensionDevelopmentPath=… --extensionTestsPath=… [folder]; other flags are ignored) and runs
 * the extension-host tests inside code-server, in headless Chromium, through the workbench's
 * smoke-test payload. Exits with the tests' exit code, so runTests resolves or rejects as usual.
 */
import type { ConsoleMessage } from 'playwright-core';
import { formatForwardedConsole, launchChromium, startCodeServer } from './codeServer';

const TIMEOUT_MS = Number(process.env.GROK_HOST_TESTS_TIMEOUT_MS ?? 10 * 60_000);

function parseCli(argv: string[]): { devPath: string; testsPath: string; folder?: string } {
  let devPath = '';
  let testsPath = '';
  let folder: string | undefined;
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(arg);
    if (m?.[1] === 'extensionDevelopmentPath') devPath = m[2] as string;
    else if (m?.[1] === 'extensionTestsPath') testsPath = m[2] as string;
    else if (!arg.startsWith('-')) folder = arg;
  }
  if (!devPath || !testsPath) throw new Error('codeServerShim needs --extensionDevelopmentPath= and --extensionTestsPath=');
  return { devPath, testsPath, folder };
}

/** Passes GROK_* variables from our environment to the extension host under test. */
function testEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith('GROK_') && v !== undefined) env[k] = v;
  return env;
}

async function main(): Promise<number> {
  const { devPath, testsPath, folder } = parseCli(process.argv.slice(2));
  const env = testEnvironment();
  const server = await startCodeServer({ workspace: folder, smokeTestDriver: true, env });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    page.on('console', async (msg: ConsoleMessage) => {
      const args = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => '')));
      const line = formatForwardedConsole(msg.text(), args);
      if (line !== undefined) console.log(line);
      else if (process.env.GROK_VERBOSE) console.log(msg.text());
    });
    await page.goto(
      server.workbenchUrl([
        ['extensionDevelopmentPath', remote(devPath)],
        ['extensionTestsPath', remote(testsPath)],
        ['enableProposedApi', ''],
        ['skipWelcome', 'true'],
        ['extensionEnvironment', JSON.stringify(env)],
      ]),
    );
    const timeout = new Promise<number>((resolve) =>
      setTimeout(() => {
        console.error(`Extension-host tests did not finish in ${TIMEOUT_MS / 1000} s.`);
        resolve(1);
      }, TIMEOUT_MS).unref(),
    );
    return await Promise.race([exitCode, timeout]);
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
