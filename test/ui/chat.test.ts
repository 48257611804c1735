import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { FAKE_XAI_KEY, FakeXaiServer } from '../fakeXai/server';
import { ask, chatFrame, openChatWorkbench, openGrokView, openWorkbench, screenshot, setKeyAndTrust, type Workbench, reportFailure } from './workbench';


const lastAnswer = (frame: Frame) => frame.locator('article.turn-assistant').last();

describe('Chat against the fake xAI server, in the real workbench', function () {
  let fake: FakeXaiServer;
  let wb: Workbench;
  let frame: Frame;

  before(async () => {
    ({ fake, wb, frame } = await openChatWorkbench({ 'workbench.colorTheme': 'Default Dark Modern' }));
  });

  afterEach(async function () {
    await reportFailure(this.currentTest, wb?.page, frame, fake);
  });

  after(async () => {
    await wb?.close();
    await fake?.close();
  });

  it('streams an answer with markdown, a highlighted code block, Thinking and the usage footer', async () => {
    const answer = await ask(frame, 'Show me a debounce helper.');
    await answer.locator('.turn-footer').waitFor({ timeout: 30_000 });
    assert.match(await answer.locator('.markdown.answer').innerText(), /debounce/);
    assert.ok((await answer.locator('pre code .hljs-keyword').count()) > 0, 'the code block is highlighted');
    assert.equal(await answer.locator('details.thinking').count(), 1, 'reasoning sits in a Thinking section');
    const footer = await answer.locator('.turn-footer').innerText();
    assert.match(footer, /grok-4\.3/, 'the served model is shown');
    assert.match(footer, /\$\d/, 'the estimated cost is shown');
    await answer.locator('details.thinking summary').click(); // open it for the screenshot
    await answer.locator('.turn-footer').scrollIntoViewIfNeeded();
    await screenshot(wb.page, 'chat-answer-dark');
  });

  it('Stop ends the stream at once and keeps the partial text', async () => {
    fake.reset();
    const answer = await ask(frame, '[scenario:slow-drip intervalMs=150] tell me slowly');
    await answer.locator('.markdown.answer').filter({ hasText: 'Here is' }).waitFor({ timeout: 30_000 });
    await frame.locator('button[aria-label="Stop"]').click();
    await answer.locator('.turn-stopped').waitFor({ timeout: 10_000 });
    const kept = (await answer.locator('.markdown.answer').textContent()) ?? '';
    assert.match(kept, /Here is/);
    const request = fake.requests.find((r) => r.path.endsWith('/responses') || r.path.endsWith('/chat/completions'));
    assert.ok(request);
    await Promise.race([request.done, new Promise((_, reject) => setTimeout(() => reject(new Error('connection still open')), 5_000))]);
    assert.equal(request.closedEarly, true, 'the fake server saw the connection closed');
    await frame.locator('button[aria-label="Send"]').waitFor();
  });

  it('a reset mid-stream shows the error with Retry, keeps the text, and Retry replaces the turn', async () => {
    const answer = await ask(frame, '[scenario:reset-mid-stream frames=22] break please');
    await answer.locator('.turn-error').waitFor({ timeout: 30_000 });
    assert.match((await answer.locator('.markdown.answer').textContent()) ?? '', /Here is/);
    const failedId = await answer.getAttribute('data-turn-id');
    fake.enqueue('default');
    await answer.locator('button', { hasText: 'Retry' }).click();
    await frame.locator(`article[data-turn-id="${failedId}"]`).waitFor({ state: 'detached', timeout: 15_000 });
    await lastAnswer(frame).locator('.turn-footer').waitFor({ timeout: 30_000 });
    // The list is virtualized, so count by order, not by how many turns are mounted: the question is
    // now directly followed by one answer, the new one, and the failed turn is gone.
    const tail = await frame.locator('article.turn').evaluateAll((els) =>
      els.slice(-2).map((e) => [e.classList.contains('turn-user') ? 'user' : 'assistant', e.getAttribute('data-turn-id'), e.textContent ?? '']),
    );
    assert.equal(tail[0]?.[0], 'user');
    assert.match(tail[0]?.[2] ?? '', /break please/);
    assert.equal(tail[1]?.[0], 'assistant');
    assert.notEqual(tail[1]?.[1], failedId, 'retried, not duplicated: the failed turn was replaced');
    assert.equal(await frame.locator('.turn-error').count(), 0);
  });

  it('renders model output without executing it', async () => {
    const payload = [
      '<img src=x onerror="window.parent.pwned=1;window.pwned=1">',
      '<script>window.pwned=2</script>',
      '<svg onload="window.pwned=3"><circle r=5></circle></svg>',
      '[click me](javascript:window.pwned=4)',
      '<a href="javascript:window.pwned=5">raw link</a>',
      '<iframe src="javascript:window.pwned=6"></iframe>',
    ].join('\n\n');
    const answer = await ask(frame, `[scenario:echo] ${payload}`);
    await answer.locator('.turn-footer').waitFor({ timeout: 30_000 });
    const link = answer.locator('a', { hasText: 'click me' });
    if (await link.count()) await link.first().click();
    await wb.page.waitForTimeout(300);
    const pwned = await frame.evaluate(() => (window as unknown as { pwned?: number }).pwned);
    assert.equal(pwned, undefined, 'no payload ran');
    assert.equal(await answer.locator('script, iframe, svg, img[onerror], [onload]').count(), 0);
  });

  it('keeps the conversation across a window reload', async () => {
    const lastText = ((await lastAnswer(frame).locator('.markdown.answer').textContent()) ?? '').trim().slice(0, 30);
    assert.ok(lastText.length > 0);
    await wb.page.reload();
    await wb.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await openGrokView(wb.page);
    frame = await chatFrame(wb.page);
    await lastAnswer(frame).locator('.markdown.answer', { hasText: lastText }).waitFor({ timeout: 30_000 });
    await frame.locator('article.turn-user', { hasText: 'debounce helper' }).waitFor({ state: 'attached', timeout: 5_000 }).catch(async () => {
      // Older turns may be virtualized away: scroll to the top to bring the first one in.
      await frame.locator('.messages').evaluate((el) => el.scrollTo(0, 0));
      await frame.locator('article.turn-user', { hasText: 'debounce helper' }).waitFor({ timeout: 10_000 });
    });
  });

  it('looks right in a light theme after a restart (history reopened from disk)', async () => {
    await wb.close();
    wb = await openWorkbench({ runDir: wb.server.runDir, settings: { 'grok.baseUrl': fake.url, 'workbench.colorTheme': 'Default Light Modern' } });
    await openGrokView(wb.page);
    frame = await chatFrame(wb.page);
    await frame.locator('article.turn-assistant').first().waitFor({ timeout: 30_000 }); // history came back from disk
    await setKeyAndTrust(wb.page, FAKE_XAI_KEY, () => frame.locator('.banner').waitFor({ state: 'hidden' }));
    const answer = await ask(frame, 'Show me a debounce helper.');
    await answer.locator('.turn-footer').waitFor({ timeout: 30_000 });
    await answer.locator('details.thinking summary').click();
    await answer.scrollIntoViewIfNeeded();
    await screenshot(wb.page, 'chat-answer-light');
  });

  it('outlines code blocks, turns and the input in high contrast', async () => {
    await wb.close();
    wb = await openWorkbench({ runDir: wb.server.runDir, settings: { 'grok.baseUrl': fake.url, 'workbench.colorTheme': 'Default High Contrast' } });
    await openGrokView(wb.page);
    frame = await chatFrame(wb.page);
    const answer = lastAnswer(frame);
    await answer.locator('.code-block').first().waitFor({ timeout: 30_000 });
    await answer.scrollIntoViewIfNeeded();
    // High contrast themes draw no backgrounds to tell parts apart: borders must show.
    // (No named functions inside evaluate: tsx's keepNames helper does not exist in the page.)
    const parts: [string, 'Top' | 'Bottom'][] = [['.turn-assistant .code-block', 'Top'], ['.turn', 'Bottom'], ['textarea.input', 'Top']];
    const borders = await frame.evaluate((list) => {
      const found: Record<string, string> = {};
      for (const [selector, side] of list) {
        const el = document.querySelector(selector);
        const style = el ? getComputedStyle(el) : undefined;
        found[selector] = !style ? 'missing' : style[`border${side}Style`] === 'none' ? 'none' : style[`border${side}Color`];
      }
      return { contrastBorder: getComputedStyle(document.documentElement).getPropertyValue('--vscode-contrastBorder').trim(), found };
    }, parts);
    assert.ok(borders.contrastBorder, 'the theme is high contrast');
    for (const [part, color] of Object.entries(borders.found)) {
      assert.ok(!['missing', 'none', 'rgba(0, 0, 0, 0)'].includes(color), `${part} is outlined (${color})`);
    }
    await screenshot(wb.page, 'chat-answer-high-contrast');
  });
});

