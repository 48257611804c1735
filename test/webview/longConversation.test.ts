/**
 * A 500-turn conversation opens at the bottom with only the turns near the viewport in the DOM,
 * stays bounded while scrolling through it, follows streaming output unless the user scrolled
 * up (then offers "Jump to latest"), and comes back to the same place after the view is re-shown.
 */
import { strict as assert } from 'node:assert';
import { longConversation } from './fixtures/generate';
import { openWebview, useBrowser, viewState, type Webview } from './harness';

const MAX_RENDERED = 40;
const renderedTurns = (view: Webview) => view.page.locator('.turn').count();
const scrollBy = (view: Webview, dy: number) =>
  view.page.evaluate((d) => {
    const scroller = document.querySelector('.messages') as HTMLElement;
    scroller.scrollTop += d;
  }, dy);
const metrics = (view: Webview) =>
  view.page.evaluate(() => {
    const s = document.querySelector('.messages') as HTMLElement;
    return { top: s.scrollTop, height: s.scrollHeight, client: s.clientHeight };
  });

describe('long conversations', function () {
  const browser = useBrowser();
  const conversation = longConversation(500);
  let view: Webview;
  beforeEach(async () => {
    view = await openWebview(browser());
    await view.post(viewState(), { type: 'conversation', conversation });
    await view.frames();
  });
  afterEach(async () => {
    assert.deepEqual(view.errors, []);
    await view.close();
  });

  it('opens at the bottom with a bounded number of turns rendered', async () => {
    const count = await renderedTurns(view);
    assert.ok(count > 0 && count <= MAX_RENDERED, `${count} turns rendered`);
    await view.page.locator('.turn[data-turn-id="t499"]').waitFor();
    const m = await metrics(view);
    assert.ok(m.height - m.top - m.client < 5, 'scrolled to the bottom');
    assert.ok(await view.page.locator('.jump-latest').isHidden());
  });

  it('stays bounded while scrolling all the way up, rendering turns as they come into view', async () => {
    let most = 0;
    for (let i = 0; i < 400; i++) {
      await scrollBy(view, -3000);
      await view.frames(1);
      most = Math.max(most, await renderedTurns(view));
      if ((await metrics(view)).top === 0) break;
    }
    await view.frames();
    assert.equal((await metrics(view)).top, 0, 'reached the top');
    assert.ok(most <= MAX_RENDERED, `at most ${most} turns rendered at once`);
    await view.page.locator('.turn[data-turn-id="t0"]').waitFor();
    assert.match(await view.page.locator('.turn[data-turn-id="t0"]').innerText(), /Question 1:/);
    assert.ok(await view.page.locator('.jump-latest').isVisible(), 'offers to jump back');
    await view.page.getByRole('button', { name: 'Jump to latest' }).click();
    await view.page.locator('.turn[data-turn-id="t499"]').waitFor();
  });

  it('follows a streaming answer at the bottom, and stops following once the user scrolls up', async () => {
    await view.post({ type: 'turnAdded', turn: { id: 'u', role: 'user', text: 'One more', status: 'done' } }, { type: 'turnAdded', turn: { id: 'live', role: 'assistant', text: '', status: 'streaming' } });
    for (let i = 0; i < 20; i++) {
      await view.post({ type: 'turnDelta', turnId: 'live', text: `Line ${i} of a growing answer.\n\n` });
      await view.frames(1);
    }
    let m = await metrics(view);
    assert.ok(m.height - m.top - m.client < 5, 'still at the bottom');
    await scrollBy(view, -800);
    await view.frames();
    const top = (await metrics(view)).top;
    for (let i = 20; i < 40; i++) {
      await view.post({ type: 'turnDelta', turnId: 'live', text: `Line ${i} of a growing answer.\n\n` });
      await view.frames(1);
    }
    m = await metrics(view);
    assert.ok(Math.abs(m.top - top) < 2, 'the view stayed where the user put it');
    assert.ok(await view.page.locator('.jump-latest').isVisible());
  });

  it('returns to the saved scroll position when the view is shown again', async () => {
    await scrollBy(view, -5000);
    await view.frames(2);
    await view.page.waitForTimeout(400); // the position is saved after scrolling settles
    const firstVisible = await view.page.evaluate(() => {
      const s = document.querySelector('.messages') as HTMLElement;
      const top = s.getBoundingClientRect().top;
      return Array.from(document.querySelectorAll<HTMLElement>('.turn')).find((t) => t.getBoundingClientRect().bottom > top)?.dataset.turnId;
    });
    const state = await view.savedState();
    const again = await openWebview(browser(), { state });
    try {
      await again.post(viewState(), { type: 'conversation', conversation });
      await again.frames();
      const turn = again.page.locator(`.turn[data-turn-id="${firstVisible}"]`);
      assert.ok(await turn.isVisible(), `${firstVisible} is visible again`);
    } finally {
      await again.close();
    }
  });
});
