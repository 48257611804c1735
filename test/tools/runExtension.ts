/**
 * `npm start`: opens the freshly packaged extension in a local VS Code.
 * - With a `code` CLI on PATH: installs dist/grok-code-assistant.vsix into it and opens the sample project.
 * - Otherwise: starts the code-server sandbox on 127.0.0.1 (profile kept in .cache/sandbox, so the
 *   key you set stays), checks in headless Chromium that the Grok view renders, and prints the URL.
 * Flags: --port N (default 8765), --sandbox (skip the `code` CLI), --fake (also start the fake xAI
 * server and point grok.baseUrl at it, for trying the UI without a real key), --verbose (show the
 * packaging output: the VSIX file list and the bundle budgets).
 * The sandbox opens a scratch copy of a sample project (.cache/sandbox/project), not this repository.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { launchChromium, ROOT, startCodeServer } from '../realVscode/codeServer';
import { recordRunning, SANDBOX, sandboxWorkspace, startBlocker } from './sandbox';

const VSIX = join(ROOT, 'dist/grok-code-assistant.vsix');
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const portArg = argv.indexOf('--port');
const port = portArg >= 0 ? Number(argv[portArg + 1]) : 8765;

function hasCodeCli(): boolean {
  const r = spawnSync('code', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && /\d+\.\d+\.\d+/.test(r.stdout);
}

async function checkGrokView(url: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('.activitybar [aria-label^="Grok"]').first().click({ timeout: 60_000 });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      for (const frame of page.frames()) {
        if (await frame.$('textarea[aria-label="Message Grok"]').catch(() => null)) return;
      }
      await page.waitForTimeout(250);
    }
    throw new Error('the Grok Chat view did not render');
  } finally {
    await browser.close();
  }
}

/** Builds the VSIX; its file list and budget lines only with --verbose or when it fails. */
function packageVsix(): void {
  console.log('Packaging the extension…');
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8', stdio: flag('verbose') ? 'inherit' : 'pipe' });
  if (r.status !== 0) {
    if (!flag('verbose')) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    throw new Error('packaging failed (output above)');
  }
}

/** With --fake: the fake xAI server, its settings, and the key to type (printed last, with the URL). */
async function fakeServer(): Promise<{ settings: Record<string, unknown>; key?: string }> {
  if (!flag('fake')) return { settings: {} };
  // The fake xAI server lives with the tests; loaded only on --fake.
  const { FakeXaiServer } = await import('../fakeXai/server');
  const fake = await FakeXaiServer.start();
  console.log(`Fake xAI server: ${fake.url}`);
  return { settings: { 'grok.baseUrl': fake.url }, key: fake.key };
}

async function main(): Promise<void> {
  const useCli = !flag('sandbox') && !flag('fake') && hasCodeCli();
  // Before anything is built or any setting rewritten: is a sandbox already running, or the port taken?
  const blocked = useCli ? undefined : await startBlocker(port);
  if (blocked) throw new Error(blocked);
  packageVsix();
  if (useCli) {
    const r = spawnSync('code', ['--install-extension', VSIX, '--force'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('code --install-extension failed');
    spawnSync('code', [sandboxWorkspace()], { stdio: 'inherit' });
    console.log('Installed into your VS Code, which opens a sample project (.cache/sandbox/project). Open the Grok icon in the activity bar, then run "Grok: Set API Key".');
    return;
  }
  const fake = await fakeServer();
  const server = await startCodeServer({ runDir: SANDBOX, workspace: sandboxWorkspace(), installVsix: [VSIX], port, settings: fake.settings });
  const url = server.workbenchUrl();
  const forget = recordRunning(url);
  const stop = () => void server.stop().then(() => {
    forget();
    process.exit(0);
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await checkGrokView(url);
  console.log('\nGrok Code Assistant is running in VS Code (code-server), checked: the Grok view renders.');
  console.log('The workspace is a sample project in .cache/sandbox/project (your changes there are kept).');
  console.log('Click the Grok icon in the activity bar, then run "Grok: Set API Key" from the command palette (F1).');
  console.log('Press Ctrl+C to stop.');
  console.log(`\nOpen ${url}`);
  if (fake.key) console.log(`Key for "Grok: Set API Key" (fake server): ${fake.key}`);
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
