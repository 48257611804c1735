/**
 * Streaming in the real bundle: random chunkings of sample answers, posted as `turnDelta`s with
 * animation frames running in between, end up with exactly the DOM of a one-shot render; closed
 * blocks are never re-rendered; Send/Stop toggles; the end of a turn is announced.
 */
import { strict as assert } from 'node:assert';
import type { HostMessage } from '../../src/shared/protocol';
import { chunk, SAMPLE_ANSWERS, seeded } from './fixtures/answers';
import { longAnswer } from './fixtures/generate';
import { openWebview, readAnswer, useBrowser, viewState, type Webview } from './harness';

const USAGE = { model: 'grok-4-0709', promptTokens: 1200, completionTokens: 340, reasoningTokens: 90, cachedTokens: 1000, totalTokens: 1540, costUsd: 0.0086 };

/** Streams `text` as deltas of `min`..`max` characters, letting frames run every few deltas. */
async function stream(view: Webview, turnId: string, text: string, seed: number, min = 1, max = 60): Promise<void> {
  const random = seeded(seed);
  const deltas: HostMessage[] = chunk(text, random, min, max).map((piece) => ({ type: 'turnDelta', turnId, text: piece }));
  for (let i = 0; i < deltas.length; ) {
    const burst = 1 + Math.floor(random() * 8);
    await view.post(...deltas.slice(i, i + burst));
    i += burst;
    if (random() < 0.7) await view.frames(1);
  }
}

const answerHtml = async (view: Webview, turnId: string) => (await readAnswer(view, turnId)).html;

