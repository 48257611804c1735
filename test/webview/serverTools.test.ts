/**
 * Server-side tool cards, source chips, citation markers and the composer's toggles, in the real
 * bundle: untrusted queries, titles and output stay text; a chip opens only through `openLink`; a
 * marker leads to its chip; the toggles post `setServerTool` and are disabled with a reason.
 */
import { strict as assert } from 'node:assert';
import type { HostMessage, TurnView } from '../../src/shared/protocol';
import { openWebview, useBrowser, viewState, type Webview } from './harness';

const A = 'https://nodejs.org/en/blog/release/v22.12.0';
const B = 'https://github.com/nodejs/node/issues/55000';

const answer: TurnView = {
  id: 'a1',
  role: 'assistant',
  status: 'done',
  text: `Unflagged in 22.12 — 🚀 [[1]](${A}), after a long thread [[2]](${B}).`,
  serverTools: [
    { id: 'w1', kind: 'webSearch', status: 'completed', query: '<img src=x onerror="window.pwned=1"> node esm' },
    { id: 'c1', kind: 'codeExecution', status: 'completed', code: 'print(sum(range(1, 101)))', output: '5050\n<script>window.pwned=2</script>' },
  ],
  sources: [
    { n: 1, url: A, domain: 'nodejs.org', title: 'Node.js v22.12.0', cited: true },
    { n: 2, url: B, domain: 'github.com', title: '<b onmouseover="window.pwned=3">bold</b>', cited: true },
    { n: 3, url: 'https://developer.mozilla.org/', domain: 'developer.mozilla.org', cited: false },
  ],
};

function conversation(turns: TurnView[]): HostMessage {
  return { type: 'conversation', conversation: { id: 'c', title: 'Chat', turns: [{ id: 'u1', role: 'user', text: 'What changed?', status: 'done' }, ...turns] } };
}

describe('server-side tool cards and source chips', function () {
  const browser = useBrowser();
  let view: Webview;
  afterEach(async () => {
    assert.deepEqual(view.errors, []);
    await view.close();
  });

  it('shows cards and chips from untrusted text as text, with numbered markers', async () => {
    view = await openWebview(browser());
    await view.post(viewState(), conversation([answer]));
    const turn = view.page.locator('article[data-turn-id="a1"]');
    await turn.locator('.source-chip').first().waitFor();
    assert.match(await turn.locator('.server-tool-search').innerText(), /Searched the web: <img src=x/);
    assert.equal(await turn.locator('.server-tool-output').innerText(), '5050\n<script>window.pwned=2</script>');
    assert.ok((await turn.locator('.server-tool-source .hljs-built_in').count()) > 0, 'the code is highlighted');
    assert.deepEqual(await turn.locator('.source-chip .source-n').allInnerTexts(), ['1', '2', '3']);
    assert.match(await turn.locator('.source-chip').nth(1).innerText(), /<b onmouseover/);
    assert.deepEqual(await turn.locator('.markdown.answer .citation-marker').allInnerTexts(), ['1', '2']);
    assert.equal(await turn.locator('img, script, b').count(), 0);
    await turn.locator('.source-chip').nth(1).hover();
    assert.equal(await view.page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
  });

  it('a chip posts openLink with its URL; a marker focuses its chip and opens nothing', async () => {
    view = await openWebview(browser());
    await view.post(viewState(), conversation([answer]));
    const turn = view.page.locator('article[data-turn-id="a1"]');
    await turn.locator('.markdown.answer .citation-marker').nth(1).click();
    assert.equal(await view.page.evaluate(() => document.activeElement?.getAttribute('data-source-n')), '2');
    assert.equal((await view.posted()).filter((m) => m.type === 'openLink').length, 0, 'the marker opened nothing');
    await view.page.keyboard.press('Enter');
    await turn.locator('.source-chip').first().click();
    const opened = (await view.posted()).filter((m) => m.type === 'openLink').map((m) => (m.type === 'openLink' ? m.href : ''));
    assert.deepEqual(opened, [B, A]);
  });

  it('updates cards while streaming and keeps a collapsed code card collapsed', async () => {
    view = await openWebview(browser());
    await view.post(viewState(), conversation([{ id: 'a2', role: 'assistant', status: 'streaming', text: '' }]));
    const turn = view.page.locator('article[data-turn-id="a2"]');
    await view.post({ type: 'serverTools', turnId: 'a2', cards: [{ id: 'c', kind: 'codeExecution', status: 'running', code: 'print(1)' }], sources: [] });
    await turn.locator('.server-tool-code').waitFor();
    assert.match(await turn.locator('.server-tool-code summary').innerText(), /Running code/);
    await turn.locator('.server-tool-code summary').click();
    await view.post({ type: 'serverTools', turnId: 'a2', cards: [{ id: 'c', kind: 'codeExecution', status: 'completed', code: 'print(1)', output: '1' }], sources: [] });
    await turn.locator('.server-tool-code summary', { hasText: 'Ran code' }).waitFor();
    assert.equal(await turn.locator('.server-tool-code').evaluate((el) => (el as HTMLDetailsElement).open), false);
  });

  it('toggles post setServerTool; on Chat Completions they are disabled with one line saying why', async () => {
    view = await openWebview(browser());
    await view.post(viewState({ serverTools: { webSearch: true, xSearch: false, codeExecution: false } }), conversation([]));
    const web = view.page.locator('.server-tool-toggle[data-tool="webSearch"]');
    assert.equal(await web.getAttribute('aria-pressed'), 'true');
    await view.page.locator('.server-tool-toggle[data-tool="xSearch"]').click();
    assert.deepEqual((await view.posted()).at(-1), { type: 'setServerTool', tool: 'xSearch', enabled: true });
    await view.post(viewState({ serverTools: { webSearch: true, xSearch: false, codeExecution: false, unavailable: 'Needs the Responses API.' } }));
    assert.equal(await web.isDisabled(), true);
    assert.equal(await view.page.locator('.server-tool-reason').innerText(), 'Needs the Responses API.');
  });
});
