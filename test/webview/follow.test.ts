/**
 * The view follows the newest turn: an answer that arrives in big batches (and its edit card)
 * stays in view without a "Jump to latest" pill, a conversation opened from History opens at its
 * end, and once the user scrolls up nothing moves the view.
 */
import { strict as assert } from 'node:assert';
import { longAnswer, longConversation } from './fixtures/generate';
import { openWebview, useBrowser, viewState, type Webview } from './harness';

const distanceToBottom = (view: Webview) =>
  view.page.evaluate(() => {
    const s = document.querySelector('.messages') as HTMLElement;
    return s.scrollHeight - s.scrollTop - s.clientHeight;
  });

/** Waits until layout settled (highlighting, measured heights) and returns the distance to the bottom. */
async function settledDistance(view: Webview): Promise<number> {
  await view.frames(4);
  await view.page.waitForTimeout(150);
  await view.frames(2);
  return distanceToBottom(view);
}

describe('following new output', function () {
  const browser = useBrowser();
  let view: Webview;
  beforeEach(async () => {
    view = await openWebview(browser(), { viewport: { width: 300, height: 600 } });
    await view.post(viewState(), { type: 'conversation', conversation: longConversation(12) });
    await view.frames();
  });
  afterEach(async () => {
    assert.deepEqual(view.errors, []);
    await view.close();
  });

  it('keeps an answer that arrives in one big batch, and its edit card, in view', async () => {
    // The host batches deltas: the question, the whole answer, its end and its card can arrive
    // between two frames, before the scroll event of the previous follow is handled.
    await view.post(
      { type: 'turnAdded', turn: { id: 'u', role: 'user', text: 'Fix add()', status: 'done' } },
      { type: 'turnAdded', turn: { id: 'a', role: 'assistant', text: '', status: 'streaming' } },
      { type: 'turnDelta', turnId: 'a', text: longAnswer(2500, 9) },
      { type: 'turnEnd', turnId: 'a', status: 'done' },
      { type: 'editCard', turnId: 'a', card: { id: 'c1', status: 'proposed', files: [{ path: 'src/math.ts', added: 1, removed: 1, refused: [] }] } },
    );
    assert.ok((await settledDistance(view)) < 5, 'at the bottom');
    assert.ok(await view.page.locator('.turn[data-turn-id="a"] .edit-card').isVisible());
    assert.ok(await view.page.locator('.jump-latest').isHidden(), 'no "Jump to latest" pill');
  });

  it('opens a conversation chosen in History at its end, even when it was open and scrolled up', async () => {
    await view.page.mouse.move(150, 300);
    await view.page.mouse.wheel(0, -1500);
    await view.frames(3);
    assert.ok(await view.page.locator('.jump-latest').isVisible());
    await view.post({ type: 'history', conversations: [{ id: 'long-12', title: 'A conversation of 12 turns', updatedAt: Date.now(), turnCount: 12 }] });
    await view.page.getByRole('button', { name: 'History', exact: true }).click();
    await view.page.locator('.history-open').first().click();
    assert.ok((await view.posted()).some((m) => m.type === 'openConversation'));
    await view.post({ type: 'conversation', conversation: longConversation(12) });
    assert.ok((await settledDistance(view)) < 5, 'at the end');
    assert.ok(await view.page.locator('.jump-latest').isHidden());
  });

  it('stays where the user scrolled while an answer streams in batches', async () => {
    await view.post({ type: 'turnAdded', turn: { id: 'a', role: 'assistant', text: '', status: 'streaming' } });
    await view.frames();
    await view.page.mouse.move(150, 300);
    await view.page.mouse.wheel(0, -600);
    await view.frames(3);
    const top = await view.page.evaluate(() => (document.querySelector('.messages') as HTMLElement).scrollTop);
    for (let i = 0; i < 5; i++) await view.post({ type: 'turnDelta', turnId: 'a', text: longAnswer(800, i) });
    await view.frames(4);
    const after = await view.page.evaluate(() => (document.querySelector('.messages') as HTMLElement).scrollTop);
    assert.ok(Math.abs(after - top) < 2, `stayed at ${top} (now ${after})`);
    assert.ok(await view.page.locator('.jump-latest').isVisible());
  });
});
