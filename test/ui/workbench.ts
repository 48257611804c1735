/** Drives the real VS Code workbench (code-server) in Chromium, as a user would. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { FAKE_XAI_KEY, FakeXaiServer } from '../fakeXai/server';
import { launchChromium, OUTPUT, ROOT, startCodeServer, type CodeServer, type CodeServerOptions } from '../realVscode/codeServer';

export const VSIX = join(ROOT, 'dist/grok-code-assistant.vsix');
export const SCREENSHOTS = join(OUTPUT, 'screenshots');

export interface Workbench {
  server: CodeServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** Starts code-server with the packaged extension installed and opens the workbench. */
export async function openWorkbench(options: CodeServerOptions = {}): Promise<Workbench> {
  const server = await startCodeServer({ installVsix: [VSIX], ...options });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.workbenchUrl());
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForSelector('.activitybar [aria-label^="Grok"]', { timeout: 60_000 });
    return {
      server,
      browser,
      page,
      async close() {
        await browser.close().catch(() => undefined);
        await server.stop();
      },
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    await server.stop();
    throw error;
  }
}

/**
 * Opens the Grok container in the activity bar. After a reload the workbench may restore it by
 * itself, and clicking an active item would close it: so click only while it is not active, and
 * give the restore a moment.
 */
export async function openGrokView(page: Page): Promise<void> {
  const item = page.locator('.activitybar .action-item:has([aria-label^="Grok"])').first();
  await item.waitFor({ timeout: 60_000 });
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await item.evaluate((el) => el.classList.contains('checked'))) return;
    await page.waitForTimeout(attempt === 0 ? 1_000 : 500);
    if (await item.evaluate((el) => el.classList.contains('checked'))) return;
    await page.locator('.activitybar [aria-label^="Grok"]').first().click();
  }
  throw new Error('Could not open the Grok view.');
}

/** The Chat webview's inner frame, once its input has rendered. */
export async function chatFrame(page: Page, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.$('textarea[aria-label="Message Grok"]').catch(() => null);
      if (found) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error('The Chat view did not render its input in time.');
}

/** Runs a command from the command palette by its full label, e.g. "Grok: Set API Key". */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Saves a screenshot under test-output/screenshots and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Types the key into the password box of "Grok: Set API Key". */
export async function setKey(page: Page, key: string): Promise<void> {
  await runCommand(page, 'Grok: Set API Key');
  const input = page.locator('.quick-input-widget input[type="password"]');
  await input.waitFor();
  await input.fill(key);
  await page.keyboard.press('Enter');
}

/**
 * Stores the key and allows it to go to the configured (fake, non-xAI) host: Test Connection asks
 * once in a modal dialog, which this answers with "Send Key" (it does not show again once allowed).
 * The consent is only asked once a key is stored, so this first waits for "Grok API key saved."
 * (a hidden banner is no proof: it is also hidden before the view's first state arrives).
 */
export async function setKeyAndTrust(page: Page, key: string, stored?: () => Promise<void>): Promise<void> {
  await setKey(page, key);
  await page.locator('.notification-toast', { hasText: 'Grok API key saved.' }).waitFor({ timeout: 30_000 });
  await stored?.();
  await runCommand(page, 'Notifications: Clear All Notifications');
  await runCommand(page, 'Grok: Test Connection');
  const allow = page.locator('.monaco-dialog-box').getByRole('button', { name: 'Send Key', exact: true });
  const connected = page.locator('.notification-toast', { hasText: 'Connected to' });
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (await connected.count()) break;
    if (await allow.count()) await allow.click().catch(() => undefined);
    if (Date.now() > deadline) {
      const toasts = await page.locator('.notification-toast').allInnerTexts();
      throw new Error(`Test Connection did not report "Connected to" after the key consent; notifications: ${JSON.stringify(toasts)}`);
    }
    await page.waitForTimeout(200);
  }
  // Test Connection's result toast must not stand in for the notifications the tests look for.
  await runCommand(page, 'Notifications: Clear All Notifications');
}

export interface ChatWorkbench {
  fake: FakeXaiServer;
  wb: Workbench;
  frame: Frame;
}

/**
 * The fake xAI server, a workbench pointed at it with its key stored, and the open Chat view.
 * `prepare` runs on the workspace folder before the view opens (to add files).
 */
