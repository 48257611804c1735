/**
 * The input and the controls around it, driven with the keyboard and mouse as a user would:
 * Enter / Shift+Enter / IME, edit-and-resend, the `@` picker, chips, pasted images, the header
 * (model picker, New Chat, History) and the code-block buttons.
 */
import { strict as assert } from 'node:assert';
import type { WebviewMessage } from '../../src/shared/protocol';
import { openWebview, useBrowser, viewState, type Webview } from './harness';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function lastPosted(view: Webview): Promise<WebviewMessage | undefined> {
  return (await view.posted()).at(-1);
}

describe('composer and controls', function () {
  const browser = useBrowser();
  let view: Webview;
  const input = () => view.page.getByRole('textbox', { name: 'Message Grok' });
  beforeEach(async () => {
    view = await openWebview(browser());
    await view.post(viewState(), {
      type: 'conversation',
      conversation: {
        id: 'c1',
        title: 'Chat',
        turns: [
          { id: 'u1', role: 'user', text: 'First question', status: 'done' },
          { id: 'a1', role: 'assistant', text: 'Answer:\n\n```py\nprint("hi")\n```\n', status: 'done' },
        ],
      },
    });
  });
  afterEach(async () => {
    assert.deepEqual(view.errors, []);
    await view.close();
  });

  it('fits the wrapped placeholder without anyone typing, and again after the view is resized', async () => {
    const clipped = () => input().evaluate((el: HTMLTextAreaElement) => el.scrollHeight - el.clientHeight);
    for (const width of [260, 420, 200]) {
      await view.page.setViewportSize({ width, height: 700 });
      await view.frames(3);
      const lines = await input().evaluate((el: HTMLTextAreaElement) => Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight)));
      assert.equal(await clipped(), 0, `nothing clipped at ${width}px (${lines} lines shown)`);
      if (width === 200) assert.ok(lines >= 3, `the placeholder wraps at ${width}px and the input grew to show it`);
    }
  });

  it('sends with Enter, adds a newline with Shift+Enter, and ignores Enter while an IME composes', async () => {
    await input().click();
    await view.page.keyboard.type('line one');
    await view.page.keyboard.press('Shift+Enter');
    await view.page.keyboard.type('line two');
    await view.page.evaluate(() => {
      const textarea = document.querySelector('textarea') as HTMLTextAreaElement;
      textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
    });
    assert.equal((await view.posted()).filter((m) => m.type === 'send').length, 0, 'composition Enter does not send');
    await view.page.keyboard.press('Enter');
    assert.deepEqual(await lastPosted(view), { type: 'send', text: 'line one\nline two' });
    assert.equal(await input().inputValue(), '');
  });

  it('edits and resends the last message from ↑ in an empty input or its Edit button', async () => {
    await input().click();
    await view.page.keyboard.press('ArrowUp');
    assert.equal(await input().inputValue(), 'First question');
    await view.page.keyboard.type(' (shorter)');
    await view.page.keyboard.press('Enter');
    assert.deepEqual(await lastPosted(view), { type: 'editLast', text: 'First question (shorter)' });

    await view.page.getByRole('button', { name: 'Edit and resend' }).click();
    assert.equal(await input().inputValue(), 'First question');
    await view.page.keyboard.press('Escape');
    assert.equal(await input().inputValue(), '', 'Escape leaves edit mode');
  });

  it('opens the @ file picker, navigates it with the keyboard and attaches the choice', async () => {
    await input().click();
    await view.page.keyboard.type('look at @app');
    await view.page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'searchFiles'));
    assert.deepEqual((await view.posted()).filter((m) => m.type === 'searchFiles').at(-1), { type: 'searchFiles', query: 'app' });
    await view.post({
      type: 'fileResults',
      query: 'app',
      files: [
        { path: 'src/app.ts', label: 'app.ts' },
        { path: 'src/appConfig.ts', label: 'appConfig.ts' },
      ],
    });
    const list = view.page.getByRole('listbox', { name: 'Files' });
    await list.waitFor();
    await view.page.keyboard.press('ArrowDown');
    assert.equal(await input().getAttribute('aria-activedescendant'), 'mention-1');
    await view.page.keyboard.press('Enter');
    assert.deepEqual(await lastPosted(view), { type: 'attachFile', path: 'src/appConfig.ts' });
    assert.equal(await input().inputValue(), 'look at appConfig.ts ');
    assert.ok(await list.isHidden());
  });

  it('an @ pick in the middle of a sentence keeps the sentence and replaces only the @query', async () => {
    await input().click();
    await view.page.keyboard.type('why does  fail on Windows?');
    for (let i = 0; i < ' fail on Windows?'.length; i++) await view.page.keyboard.press('ArrowLeft');
    await view.page.keyboard.type('@conf');
    await view.page.waitForFunction(() => (window as unknown as { __posted: { type: string; query?: string }[] }).__posted.some((m) => m.type === 'searchFiles' && m.query === 'conf'));
    await view.post({ type: 'fileResults', query: 'conf', files: [{ path: 'src/appConfig.ts', label: 'appConfig.ts' }] });
    await view.page.getByRole('option', { name: /appConfig\.ts/ }).click();
    assert.deepEqual(await lastPosted(view), { type: 'attachFile', path: 'src/appConfig.ts' });
    assert.equal(await input().inputValue(), 'why does appConfig.ts fail on Windows?');
    assert.equal(await input().evaluate((el: HTMLTextAreaElement) => el.selectionStart), 'why does appConfig.ts'.length, 'the caret is after the name');
  });

  it('shows context chips (with "secrets redacted") and removes them through the host', async () => {
    await view.post({
      type: 'attachments',
      attachments: [
        { id: 'sel', kind: 'selection', label: 'app.ts:10-24', detail: 'src/app.ts', redactions: 2 },
        { id: 'f', kind: 'file', label: 'README.md' },
      ],
    });
    const chips = view.page.locator('.composer .chip');
    assert.equal(await chips.count(), 2);
    assert.match(await chips.first().innerText(), /app\.ts:10-24\s*secrets redacted/);
    await view.page.getByRole('button', { name: 'Remove app.ts:10-24' }).click();
    assert.deepEqual(await lastPosted(view), { type: 'removeAttachment', attachmentId: 'sel' });
    await view.post({ type: 'contextInfo', tokens: 120_000, limit: 131_072, warning: 'About 120,000 of 131,072 tokens used.' });
    assert.match(await view.page.locator('.context-warning').innerText(), /120,000 of 131,072/);
  });

  it('sends a pasted PNG as an image with the next message, and refuses other types', async () => {
    await input().click();
    await view.page.evaluate((png) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'shot.png', { type: 'image/png' }));
      data.items.add(new File(['<svg/>'], 'vector.svg', { type: 'image/svg+xml' }));
      document.querySelector('textarea')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, PNG_1PX);
    await view.page.locator('.composer .chip-thumbnail').waitFor();
    assert.match(await view.page.locator('.notices').innerText(), /vector\.svg: only PNG, JPEG, WebP and GIF/);
    await view.page.keyboard.type('What is this?');
    await view.page.keyboard.press('Enter');
    assert.deepEqual(await lastPosted(view), { type: 'send', text: 'What is this?', images: [{ dataUrl: `data:image/png;base64,${PNG_1PX}`, name: 'shot.png' }] });
    assert.equal(await view.page.locator('.composer .chip').count(), 0, 'images go with one message only');
  });

  it('picks a model, starts a new chat, and opens or deletes conversations from History', async () => {
    const picker = view.page.getByRole('combobox', { name: 'Model' });
    assert.deepEqual(await picker.locator('option').allInnerTexts(), ['grok-4 · 256k', 'grok-3-mini · 131k'], 'context size instead of an "(images)" suffix');
    assert.match((await picker.locator('option').first().getAttribute('title')) ?? '', /256k tokens of context · accepts images/);
    await picker.selectOption('grok-3-mini');
    assert.deepEqual(await lastPosted(view), { type: 'selectModel', model: 'grok-3-mini' });
    await view.page.getByRole('button', { name: 'New Chat' }).click();
    assert.deepEqual(await lastPosted(view), { type: 'newChat' });
    assert.match(await view.page.locator('.session-totals').innerText(), /18\.3k · ~\$0\.042/);

    await view.post({
      type: 'history',
      conversations: [
        { id: 'old', title: 'Older chat', updatedAt: Date.now() - 86_400_000 * 3, turnCount: 4 },
        { id: 'new', title: 'Newer chat', updatedAt: Date.now() - 60_000, turnCount: 2 },
      ],
    });
    const history = view.page.getByRole('button', { name: 'History', exact: true });
    await history.click();
    assert.equal(await history.getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await view.page.locator('.history-name').allInnerTexts(), ['Newer chat', 'Older chat']);
    await view.page.getByRole('button', { name: 'Delete "Older chat"' }).click();
    assert.equal((await view.posted()).some((m) => m.type === 'deleteConversation'), false, 'asks first');
    await view.page.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete' }).click();
    assert.deepEqual(await lastPosted(view), { type: 'deleteConversation', conversationId: 'old' });
    await view.page.locator('.history-open', { hasText: 'Newer chat' }).click();
    assert.deepEqual(await lastPosted(view), { type: 'openConversation', conversationId: 'new' });
    assert.ok(await view.page.locator('.history-panel').isHidden());
  });

  it('copies, inserts and applies code blocks', async () => {
    await view.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://webview.test' });
    const block = view.page.locator('.code-block').first();
    await block.getByRole('button', { name: 'Copy code' }).click();
    await view.page.waitForFunction(() => document.querySelector('[aria-live="polite"]')?.textContent === 'Copied');
    assert.equal(await view.page.evaluate(() => navigator.clipboard.readText()), 'print("hi")\n');
    await block.getByRole('button', { name: 'Insert code at cursor' }).click();
    assert.deepEqual(await lastPosted(view), { type: 'insertCode', code: 'print("hi")\n' });
    await block.getByRole('button', { name: 'Apply code to file' }).click();
    assert.deepEqual(await lastPosted(view), { type: 'applyCode', code: 'print("hi")\n', language: 'py' });
  });

  it('keeps the draft when the view is hidden and shown again', async () => {
    await input().fill('half-written thought');
    await view.page.waitForTimeout(400);
    const again = await openWebview(browser(), { state: await view.savedState() });
    try {
      assert.equal(await again.page.getByRole('textbox', { name: 'Message Grok' }).inputValue(), 'half-written thought');
    } finally {
      await again.close();
    }
  });

  it('reaches every control with Tab, with a visible focus ring', async () => {
    await view.post({ type: 'attachments', attachments: [{ id: 'f', kind: 'file', label: 'README.md' }] });
    const seen: string[] = [];
    await view.page.locator('.model-picker').focus();
    for (let i = 0; i < 20; i++) {
      const info = await view.page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        if (el === document.body) return undefined; // tabbed past the last control
        const style = getComputedStyle(el);
        return { name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName, outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
      });
      if (!info) break;
      seen.push(info.name);
      assert.ok(info.outline, `${info.name} shows focus`);
      await view.page.keyboard.press('Tab');
    }
    for (const name of ['Model', 'New Chat', 'History', 'Conversation', 'Copy code', 'Insert code at cursor', 'Remove README.md', 'Message Grok', 'Send']) {
      assert.ok(seen.includes(name), `${name} is reachable (saw ${seen.join(', ')})`);
    }
  });
});
