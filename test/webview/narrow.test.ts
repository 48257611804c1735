/**
 * The narrow sidebar: at 210 px and 300 px, dark and light, the welcome of a new chat, the header
 * (model picker, session totals), a code block and an edit card fit: nothing sticks out of its
 * box. Screenshots go to test-output/screenshots/ to be looked at.
 */
import { strict as assert } from 'node:assert';
import { screenshot } from '../ui/workbench';
import { openWebview, useBrowser, viewState, type Webview } from './harness';

const CODE = [
  '```ts',
  'export function normalizeWorkspaceRelativePath(workspaceFolderPath: string, candidatePath: string): string {',
  '  const relative = path.relative(workspaceFolderPath, candidatePath);',
  '  return relative.split(path.sep).join("/");',
  '}',
  '```',
].join('\n');

/** Elements whose content is wider than their box, or that reach past the view's right edge. */
function overflowing(view: Webview): Promise<string[]> {
  return view.page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.chat-header, .chat-header *, .welcome, .welcome *, .edit-card, .edit-card *, .code-block, .composer, .composer *'))) {
      if (el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue; // hidden
      const box = el.getBoundingClientRect();
      if (box.right > width + 0.5) out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(box.right)} > ${width}`);
      if (el.tagName === 'SELECT' || el.tagName === 'PRE' || el.tagName === 'CODE') {
        if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} content ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    return out;
  });
}

describe('narrow sidebar', function () {
  const browser = useBrowser();
  for (const theme of ['dark', 'light'] as const) {
    for (const width of [210, 300]) {
      it(`fits at ${width} px (${theme})`, async () => {
        const view = await openWebview(browser(), { theme, viewport: { width, height: 720 } });
        try {
          const state = viewState({
            model: 'grok-4.20-0309-non-reasoning',
            models: [
              { id: 'grok-4.20-0309-non-reasoning', vision: true, contextWindow: 2_000_000, price: { inputPerMTok: 2, outputPerMTok: 6 } },
              { id: 'grok-4.3', vision: true, contextWindow: 1_000_000, price: { inputPerMTok: 3, outputPerMTok: 15 } },
            ],
            session: { tokens: 296_412, costUsd: 1.2345 },
          });
          await view.post(state, { type: 'conversation', conversation: { id: 'new', title: '', turns: [] } });
          await view.frames(3);
          assert.ok(await view.page.locator('.welcome').isVisible(), 'a new chat shows the welcome');
          assert.match(await view.page.locator('.welcome').innerText(), /Stop the answer/);
          assert.equal(await view.page.locator('.context-tokens').innerText(), '', 'no "~0 / … tokens" meter');
          assert.match(await view.page.locator('.session-totals').innerText(), /296k · ~\$1\.23/);
          assert.deepEqual(await overflowing(view), []);
          await screenshot(view.page, `narrow-${width}-${theme}-welcome`);

          await view.post({
            type: 'conversation',
            conversation: {
              id: 'c',
              title: 'Paths',
              turns: [
                { id: 'u1', role: 'user', text: 'Normalize the path', status: 'done' },
                { id: 'a1', role: 'assistant', text: `Like this:\n\n${CODE}\n`, status: 'done', edits: [{ id: 'card', status: 'proposed', files: [{ path: 'src/vscode/chat/codeActions.ts', added: 12, removed: 3, refused: [] }] }] },
              ],
            },
          });
          await view.frames(3);
          assert.ok(await view.page.locator('.welcome').isHidden(), 'the welcome goes with the first turn');
          assert.deepEqual(await overflowing(view), []);
          await view.page.locator('.edit-card').scrollIntoViewIfNeeded();
          await screenshot(view.page, `narrow-${width}-${theme}-answer`);
          assert.deepEqual(view.errors, []);
        } finally {
          await view.close();
        }
      });
    }
  }

  it('a wrapped code line continues under its own indentation, breaks between words, and Copy takes the code unchanged', async () => {
    const view = await openWebview(browser(), { theme: 'dark', viewport: { width: 210, height: 720 } });
    try {
      await view.post(viewState(), {
        type: 'conversation',
        conversation: { id: 'c', title: 'Paths', turns: [{ id: 'a1', role: 'assistant', text: `Like this:\n\n${CODE}\n`, status: 'done' }] },
      });
      await view.frames(3);
      const layout = await view.page.evaluate(() => {
        const code = document.querySelector('.code-block pre code');
        const line = Array.from(document.querySelectorAll<HTMLElement>('.code-block .code-line')).find((l) => l.textContent?.startsWith('  const relative'));
        if (!code || !line) return undefined;
        const probe = document.createElement('span');
        probe.textContent = '0';
        line.append(probe);
        const ch = probe.getBoundingClientRect().width;
        probe.remove();
        // Every visible character's line box (by its top) and left edge.
        const chars: { c: string; top: number; left: number }[] = [];
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (let i = 0; i < text.length; i++) {
            if (/\s/.test(text[i] ?? '')) {
              chars.push({ c: ' ', top: -1, left: 0 }); // keeps words apart; not a visible character
              continue;
            }
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getBoundingClientRect();
            chars.push({ c: text[i] ?? '', top: Math.round(rect.top), left: rect.left });
          }
        }
        return { text: code.textContent, ch, lineLeft: line.getBoundingClientRect().left, lineWidth: line.clientWidth, chars };
      });
      assert.ok(layout, 'the code block is split into lines');
      const lines = CODE.split('\n').slice(1, -1);
      assert.equal(layout.text, `${lines.join('\n')}\n`, 'Copy and Insert take exactly the code');
      const tops = [...new Set(layout.chars.filter((c) => c.top >= 0).map((c) => c.top))];
      assert.ok(tops.length >= 2, `the long line wraps at 210 px (${tops.length} line boxes)`);
      for (const top of tops.slice(1)) {
        const left = Math.min(...layout.chars.filter((c) => c.top === top).map((c) => c.left));
        assert.ok(left - layout.lineLeft >= 4 * layout.ch - 1, `a continuation starts ${((left - layout.lineLeft) / layout.ch).toFixed(1)} columns in, not under the indentation (2 + 2)`);
      }
      // No identifier that fits on a continuation line is cut in two: its characters share a line box.
      const columns = Math.floor(layout.lineWidth / layout.ch) - 4;
      const text = layout.chars.map((c) => c.c).join('');
      let checked = 0;
      for (const m of text.matchAll(/\w+/g)) {
        if (m[0].length > columns) continue; // wider than the view: it has to break somewhere
        checked++;
        const word = layout.chars.slice(m.index, m.index + m[0].length);
        assert.equal(new Set(word.map((c) => c.top)).size, 1, `"${m[0]}" is not split across lines`);
      }
      assert.ok(checked >= 4, `${checked} words checked`);
      assert.deepEqual(view.errors, []);
    } finally {
      await view.close();
    }
  });
});
