/**
 * Model output is untrusted. Each payload tries to set `window.__xss`; none may succeed, with the
 * real CSP and also without it (the sanitizer alone must hold). Links never navigate: a click
 * posts `openLink` for the host to check.
 */
import { strict as assert } from 'node:assert';
import type { TurnView } from '../../src/shared/protocol';
import { openWebview, useBrowser, viewState, type Webview } from './harness';

const PAYLOADS = [
  `<img src=x onerror="window.__xss='img'">`,
  `<script>window.__xss='script'</script>`,
  `<svg onload="window.__xss='svg'"><circle r=1 /></svg>`,
  `<iframe src="javascript:window.__xss='iframe'"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss='srcdoc'</script>"></iframe>`,
  `<form action="javascript:window.__xss='form'"><button>go</button></form>`,
  `<details open ontoggle="window.__xss='details'">x</details>`,
  `<a href="javascript:window.__xss='rawlink'">raw link</a>`,
  `[js link](javascript:window.__xss='mdlink')`,
  `[JS link](JaVaScRiPt:window.__xss='case')`,
  `[entity link](&#106;avascript:window.__xss='entity')`,
  `[hex entity](&#x6A;&#x61;vascript:window.__xss='hex')`,
  `[tab link](java&#9;script:window.__xss='tab')`,
  `[data link](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9J2RhdGEnPC9zY3JpcHQ+)`,
  `[vb](vbscript:msgbox(1))`,
  `<javascript:window.__xss='autolink'>`,
  `[title](https://ok.example "a\\" onmouseover=\\"window.__xss='title'")`,
  `![img](x" onerror="window.__xss='imgattr')`,
  `![pixel](https://tracker.invalid/pixel.png)`,
  `![data img](data:image/png;base64,iVBORw0KGgo=)`,
  '```"><img src=x onerror="window.__xss=\'lang\'">\ncode\n```',
  '```html\n</code></pre><img src=x onerror="window.__xss=\'fence\'">\n```',
  '`<img src=x onerror="window.__xss=\'inline\'">`',
  `&lt;img src=x onerror="window.__xss='entities'"&gt;`,
  `<style>body{display:none}</style><div style="position:fixed;inset:0">overlay</div>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss='mxss'">`,
];

const ANSWER = `Here are some links: [docs](https://example.com/docs) and https://x.ai/api.\n\n${PAYLOADS.join('\n\n')}\n`;

function turns(): TurnView[] {
  return [
    { id: 'u1', role: 'user', text: `<img src=x onerror="window.__xss='user'"> please`, status: 'done', attachments: [{ id: 'a1', kind: 'image', label: '<b>x</b>', thumbnail: "javascript:window.__xss='thumb'" }] },
    { id: 'a1', role: 'assistant', text: ANSWER, reasoning: PAYLOADS.slice(0, 6).join('\n\n'), status: 'done' },
  ];
}

async function assertInert(view: Webview): Promise<void> {
  await view.frames(3);
  await view.page.waitForTimeout(300); // onerror / onload fire asynchronously
  const report = await view.page.evaluate(() => {
    const root = document.querySelector('.messages') as HTMLElement;
    const all = Array.from(root.querySelectorAll('*'));
    return {
      xss: (window as unknown as { __xss?: string }).__xss,
      dangerous: all.filter((el) => /^(script|iframe|img|svg|math|form|object|embed|style|details)$/i.test(el.tagName) && !el.matches('details.thinking')).map((el) => el.tagName),
      handlers: all.flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
      hrefs: all.filter((el) => el.hasAttribute('href') || (el.hasAttribute('src') && el.tagName !== 'IMG')).length,
      styles: root.querySelectorAll('.markdown [style]').length,
      imgs: Array.from(root.querySelectorAll('img')).map((img) => img.getAttribute('src')),
    };
  });
  assert.equal(report.xss, undefined, 'no payload ran');
  assert.deepEqual(report.dangerous, [], 'no active elements in rendered markdown');
  assert.deepEqual(report.handlers, [], 'no event handler attributes');
  assert.equal(report.hrefs, 0, 'no element navigates by itself');
  assert.equal(report.styles, 0, 'no style attributes');
  assert.deepEqual(report.imgs, [], 'no images load (and no javascript: thumbnail)');
}

describe('webview security', function () {
  const browser = useBrowser();

  for (const withoutCsp of [false, true]) {
    describe(withoutCsp ? 'sanitizer alone (page without CSP)' : 'with the real CSP', () => {
      let view: Webview;
      const requests: string[] = [];
      before(async () => {
        view = await openWebview(browser(), { withoutCsp });
        view.page.on('request', (request) => requests.push(request.url()));
        await view.post(viewState({ model: `<img src=x onerror="window.__xss='model'">`, models: [] }));
      });
      after(() => view.close());

      it('renders a finished answer full of payloads inertly', async () => {
        await view.post({ type: 'conversation', conversation: { id: 'c', title: 'x', turns: turns() } });
        await view.page.click('.thinking summary'); // render the reasoning too
        await assertInert(view);
        assert.match(await view.page.locator('.turn-user .user-text').innerText(), /<img src=x onerror=/, 'user text shows as text');
      });

      it('renders the same payloads inertly while streaming them in small deltas', async () => {
        await view.post({ type: 'turnAdded', turn: { id: 's1', role: 'assistant', text: '', status: 'streaming' } });
        for (let i = 0; i < ANSWER.length; i += 7) {
          await view.post({ type: 'turnDelta', turnId: 's1', text: ANSWER.slice(i, i + 7), reasoning: i < 200 ? PAYLOADS[0]?.slice(0, 7) : undefined });
          if (i % 70 === 0) await view.frames(1);
        }
        await view.post({ type: 'turnEnd', turnId: 's1', status: 'done' });
        await assertInert(view);
      });

      it('shows host-provided strings as text (notice, error, history, attachments)', async () => {
        const html = `<img src=x onerror="window.__xss='host'">`;
        await view.post(
          { type: 'notice', level: 'error', text: html },
          { type: 'history', conversations: [{ id: 'h1', title: html, updatedAt: Date.now(), turnCount: 2 }] },
          { type: 'attachments', attachments: [{ id: 'x', kind: 'file', label: html, detail: html, redactions: 1 }] },
          { type: 'turnEnd', turnId: 's1', status: 'error', error: { message: html, action: 'retry' } },
        );
        await view.page.waitForTimeout(300);
        assert.equal(await view.page.evaluate(() => (window as unknown as { __xss?: string }).__xss), undefined);
        assert.equal(await view.page.locator('body img').count(), 0);
      });

      it('turns a link click into openLink and never navigates', async () => {
        const before = view.page.url();
        await view.page.locator('.turn[data-turn-id="a1"] .md-link', { hasText: 'docs' }).first().click();
        await view.page.locator('.turn[data-turn-id="a1"] .md-link', { hasText: 'https://x.ai/api' }).first().click({ button: 'middle' });
        await view.page.locator('.turn[data-turn-id="a1"] .md-link', { hasText: 'docs' }).first().focus();
        await view.page.keyboard.press('Enter');
        await view.page.waitForTimeout(200);
        const links = (await view.posted()).filter((m) => m.type === 'openLink');
        assert.deepEqual(links.map((m) => m.type === 'openLink' && m.href), ['https://example.com/docs', 'https://example.com/docs']);
        assert.equal(view.page.url(), before);
        assert.deepEqual(requests.filter((url) => !url.startsWith('https://webview.test/')), [], 'no request left the page');
        assert.deepEqual(view.errors, [], 'no script errors or CSP violations');
      });
    });
  }
});