export async function openChatWorkbench(settings: Record<string, unknown> = {}, prepare?: (workspace: string) => void): Promise<ChatWorkbench> {
  const fake = await FakeXaiServer.start();
  const wb = await openWorkbench({ settings: { 'grok.baseUrl': fake.url, ...settings } });
  prepare?.(wb.server.workspace);
  await openGrokView(wb.page);
  const frame = await chatFrame(wb.page);
  await setKeyAndTrust(wb.page, FAKE_XAI_KEY, () => frame.locator('.banner').waitFor({ state: 'hidden' }));
  return { fake, wb, frame };
}

const assistantIds = (frame: Frame) =>
  frame.locator('article.turn-assistant').evaluateAll((els) => els.map((e) => e.getAttribute('data-turn-id') ?? ''));

/** Sends a message and returns the locator of the answer it starts (not an earlier one). */
export async function ask(frame: Frame, text: string): Promise<Locator> {
  const before = new Set(await assistantIds(frame));
  const input = frame.locator('textarea[aria-label="Message Grok"]');
  await input.fill(text);
  await input.press('Enter');
  for (let i = 0; i < 100; i++) {
    const id = (await assistantIds(frame)).find((x) => x && !before.has(x));
    if (id) return frame.locator(`article[data-turn-id="${id}"]`);
    await frame.waitForTimeout(100);
  }
  throw new Error(`No answer appeared for: ${text}`);
}

/**
 * After a failed test: a screenshot, the last answer's text and the fake server's last requests
 * (with whether they carried the key), printed so a CI log shows why without a rerun.
 */
export async function reportFailure(test: Mocha.Test | undefined, page: Page | undefined, frame: Frame | undefined, fake: FakeXaiServer | undefined): Promise<void> {
  if (!test || test.state !== 'failed') return;
  const name = test.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
  const lines: string[] = [`[ui] diagnostics for "${test.title}"`];
  if (page) lines.push(`  screenshot: ${await screenshot(page, `failed-${name}`).catch((e: unknown) => `none (${String(e)})`)}`);
  if (page) {
    const dialogs = await page.locator('.monaco-dialog-box').allInnerTexts().catch(() => []);
    const toasts = await page.locator('.notification-toast').allInnerTexts().catch(() => []);
    if (dialogs.length) lines.push(`  open dialogs: ${JSON.stringify(dialogs)}`);
    if (toasts.length) lines.push(`  notifications: ${JSON.stringify(toasts)}`);
  }
  if (frame) {
    const answer = await frame.locator('article.turn-assistant').last().innerText({ timeout: 2_000 }).catch(() => '(no answer)');
    lines.push(`  last answer: ${JSON.stringify(answer.slice(0, 600))}`);
  }
  for (const r of fake?.requests.slice(-5) ?? []) {
    const key = String(r.headers.authorization ?? '').includes(FAKE_XAI_KEY) ? 'key' : 'no key';
    lines.push(`  request: ${r.method} ${r.path} (${key}, scenario ${r.scenario ?? 'default'}${r.closedEarly ? ', closed early' : ''})`);
  }
  console.log(lines.join('\n'));
}

/** Switches the composer to Agent mode. */
export async function enterAgentMode(frame: Frame): Promise<void> {
  await frame.locator('.mode-button[data-mode="agent"]').click();
  await frame.locator('.mode-button[data-mode="agent"][aria-pressed="true"]').waitFor({ timeout: 15_000 });
}

/** A workbench in agent mode for one describe block (Chat Completions, dark theme); its parts are set once `before` ran. */
export function agentWorkbench(settings: Record<string, unknown>, seed?: (workspace: string) => void): { fake: FakeXaiServer; wb: Workbench; frame: Frame } {
  const parts = {} as { fake: FakeXaiServer; wb: Workbench; frame: Frame };
  before(async () => {
    Object.assign(parts, await openChatWorkbench({ 'workbench.colorTheme': 'Default Dark Modern', 'grok.api': 'chat', ...settings }, seed));
    await enterAgentMode(parts.frame);
  });
  afterEach(async function () {
    await reportFailure(this.currentTest, parts.wb?.page, parts.frame, parts.fake);
  });
  after(async () => {
    await parts.wb?.close();
    await parts.fake?.close();
  });
  return parts;
}
