import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { FakeXaiServer } from '../fakeXai/server';
import { openChatWorkbench, runCommand, screenshot, type Workbench, reportFailure } from './workbench';

const ORIGINAL = 'export function add(a: number, b: number): number {\n  return a - b;\n}\n';

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
}

describe('Editor commands in the real workbench', function () {
  let fake: FakeXaiServer;
  let wb: Workbench;
  let frame: Frame;
  let file: string;

  before(async () => {
    ({ fake, wb, frame } = await openChatWorkbench({}, (workspace) => {
      mkdirSync(join(workspace, 'src'), { recursive: true });
      file = join(workspace, 'src/math.ts');
      writeFileSync(file, ORIGINAL);
    }));
  });

  afterEach(async function () {
    await reportFailure(this.currentTest, wb?.page, frame, fake);
  });

  after(async () => {
    await wb?.close();
    await fake?.close();
  });

  it('Explain Selection from the command palette streams into the Chat view', async () => {
    await openFile(wb.page, 'math.ts');
    await wb.page.keyboard.press('Control+A');
    await runCommand(wb.page, 'Grok: Explain Selection');
    const user = frame.locator('article.turn-user', { hasText: 'src/math.ts' }).last();
    await user.waitFor({ timeout: 30_000 });
    assert.match(await user.innerText(), /typescript, lines 1-3/);
    const answer = frame.locator('article.turn-assistant').last();
    await answer.locator('.turn-footer').waitFor({ timeout: 30_000 });
    assert.match(await answer.locator('.markdown.answer').innerText(), /\S/);
    assert.match(JSON.stringify(fake.requests.at(-1)?.body), /return a - b;/);
  });

  it('Refactor Selection with an instruction shows a diff; Accept changes the file in one undo step', async () => {
    await refactorAll(wb.page, '[scenario:tool-call] fix the sign');
    await wb.page.locator('.tab', { hasText: "Grok's proposal" }).first().waitFor({ timeout: 30_000 });
    await screenshot(wb.page, 'refactor-preview');
    assert.equal(readFileSync(file, 'utf8'), ORIGINAL, 'the preview writes nothing');
    await wb.page.locator('.editor-actions [aria-label^="Accept Proposed Edits"]').first().click();
    await wb.page.locator('.tab', { hasText: "Grok's proposal" }).first().waitFor({ state: 'detached', timeout: 15_000 });
    // The file was open in an editor: the change is there, unsaved. Save, then undo and save again.
    await openFile(wb.page, 'math.ts');
    await wb.page.keyboard.press('Control+S');
    await waitForFile(file, ORIGINAL.replace('a - b', 'a + b'));
    await wb.page.keyboard.press('Control+Z');
    await wb.page.keyboard.press('Control+S');
    await waitForFile(file, ORIGINAL);
  });

  it('Reject leaves the file byte-identical', async () => {
    await refactorAll(wb.page, '[scenario:tool-call] fix the sign');
    await wb.page.locator('.tab', { hasText: "Grok's proposal" }).first().waitFor({ timeout: 30_000 });
    const waiting = wb.page.locator('.statusbar-item', { hasText: "Review Grok's refactor of src/math.ts" });
    await waiting.waitFor({ timeout: 10_000 });
    await wb.page.locator('.editor-actions [aria-label^="Reject Proposed Edits"]').first().click();
    await wb.page.locator('.tab', { hasText: "Grok's proposal" }).first().waitFor({ state: 'detached', timeout: 15_000 });
    await waiting.waitFor({ state: 'detached', timeout: 10_000 }); // nothing still offers to review what was rejected
    assert.equal(readFileSync(file, 'utf8'), ORIGINAL);
    assert.equal(await wb.page.locator('.tab.dirty', { hasText: 'math.ts' }).count(), 0, 'no unsaved change either');
  });

  it('when none of the edits can apply: no diff opens, one sentence says why, and the answer is kept in the chat', async () => {
    const changed = ORIGINAL.replace('a - b', 'b - a'); // the proposal's search text is no longer there
    writeFileSync(file, changed);
    await refactorAll(wb.page, '[scenario:tool-call-explained] fix the sign');
    const toast = wb.page.locator('.notification-toast', { hasText: "cannot be applied" });
    await toast.waitFor({ timeout: 30_000 });
    assert.match(await toast.innerText(), /Grok's edit of src\/math\.ts cannot be applied: .*The file is unchanged\. Grok's answer is in the chat\./s);
    assert.equal(await wb.page.locator('.tab', { hasText: "Grok's proposal" }).count(), 0, 'no diff opened');
    assert.equal(await wb.page.locator('.statusbar-item', { hasText: "Review Grok's" }).count(), 0, 'nothing to review');
    const kept = frame.locator('article.turn-assistant', { hasText: 'The sign in add() is wrong' }).last();
    await kept.waitFor({ timeout: 15_000 });
    assert.equal(readFileSync(file, 'utf8'), changed, 'the file is unchanged');
    await screenshot(wb.page, 'refactor-all-refused');
  });
});

/** Selects all of math.ts and runs Refactor Selection with `instruction`. */
async function refactorAll(page: Page, instruction: string): Promise<void> {
  await openFile(page, 'math.ts');
  await page.keyboard.press('Control+A');
  await runCommand(page, 'Grok: Refactor Selection');
  await page.locator('.quick-input-widget', { hasText: 'Refactor Selection' }).waitFor();
  await page.locator('.quick-input-widget input').fill(instruction);
  await page.keyboard.press('Enter');
}

async function waitForFile(path: string, expected: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (readFileSync(path, 'utf8') === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(readFileSync(path, 'utf8'), expected);
}
