/**
 * Long answers keep a bounded DOM: finished groups far from the viewport are parked (emptied,
 * their height kept), come back exactly as they were when scrolled to, never shift what is on
 * screen, and are not parked while they hold the selection.
 */
import { strict as assert } from 'node:assert';
import { chunk, seeded } from './fixtures/answers';
import { longAnswer } from './fixtures/generate';
import { openWebview, readAnswer, useBrowser, viewState, type Webview } from './harness';

const ANSWER = longAnswer(130_000, 21);

/** Streams ANSWER into a new turn `id`, 16 deltas per frame. */
async function streamLong(view: Webview, id: string): Promise<void> {
  await view.post({ type: 'turnAdded', turn: { id, role: 'assistant', text: '', status: 'streaming' } });
  const deltas = chunk(ANSWER, seeded(3), 20, 60);
  await view.page.evaluate(async ({ list, turnId }) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    for (let i = 0; i < list.length; i += 16) {
      for (const text of list.slice(i, i + 16)) window.postMessage({ type: 'turnDelta', turnId, text }, '*');
      await frame();
    }
    window.postMessage({ type: 'turnEnd', turnId, status: 'done' }, '*');
    await frame();
  }, { list: deltas, turnId: id });
  await view.frames(4); // sealing waits two frames, the observer one more
}

const groups = (view: Webview) =>
  view.page.locator('.answer > .md-group').evaluateAll((list) =>
    list.map((el) => ({ parked: el.classList.contains('md-parked'), children: el.childElementCount, height: el.getBoundingClientRect().height, style: el.getAttribute('style') })),
  );
const answerElements = (view: Webview) => view.page.locator('.answer').evaluate((el) => el.getElementsByTagName('*').length);
const scroller = (view: Webview) => view.page.locator('.messages');

describe('parking far-away parts of long answers', function () {
  const browser = useBrowser();
  let view: Webview;
  beforeEach(async () => {
    view = await openWebview(browser(), { viewport: { width: 420, height: 700 } });
    await view.post(viewState(), { type: 'conversation', conversation: { id: 'c', title: 'Chat', turns: [{ id: 'q', role: 'user', text: 'Tell me everything', status: 'done' }] } });
  });
  afterEach(async () => {
    assert.deepEqual(view.errors, []);
    await view.close();
  });

  it('parks the groups far above the end of a streamed answer, keeping their height', async () => {
    await streamLong(view, 'a');
    const list = await groups(view);
    assert.ok(list.length >= 4, `${list.length} groups`);
    const parked = list.filter((g) => g.parked);
    assert.ok(parked.length >= list.length - 2, `${parked.length} of ${list.length} groups parked`);
    for (const g of parked) {
      assert.equal(g.children, 0, 'a parked group is empty');
      const kept = Number(/height: ([\d.]+)px/.exec(g.style ?? '')?.[1]);
      assert.ok(g.height > 1000 && Math.abs(kept - g.height) < 0.1, `it keeps its height (${g.height}px, style ${g.style})`);
    }
    assert.equal(list.at(-1)?.parked, false, 'the group being read stays');
    const inDom = await answerElements(view);
    const whole = await readAnswer(view, 'a');
    assert.ok(inDom * 3 < whole.elements, `bounded: ${inDom} of the answer's ${whole.elements} elements in the DOM`);
    assert.ok(whole.text.length > ANSWER.length * 0.8, 'every group comes back with its text');
  });

  it('brings a parked group back unchanged, without moving what is on screen', async () => {
    await streamLong(view, 'a');
    // The same answer rendered in one go, for reference (a finished answer is parked the same way).
    const reference = await readAnswer(view, 'a');
    // Scroll a little above the second group's top and note where the text on screen is.
    const before = await view.page.evaluate(() => {
      const s = document.querySelector('.messages') as HTMLElement;
      const second = document.querySelectorAll<HTMLElement>('.answer > .md-group')[1] as HTMLElement;
      s.scrollTop += second.getBoundingClientRect().top - s.getBoundingClientRect().top - 200;
      return { top: s.scrollTop, height: s.scrollHeight };
    });
    await view.frames(4);
    const list = await groups(view);
    assert.equal(list[1]?.parked, false, 'the group in view is in the DOM');
    assert.equal(list[0]?.parked, false, 'and so is the one just above it');
    const after = await scroller(view).evaluate((s) => ({ top: s.scrollTop, height: s.scrollHeight }));
    assert.ok(Math.abs(after.height - before.height) <= 2, `total height kept (${before.height} -> ${after.height})`);
    assert.ok(Math.abs(after.top - before.top) <= 2, 'the view did not jump');
    const again = await readAnswer(view, 'a');
    assert.equal(again.html, reference.html, 'the same DOM after parking and unparking again');
  });

  it('does not park a group that holds the selection', async () => {
    await view.post({ type: 'turnAdded', turn: { id: 'a', role: 'assistant', text: '', status: 'streaming' } });
    await view.post({ type: 'turnDelta', turnId: 'a', text: ANSWER.slice(0, 40_000) });
    await view.frames(4);
    // The first group may be parked already (the list follows the end): scroll to it first.
    await view.page.evaluate(() => document.querySelector('.answer > .md-group')?.scrollIntoView());
    await view.frames(4);
    await view.page.evaluate(() => getSelection()?.selectAllChildren(document.querySelector('.answer > .md-group:first-child p') as HTMLElement));
    await view.frames(2);
    await view.post({ type: 'turnDelta', turnId: 'a', text: ANSWER.slice(40_000) }, { type: 'turnEnd', turnId: 'a', status: 'done' });
    await scroller(view).evaluate((s) => (s.scrollTop = s.scrollHeight));
    await view.frames(4);
    const list = await groups(view);
    assert.equal(list[0]?.parked, false, 'the selected group stays');
    assert.ok(list.slice(1, -1).some((g) => g.parked), 'others are parked');
    assert.ok((await view.page.evaluate(() => getSelection()?.toString().length ?? 0)) > 10, 'the selection is intact');
  });
});
