/**
 * What users see: a finished answer (markdown, a highlighted code block, the open "Thinking"
 * section, the usage footer) in a dark and a light theme, saved to test-output/screenshots/ to
 * be looked at. The assertions only check that the theme's colours reached the page.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT } from '../realVscode/codeServer';
import { SAMPLE_ANSWERS } from './fixtures/answers';
import { openWebview, useBrowser, viewState } from './harness';

const REASONING = 'The user wants a debounce helper. A generic rest-parameter type keeps the call signature; `clearTimeout` on every call resets the window.';

describe('screenshots', function () {
  const browser = useBrowser();
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
        const dir = join(OUTPUT, 'screenshots');
        mkdirSync(dir, { recursive: true });
        await view.page.screenshot({ path: join(dir, `webview-answer-${theme}.png`) });
        const keyword = await view.page.locator('.hljs-keyword').first().evaluate((el) => getComputedStyle(el).color);
        assert.equal(keyword, theme === 'dark' ? 'rgb(197, 134, 192)' : 'rgb(155, 70, 176)', 'code colours come from the theme');
        assert.deepEqual(view.errors, []);
      } finally {
        await view.close();
      }
    });
  }
});
