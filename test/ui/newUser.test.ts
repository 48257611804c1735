/**
 * What a new user trips over, in the real workbench: Apply on a code block changes only the
 * selection, the view follows a new answer, and an `@` pick keeps the sentence.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import type { FakeXaiServer } from '../fakeXai/server';
import { openChatWorkbench, screenshot, type Workbench, reportFailure } from './workbench';

const MATH = [
  'export function add(a: number, b: number): number {',
  '  return a - b;',
  '}',
  '',
  'export function sub(a: number, b: number): number {',
  '  return a - b;',
  '}',
  '',
].join('\n');

async function answerCount(frame: Frame): Promise<number> {
  return frame.locator('article.turn-assistant').count();
}

/** Sends `text` and waits for the footer of the new (last) answer. */
async function ask(frame: Frame, text: string): Promise<void> {
  const input = frame.locator('textarea[aria-label="Message Grok"]');
  await input.fill(text);
  await input.press('Enter');
  await frame.locator('article.turn-user').last().filter({ hasText: text.slice(-20).trim() }).waitFor({ timeout: 15_000 });
  await frame.locator('article.turn-assistant').last().locator('.turn-footer').waitFor({ timeout: 30_000 });
}

describe('A new user in the real workbench', function () {
  let fake: FakeXaiServer;
  let wb: Workbench;
  let frame: Frame;

  before(async () => {
    ({ fake, wb, frame } = await openChatWorkbench({ 'workbench.colorTheme': 'Default Dark Modern' }, (workspace) => {
      mkdirSync(join(workspace, 'src'), { recursive: true });
      writeFileSync(join(workspace, 'src/math.ts'), MATH);
    }));
    // Open src/math.ts in the editor.
    await wb.page.keyboard.press('Control+P');
    await wb.page.locator('.quick-input-widget input').fill('math.ts');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'math.ts' }).first().waitFor({ timeout: 15_000 });
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.tab', { hasText: 'math.ts' }).first().waitFor({ timeout: 15_000 });
  });

  afterEach(async function () {
    await reportFailure(this.currentTest, wb?.page, frame, fake);
  });

  after(async () => {
    await wb?.close();
    await fake?.close();
  });

  it('Apply on a code block replaces only the selected line, and nothing else of the file', async () => {
    // Select line 2 ("  return a - b;" of add) in the editor.
    await wb.page.locator('.monaco-editor .view-lines').first().click();
    await wb.page.keyboard.press('Control+G');
    await wb.page.locator('.quick-input-widget input').fill(':2');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Shift+Home');
    await wb.page.keyboard.press('Shift+Home'); // from the text start to the line start: the whole line
    await wb.page.waitForTimeout(400); // the selection chip follows after the cursor rests
    await ask(frame, '[scenario:echo] Use this:\n\n```ts\n  return a + b;\n```\n');
    const answer = frame.locator('article.turn-assistant').last();
    await answer.locator('[data-code-action="apply"]').click();
    await wb.page.locator('.editor-actions [aria-label^="Accept Proposed Edits"]').first().waitFor({ timeout: 15_000 });
    await screenshot(wb.page, 'apply-into-selection-preview');
    await wb.page.locator('.editor-actions [aria-label^="Accept Proposed Edits"]').first().click();
    const expected = MATH.replace('  return a - b;', '  return a + b;');
    for (let i = 0; i < 50 && readFileSync(join(wb.server.workspace, 'src/math.ts'), 'utf8') !== expected; i++) await wb.page.waitForTimeout(200);
    assert.equal(readFileSync(join(wb.server.workspace, 'src/math.ts'), 'utf8'), expected, 'only the selected line changed; sub() is untouched');
  });

  it('follows a new answer to its end, without a "Jump to latest" pill', async () => {
    for (let i = 0; i < 3; i++) await ask(frame, `Show me a debounce helper, take ${i + 1}.`);
    await wb.page.waitForTimeout(500);
    const distance = await frame.locator('.messages').evaluate((s) => s.scrollHeight - s.scrollTop - s.clientHeight);
    assert.ok(distance < 5, `the list is at its end (${distance}px away)`);
    assert.ok(await frame.locator('.jump-latest').isHidden(), 'no "Jump to latest" pill');
    assert.ok(await answerCount(frame) >= 1);
    await screenshot(wb.page, 'follows-new-answer');
  });

  it('an @ pick keeps the sentence and attaches the file once', async () => {
    const input = frame.locator('textarea[aria-label="Message Grok"]');
    await input.fill('why does  fail?');
    await input.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange('why does '.length, 'why does '.length));
    await input.pressSequentially('@mat');
    const option = frame.locator('.mention-option', { hasText: 'math.ts' }).first();
    await option.waitFor({ timeout: 15_000 });
    await option.click();
    assert.equal(await input.inputValue(), 'why does math.ts fail?');
    await frame.locator('.composer .chip', { hasText: 'math.ts' }).first().waitFor({ timeout: 10_000 });
    await wb.page.waitForTimeout(500);
    assert.equal(await frame.locator('.composer .chip', { hasText: 'math.ts' }).count(), 1, 'the open file pinned with @ is one chip');
    await screenshot(wb.page, 'mention-keeps-sentence');
  });
});
