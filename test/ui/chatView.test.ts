import { strict as assert } from 'node:assert';
import type { Frame } from 'playwright-core';
import { chatFrame, openGrokView, openWorkbench, runCommand, screenshot, type Workbench } from './workbench';

describe('Chat view in the real workbench', function () {
  let wb: Workbench;
  let frame: Frame;

  before(async () => {
    wb = await openWorkbench();
    await openGrokView(wb.page);
    frame = await chatFrame(wb.page);
  });

  after(async () => {
    await wb?.close();
  });

  it('renders the input and the Send button under a strict CSP', async () => {
    assert.equal(await frame.locator('textarea[aria-label="Message Grok"]').count(), 1);
    assert.equal(await frame.locator('button[aria-label="Send"]').count(), 1);
    const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(csp, 'CSP meta is present');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[^']+'/);
    assert.match(csp, /connect-src 'none'/);
    await screenshot(wb.page, 'chat-view');
  });

  it('shows the "Set API Key" banner while no key is stored', async () => {
    await frame.locator('.banner').waitFor({ state: 'visible' });
    assert.match((await frame.locator('.banner').innerText()) ?? '', /Set API Key/);
  });

  it('refuses a key with spaces in the input box and stores nothing when cancelled', async () => {
    const { page } = wb;
    await runCommand(page, 'Grok: Set API Key');
    const input = page.locator('.quick-input-widget input[type="password"]');
    await input.waitFor();
    await input.fill('xai-abc def-1234567890');
    const message = page.locator('.quick-input-widget .quick-input-message');
    await message.filter({ hasText: 'no spaces' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter'); // refused: the box stays open
    assert.equal(await input.isVisible(), true);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    assert.equal(await frame.locator('.banner').isVisible(), true, 'still no key stored');
  });

  it('stores a key typed in the password box and clears it again', async () => {
    const { page } = wb;
    await runCommand(page, 'Grok: Set API Key');
    const input = page.locator('.quick-input-widget input[type="password"]');
    await input.waitFor({ timeout: 10_000 }); // the key is typed into a password box
    await input.fill('  xai-ui-test-key-1234567890  ');
    await page.keyboard.press('Enter');
    await frame.locator('.banner').waitFor({ state: 'hidden', timeout: 10_000 });
    await screenshot(page, 'chat-view-with-key');

    await runCommand(page, 'Grok: Clear API Key');
    await frame.locator('.banner').waitFor({ state: 'visible', timeout: 10_000 });
  });

  it('Shift+Enter adds a line, Enter sends; without a key the answer says so and offers Set API Key', async () => {
    const input = frame.locator('textarea[aria-label="Message Grok"]');
    await input.fill('hello');
    await input.press('Shift+Enter');
    await input.type('world');
    assert.equal(await input.inputValue(), 'hello\nworld');
    await input.press('Enter');
    assert.equal(await input.inputValue(), '');
    await frame.locator('article.turn-user', { hasText: 'hello' }).waitFor();
    const error = frame.locator('article.turn-assistant .turn-error');
    await error.waitFor({ timeout: 10_000 });
    assert.match(await error.innerText(), /needs an xAI API key/);
    assert.equal(await error.locator('button', { hasText: 'Set API Key' }).count(), 1);
  });
});