describe('streaming answers', function () {
  const browser = useBrowser();
  let view: Webview;
  beforeEach(async () => {
    view = await openWebview(browser());
    await view.post(viewState(), { type: 'conversation', conversation: { id: 'c1', title: 'Chat', turns: [] } });
  });
  afterEach(async () => {
    assert.deepEqual(view.errors, []);
    await view.close();
  });

  // Character-sized deltas for the samples; the long answers (several chunks, and two groups of
  // chunks for the longest) stream in 20–60 character deltas as the host sends them.
  const cases: [string, string, number[]][] = [
    ...Object.entries(SAMPLE_ANSWERS).map(([name, text]): [string, string, number[]] => [name, text, [1, 2, 3]]),
    ['long', longAnswer(12_000, 5), [2, 3]],
    ['longest', longAnswer(40_000, 6), [2]],
  ];
  for (const [name, text, seeds] of cases) {
    it(`"${name}" streamed in random chunks renders exactly like a one-shot render`, async () => {
      for (const seed of seeds) {
        const id = `s-${seed}`;
        await view.post({ type: 'turnAdded', turn: { id, role: 'assistant', text: '', status: 'streaming' } });
        await stream(view, id, text, seed, seed === 1 ? 1 : 20, seed === 1 ? 4 : 60);
        await view.post({ type: 'turnEnd', turnId: id, status: 'done', usage: USAGE });
        await view.frames(3); // chunks are sealed two frames after they were laid out
        const streamed = await answerHtml(view, id);
        if (text.length > 2 * 4000) assert.ok(streamed.includes('class="md-chunk md-sealed"'), 'long answers are split into chunks, all but the last sealed');
        if (text.length > 32_000) assert.ok(streamed.includes('class="md-group md-sealed"'), 'and chunks into groups');
        await view.post({ type: 'conversation', conversation: { id: 'c2', title: 'x', turns: [{ id: 'one', role: 'assistant', text, status: 'done' }] } });
        await view.frames(3);
        assert.equal(streamed, await answerHtml(view, 'one'), `seed ${seed}`);
        await view.post({ type: 'conversation', conversation: { id: 'c1', title: 'Chat', turns: [] } });
      }
    });
  }

  it('never touches a closed block again while the answer grows', async () => {
    await view.post({ type: 'turnAdded', turn: { id: 'a', role: 'assistant', text: '', status: 'streaming' } });
    await view.post({ type: 'turnDelta', turnId: 'a', text: 'First paragraph.\n\n```ts\nconst a = 1;\n```\n\nSecond paragraph,\n' });
    await view.frames();
    await view.page.evaluate(() => {
      for (const child of Array.from(document.querySelectorAll('.answer .md-chunk > *'))) (child as HTMLElement & { __marked?: boolean }).__marked = true;
    });
    await stream(view, 'a', `continued.\n\n${longAnswer(4000, 9)}`, 4);
    await view.post({ type: 'turnEnd', turnId: 'a', status: 'done' });
    const kept = await view.page.evaluate(() => Array.from(document.querySelectorAll('.answer .md-chunk > *')).slice(0, 2).map((el) => (el as HTMLElement & { __marked?: boolean }).__marked === true));
    assert.deepEqual(kept, [true, true], 'the paragraph and the code block are the same DOM nodes');
  });

  it('streams reasoning into a collapsed "Thinking" section', async () => {
    await view.post({ type: 'turnAdded', turn: { id: 'r', role: 'assistant', text: '', status: 'streaming' } });
    await view.post({ type: 'turnDelta', turnId: 'r', reasoning: 'Considering **options**' }, { type: 'turnDelta', turnId: 'r', reasoning: ' and trade-offs.' });
    await view.frames();
    const details = view.page.locator('.turn[data-turn-id="r"] details.thinking');
    assert.equal(await details.getAttribute('open'), null, 'collapsed');
    await details.locator('summary').click();
    await view.frames();
    assert.equal(await details.locator('.thinking-body').innerHTML(), '<div class="md-group"><div class="md-chunk"><p>Considering <strong>options</strong> and trade-offs.</p>\n</div></div>');
    await view.post({ type: 'turnDelta', turnId: 'r', reasoning: '\n\nMore.' }, { type: 'turnDelta', turnId: 'r', text: 'Answer.' });
    await view.frames();
    assert.match(await details.locator('.thinking-body').innerText(), /More\./);
  });

  it('toggles Send to Stop while streaming, posts stop, and keeps the partial text', async () => {
    const input = view.page.getByRole('textbox', { name: 'Message Grok' });
    await input.fill('Explain closures');
    await input.press('Enter');
    assert.deepEqual((await view.posted()).at(-1), { type: 'send', text: 'Explain closures' });
    assert.equal(await input.inputValue(), '');
    await view.post(
      { type: 'turnAdded', turn: { id: 'u', role: 'user', text: 'Explain closures', status: 'done' } },
      { type: 'turnAdded', turn: { id: 'x', role: 'assistant', text: '', status: 'streaming' } },
      { type: 'turnDelta', turnId: 'x', text: 'A closure captures' },
    );
    const stop = view.page.getByRole('button', { name: 'Stop', exact: true });
    await stop.click();
    assert.deepEqual((await view.posted()).at(-1), { type: 'stop' });
    await view.post({ type: 'turnEnd', turnId: 'x', status: 'stopped' });
    await view.page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    assert.match(await view.page.locator('.turn[data-turn-id="x"]').innerText(), /A closure captures[\s\S]*Stopped/);
    await view.page.locator('.turn[data-turn-id="x"]').getByRole('button', { name: 'Retry' }).click();
    assert.deepEqual((await view.posted()).at(-1), { type: 'retry', turnId: 'x' });
  });

  it('announces the end of an answer and errors in an aria-live region', async () => {
    const live = view.page.locator('[aria-live="polite"][role="status"]');
    await view.post({ type: 'turnAdded', turn: { id: 'y', role: 'assistant', text: '', status: 'streaming' } }, { type: 'turnDelta', turnId: 'y', text: 'Done soon.' });
    assert.equal(await live.textContent(), '');
    await view.post({ type: 'turnEnd', turnId: 'y', status: 'done', usage: USAGE });
    await view.page.waitForFunction(() => document.querySelector('[aria-live="polite"][role="status"]')?.textContent === 'Answer finished');
    assert.match(await view.page.locator('.turn[data-turn-id="y"] .turn-footer').innerText(), /grok-4-0709.*1\.2k in.*340 out.*90 reasoning.*1k cached.*\$0\.0086/s);

    await view.post({ type: 'turnAdded', turn: { id: 'z', role: 'assistant', text: '', status: 'streaming' } });
    await view.post({ type: 'turnEnd', turnId: 'z', status: 'error', error: { message: 'The API key was rejected.', action: 'setApiKey' } });
    await view.page.waitForFunction(() => document.querySelector('[aria-live="polite"][role="status"]')?.textContent === 'Error: The API key was rejected.');
    await view.page.locator('.turn[data-turn-id="z"]').getByRole('button', { name: 'Set API Key' }).click();
    assert.deepEqual((await view.posted()).at(-1), { type: 'runCommand', command: 'grok.setApiKey' });
  });

  it('an error offers only the action that can help: Retry alone when retrying helps, never beside a fix, none when nothing helps', async () => {
    const cases = [
      ['e1', { message: 'Rate limited.', action: 'retry' }, ['Retry']],
      ['e2', { message: 'The model is not supported.', action: 'chooseModel' }, ['Choose model']],
      ['e3', { message: 'Out of credits.', action: 'openBilling' }, ['Open xAI console']],
      ['e4', { message: 'The server asked not to retry this request.' }, []],
    ] as const;
    for (const [id, error] of cases) {
      await view.post({ type: 'turnAdded', turn: { id, role: 'assistant', text: 'Partial', status: 'streaming' } }, { type: 'turnEnd', turnId: id, status: 'error', error });
    }
    for (const [id, , buttons] of cases) {
      await view.page.locator(`.turn[data-turn-id="${id}"] .turn-error`).waitFor();
      const labels = await view.page.locator(`.turn[data-turn-id="${id}"] .turn-error button`).allInnerTexts();
      assert.deepEqual(labels.map((l) => l.trim()), buttons, id);
    }
    await view.page.locator('.turn[data-turn-id="e2"]').screenshot({ path: 'test-output/screenshots/webview-error-choose-model.png' });
    await view.page.locator('.turn[data-turn-id="e3"]').screenshot({ path: 'test-output/screenshots/webview-error-open-billing.png' });
    await view.page.locator('.turn[data-turn-id="e3"]').getByRole('button', { name: 'Open xAI console' }).click();
    assert.deepEqual((await view.posted()).at(-1), { type: 'openLink', href: 'https://console.x.ai' });
  });

  it('re-renders when the host sends a final text that differs from the deltas', async () => {
    await view.post({ type: 'turnAdded', turn: { id: 'f', role: 'assistant', text: '', status: 'streaming' } }, { type: 'turnDelta', turnId: 'f', text: 'Draft' });
    await view.frames();
    await view.post({ type: 'turnEnd', turnId: 'f', status: 'done', text: '**Final** text' });
    assert.equal(await answerHtml(view, 'f'), '<div class="md-group"><div class="md-chunk"><p><strong>Final</strong> text</p>\n</div></div>');
  });
});
