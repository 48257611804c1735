import { strict as assert } from 'node:assert';
import type { Frame } from 'playwright-core';
import { FAKE_XAI_KEY, type FakeXaiServer } from '../fakeXai/server';
import { FAKE_CODE_OUTPUT, FAKE_SOURCES } from '../fakeXai/serverToolFrames';
import { ask, chatFrame, openChatWorkbench, openGrokView, openWorkbench, screenshot, setKey, type Workbench, reportFailure } from './workbench';


describe("Grok's server-side tools in the real workbench (fake xAI server)", function () {
  let fake: FakeXaiServer;
  let wb: Workbench;
  let frame: Frame;

  before(async () => {
    ({ fake, wb, frame } = await openChatWorkbench({ 'workbench.colorTheme': 'Default Dark Modern', 'grok.api': 'responses', 'grok.tools.webSearch': 'auto' }));
  });

  afterEach(async function () {
    await reportFailure(this.currentTest, wb?.page, frame, fake);
  });

  after(async () => {
    await wb?.close();
    await fake?.close();
  });

  it('with web search on: the searching card, then text whose citation markers lead to numbered source chips', async () => {
    await frame.locator('.server-tool-toggle[data-tool="webSearch"][aria-pressed="true"]').waitFor({ timeout: 15_000 });
    const answer = await ask(frame, '[scenario:server-tools intervalMs=25] What changed about require(esm) in Node 22.12?');
    const card = answer.locator('.server-tool-search');
    await card.waitFor({ timeout: 30_000 });
    assert.match(await card.innerText(), /the web: node 22 require esm/);
    await answer.locator('.turn-footer').waitFor({ timeout: 30_000 });
    const sent = fake.requests.find((r) => r.path.endsWith('/responses'))!.body!.tools as { type: string }[];
    assert.ok(sent.some((t) => t.type === 'web_search'), 'the request offered web search');

    const markers = answer.locator('.markdown.answer .citation-marker');
    assert.equal(await markers.count(), 2);
    const chips = answer.locator('.source-chip');
    assert.equal(await chips.count(), 3, 'two cited sources and one only read');
    assert.equal(await chips.nth(0).getAttribute('data-href'), FAKE_SOURCES[0]!.url);
    assert.match(await chips.nth(0).innerText(), /1\s*nodejs\.org/);
    assert.match(await chips.nth(1).innerText(), /require\(esm\) <b>unflagged<\/b>/, 'a title with markup shows as text');
    assert.match(await answer.locator('.turn-footer').innerText(), /1 search/);

    await markers.nth(1).click();
    const focused = await frame.evaluate(() => document.activeElement?.getAttribute('data-source-n'));
    assert.equal(focused, '2', 'the marker moved focus to its chip');
    await answer.scrollIntoViewIfNeeded();
    await screenshot(wb.page, 'server-tools-sources-dark');
  });

  it('clicking a chip goes through the host: VS Code asks before opening the site', async () => {
    const answer = frame.locator('article.turn-assistant').last();
    await answer.locator('.source-chip').first().click();
    // Only the extension host can open this workbench dialog (openExternal's link protection).
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match(await dialog.innerText(), /nodejs\.org/);
    await screenshot(wb.page, 'server-tools-open-link');
    await wb.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('the Code toggle turns code execution on; the code card shows the code and its output', async () => {
    const toggle = frame.locator('.server-tool-toggle[data-tool="codeExecution"]');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    await frame.locator('.server-tool-toggle[data-tool="codeExecution"][aria-pressed="true"]').waitFor({ timeout: 15_000 });
    fake.reset();
    const answer = await ask(frame, '[scenario:server-tools shape=openai] Sum 1 to 100 in Python.');
    await answer.locator('.turn-footer').waitFor({ timeout: 30_000 });
    const sent = fake.requests.find((r) => r.path.endsWith('/responses'))!.body!.tools as { type: string }[];
    assert.ok(sent.some((t) => t.type === 'code_interpreter'), 'the request offered code execution');
    const code = answer.locator('details.server-tool-code');
    assert.match(await code.locator('summary').innerText(), /Ran code/);
    assert.match(await code.locator('.server-tool-source code').innerText(), /print\(sum\(range\(1, 101\)\)\)/);
    assert.ok((await code.locator('.server-tool-source .hljs-built_in, .server-tool-source .hljs-keyword').count()) > 0, 'highlighted');
    assert.equal((await code.locator('.server-tool-output').innerText()).trim(), FAKE_CODE_OUTPUT);
    await code.locator('summary').click();
    assert.equal(await code.evaluate((el) => (el as HTMLDetailsElement).open), false, 'collapsible');
    await code.locator('summary').click();
    await answer.scrollIntoViewIfNeeded();
    await screenshot(wb.page, 'server-tools-code-dark');
  });

  it('after a restart (light theme) the sources and cards are still there, from the saved conversation', async () => {
    await wb.close();
    wb = await openWorkbench({ runDir: wb.server.runDir, settings: { 'grok.baseUrl': fake.url, 'grok.api': 'responses', 'workbench.colorTheme': 'Default Light Modern' } });
    await openGrokView(wb.page);
    frame = await chatFrame(wb.page);
    await setKey(wb.page, FAKE_XAI_KEY);
    const withSources = frame.locator('article.turn-assistant', { has: frame.locator('.source-chip') }).first();
    await withSources.waitFor({ timeout: 30_000 });
    assert.equal(await withSources.locator('.source-chip').count(), 3);
    assert.equal(await withSources.locator('.markdown.answer .citation-marker').count(), 2);
    assert.equal(await withSources.locator('.server-tool-search').count(), 1);
    await withSources.scrollIntoViewIfNeeded();
    await screenshot(wb.page, 'server-tools-sources-light');
  });
});
