/**
 * What users see: a finished answer (markdown, a highlighted code block, the open "Thinking"
 * section, the usage footer) in a dark and a light theme, saved to test-output/screenshots/ to
 * be looked at. The assertions only check that the theme's colours reached the page.
 */
import { strict as assert } from 'node:assert';
import { screenshot } from '../ui/workbench';
import { SAMPLE_ANSWERS } from './fixtures/answers';
import { openWebview, useBrowser, viewState } from './harness';

const REASONING = 'The user wants a debounce helper. A generic rest-parameter type keeps the call signature; `clearTimeout` on every call resets the window.';

const PNG_4PX = 'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAFklEQVR4nGNk+M9AF8Q0aqHRiuZGPQAq5AP9Jf2QLQAAAABJRU5ErkJggg==';

describe('screenshots', function () {
  const browser = useBrowser();

  it('turn states, chips, a context warning and the @ picker (dark)', async () => {
    const view = await openWebview(browser(), { viewport: { width: 440, height: 900 } });
    try {
      await view.post(viewState(), {
        type: 'conversation',
        conversation: {
          id: 'states',
          title: 'States',
          turns: [
            { id: 'u1', role: 'user', text: 'Refactor the parser', status: 'done' },
            { id: 'a1', role: 'assistant', text: 'Start by splitting `parse()` into', status: 'stopped' },
            { id: 'u2', role: 'user', text: 'Try again', status: 'done' },
            { id: 'a2', role: 'assistant', text: '', status: 'error', error: { message: 'The API key was rejected (401).', action: 'setApiKey' } },
            { id: 'u3', role: 'user', text: 'And now?', status: 'done', note: '12 older messages were left out to fit the context.' },
            { id: 'a3', role: 'assistant', text: 'Looking at the file:\n\n- first', reasoning: 'Thinking it through', status: 'streaming' },
          ],
        },
      });
      await view.post(
        { type: 'attachments', attachments: [{ id: 's', kind: 'selection', label: 'parser.ts:40-88', redactions: 2 }, { id: 'i', kind: 'image', label: 'screenshot.png', thumbnail: `data:image/png;base64,${PNG_4PX}` }] },
        { type: 'contextInfo', tokens: 118_000, limit: 131_072, warning: 'About 118,000 of 131,072 tokens used.' },
      );
      await view.page.getByRole('textbox', { name: 'Message Grok' }).click();
      await view.page.keyboard.type('Also check @pars');
      await view.page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'searchFiles'));
      await view.post({ type: 'fileResults', query: 'pars', files: [{ path: 'src/parser.ts', label: 'parser.ts' }, { path: 'src/parserUtils.ts', label: 'parserUtils.ts' }, { path: 'test/parser.test.ts', label: 'parser.test.ts' }] });
      await view.frames(3);
      await screenshot(view.page, 'webview-states-dark');
      await view.page.keyboard.press('Escape');
      await view.post({ type: 'history', conversations: [{ id: 'h1', title: 'Refactor the parser', updatedAt: Date.now() - 120_000, turnCount: 6 }, { id: 'h2', title: 'Why is the build slow?', updatedAt: Date.now() - 86_400_000 * 2, turnCount: 14 }] });
      await view.page.getByRole('button', { name: 'History', exact: true }).click();
      await view.page.getByRole('button', { name: 'Delete "Why is the build slow?"' }).click();
      await screenshot(view.page, 'webview-history-dark');
      assert.deepEqual(view.errors, []);
    } finally {
      await view.close();
    }
  });
  for (const theme of ['dark', 'light'] as const) {
    it(`a finished answer in the ${theme} theme`, async () => {
      const view = await openWebview(browser(), { theme, viewport: { width: 440, height: 900 } });
      try {
        await view.post(viewState(), {
          type: 'conversation',
          conversation: {
            id: 'shot',
            title: 'Debounce',
            turns: [
              { id: 'u1', role: 'user', text: 'How do I debounce a handler in TypeScript?', status: 'done', attachments: [{ id: 'a', kind: 'selection', label: 'search.ts:12-30', redactions: 1 }] },
              {
                id: 'a1',
                role: 'assistant',
                text: SAMPLE_ANSWERS.basic as string,
                reasoning: REASONING,
                status: 'done',
                usage: { model: 'grok-4-0709', promptTokens: 1834, completionTokens: 412, reasoningTokens: 96, cachedTokens: 1536, totalTokens: 2246, costUsd: 0.0089, latencyMs: 5400 },
              },
            ],
          },
        });
        await view.post({ type: 'attachments', attachments: [{ id: 'f', kind: 'file', label: 'search.ts', redactions: 0 }] });
        await view.page.click('.thinking summary');
        await view.page.evaluate(() => ((document.querySelector('.messages') as HTMLElement).scrollTop = 0));
        await view.frames(3);
        await screenshot(view.page, `webview-answer-${theme}`);
        const keyword = await view.page.locator('.hljs-keyword').first().evaluate((el) => getComputedStyle(el).color);
        assert.equal(keyword, theme === 'dark' ? 'rgb(197, 134, 192)' : 'rgb(155, 70, 176)', 'code colours come from the theme');
        const quote = await view.page.locator('.answer blockquote').evaluate((el) => getComputedStyle(el).borderLeftWidth);
        assert.equal(quote, '3px', 'markdown styles are loaded');
        assert.deepEqual(view.errors, []);
      } finally {
        await view.close();
      }
    });
  }
});
