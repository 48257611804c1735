/**
 * `npm start`: opens the freshly packaged extension in a local VS Code.
 * - With a `code` CLI on PATH: installs dist/grok-code-assistant.vsix into it and opens this folder.
 * - Otherwise: starts the code-server sandbox on 127.0.0.1 (profile kept in .cache/sandbox, so the
 *   key you set stays), checks in headless Chromium that the Grok view renders, and prints the URL.
 * Flags: --port N (default 8765), --sandbox (skip the `code` CLI), --fake (also start the fake xAI
 * server and point grok.baseUrl at it, for trying the UI without a real key).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, ROOT, startCodeServer } from '../realVscode/codeServer';

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

async function fakeServerSettings(): Promise<Record<string, unknown>> {
  if (!flag('fake')) return {};
  // The fake xAI server lives with the tests; loaded only on --fake.
  const { FakeXaiServer } = await import('../fakeXai/server');
  const fake = await FakeXaiServer.start();
  console.log(`Fake xAI server: ${fake.url} (run "Grok: Set API Key" with: ${fake.key})`);
  return { 'grok.baseUrl': fake.url };
}

async function main(): Promise<void> {
  if (!flag('sandbox') && !flag('fake') && hasCodeCli()) {
    const r = spawnSync('code', ['--install-extension', VSIX, '--force'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('code --install-extension failed');
    spawnSync('code', [ROOT], { stdio: 'inherit' });
    console.log('Installed into your VS Code. Open the Grok icon in the activity bar, then run "Grok: Set API Key".');
    return;
  }
  const runDir = join(ROOT, '.cache/sandbox');
  mkdirSync(runDir, { recursive: true });
  const settings = await fakeServerSettings();
  const server = await startCodeServer({ runDir, workspace: ROOT, installVsix: [VSIX], port, settings });
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const url = server.workbenchUrl();
  await checkGrokView(url);
  console.log('\nGrok Code Assistant is running in VS Code (code-server), checked: the Grok view renders.');
  console.log(`Open ${url}`);
  console.log('Click the Grok icon in the activity bar, then run "Grok: Set API Key" from the command palette (F1).');
  console.log('Press Ctrl+C to stop.');
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