describe('Edit cards in the chat, in the real workbench', function () {
  let fake: FakeXaiServer;
  let wb: Workbench;
  let frame: Frame;
  const ORIGINAL = 'export function add(a: number, b: number): number {\n  return a - b;\n}\n';

  before(async () => {
    ({ fake, wb, frame } = await openChatWorkbench({ 'workbench.colorTheme': 'Default Dark Modern' }, (workspace) => {
      mkdirSync(join(workspace, 'src'), { recursive: true });
      writeFileSync(join(workspace, 'src/math.ts'), ORIGINAL);
    }));
  });

  afterEach(async function () {
    await reportFailure(this.currentTest, wb?.page, frame, fake);
  });

  after(async () => {
    await wb?.close();
    await fake?.close();
  });

  it('shows a propose_edits call as a card; Preview opens the diff and Apply writes the file', async () => {
    const answer = await ask(frame, '[scenario:tool-call] add() is wrong');
    const card = answer.locator('.edit-card');
    await card.waitFor({ timeout: 30_000 });
    assert.match(await card.innerText(), /src\/math\.ts/);
    assert.match(await card.locator('.edit-card-counts').innerText(), /\+1\s+−1/);
    assert.equal(await card.locator('.edit-card-reason').innerText(), 'add() subtracted instead of adding.', "the card shows Grok's reason");
    await card.locator('button', { hasText: 'Preview' }).click();
    await wb.page.locator('.tab', { hasText: "Grok's proposal" }).first().waitFor({ timeout: 15_000 });
    await wb.page.locator('.editor-actions [aria-label^="Accept Proposed Edits"]').first().waitFor({ timeout: 10_000 });
    await screenshot(wb.page, 'edit-preview');
    assert.equal(readFileSync(join(wb.server.workspace, 'src/math.ts'), 'utf8'), ORIGINAL, 'previewing writes nothing');
    await card.locator('button[aria-label="Apply edits"]').click();
    await answer.locator('.edit-card-applied').waitFor({ timeout: 15_000 });
    assert.match(await answer.locator('.edit-card').innerText(), /Applied 1 edit to src\/math\.ts/);
    assert.equal(readFileSync(join(wb.server.workspace, 'src/math.ts'), 'utf8'), ORIGINAL.replace('a - b', 'a + b'));
    await screenshot(wb.page, 'edit-card-applied');
  });

  it('Undo on the applied card puts the file back and the card says so', async () => {
    const id = await frame.locator('article.turn-assistant', { has: frame.locator('.edit-card-applied') }).last().getAttribute('data-turn-id');
    const answer = frame.locator(`article[data-turn-id="${id}"]`);
    await answer.locator('button[aria-label="Undo these edits"]').click();
    await answer.locator('.edit-card-undone').waitFor({ timeout: 15_000 });
    assert.match(await answer.locator('.edit-card').innerText(), /Undid Grok's edit of src\/math\.ts/);
    assert.equal(readFileSync(join(wb.server.workspace, 'src/math.ts'), 'utf8'), ORIGINAL);
    assert.equal(await answer.locator('.edit-card button').count(), 0, 'an undone card offers nothing more');
    await screenshot(wb.page, 'edit-card-undone');
  });
});
