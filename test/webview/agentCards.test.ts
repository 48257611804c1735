/**
 * Agent mode in the real bundle: tool cards (untrusted text stays text, a collapsed card holds no
 * result), the approval card (Allow / Deny / Allow for this task, reachable by keyboard, posting
 * `approveTool`), the footer's steps, and the composer's Chat / Agent switch.
 */
import { strict as assert } from 'node:assert';
import type { HostMessage, ToolCardView } from '../../src/shared/protocol';
import { screenshot } from '../ui/workbench';
import { openWebview, useBrowser, viewState, type Webview } from './harness';

const cards: ToolCardView[] = [
  { id: 'a1/c1', tool: 'list_files', arg: '.', status: 'done', durationMs: 14, result: 'README.md\nsrc/math.ts' },
  { id: 'a1/c2', tool: 'search_text', arg: '<img src=x onerror="window.pwned=1">', status: 'done', durationMs: 31, result: 'src/math.ts:2: return a - b; <script>window.pwned=2</script>' },
  { id: 'a1/c3', tool: 'read_file', arg: '../secrets.txt', status: 'waiting', question: '../secrets.txt resolves outside the workspace (/work/secrets.txt).' },
];

function conversation(): HostMessage {
  return {
    type: 'conversation',
    conversation: {
      id: 'c',
      title: 'Agent',
      turns: [
        { id: 'u1', role: 'user', text: 'Fix add()', status: 'done' },
        { id: 'a1', role: 'assistant', text: 'Looking around first.', status: 'streaming', toolCards: cards, steps: 3 },
      ],
    },
  };
}

describe('agent tool cards and the mode switch', function () {
  const browser = useBrowser();
  let view: Webview;
  afterEach(async () => {
    assert.deepEqual(view.errors, []);
    await view.close();
  });

  it('shows each step as a card; results stay out of the DOM until opened and render as text', async () => {
    view = await openWebview(browser());
    await view.post(viewState(), conversation());
    const turn = view.page.locator('article[data-turn-id="a1"]');
    await turn.locator('.tool-card').nth(2).waitFor();
    assert.deepEqual(await turn.locator('.tool-card-name').allInnerTexts(), ['list_files', 'search_text', 'read_file']);
    assert.equal(await turn.locator('.tool-card-arg').nth(1).innerText(), '<img src=x onerror="window.pwned=1">');
    assert.equal(await turn.locator('.tool-card-result').count(), 0, 'collapsed cards hold no result');
    await turn.locator('.tool-card summary').nth(1).click();
    assert.equal(await turn.locator('.tool-card-result').innerText(), 'src/math.ts:2: return a - b; <script>window.pwned=2</script>');
    assert.equal(await turn.locator('img, script').count(), 0);
    assert.equal(await view.page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    await turn.locator('.tool-card summary').nth(1).click();
    // Closing drops the result again (on the details' toggle event).
    await turn.locator('.tool-card-result').waitFor({ state: 'detached' });
  });

  it('the approval card is reachable by keyboard and posts the decision; updates replace the card', async () => {
    view = await openWebview(browser());
    await view.post(viewState(), conversation());
    const turn = view.page.locator('article[data-turn-id="a1"]');
    const approval = turn.locator('.tool-card-waiting');
    await approval.waitFor();
    assert.match(await approval.innerText(), /resolves outside the workspace/);
    assert.deepEqual(await approval.getByRole('button').allInnerTexts(), ['Allow', 'Deny', 'Allow for this task']);
    await approval.getByRole('button', { name: 'Allow', exact: true }).focus();
    await view.page.keyboard.press('Tab');
    await view.page.keyboard.press('Enter');
    const posted = (await view.posted()).filter((m) => m.type === 'approveTool');
    assert.deepEqual(posted, [{ type: 'approveTool', cardId: 'a1/c3', decision: 'deny' }]);
    await view.post({ type: 'toolCard', turnId: 'a1', card: { ...cards[2]!, status: 'denied', question: undefined, durationMs: 900, result: 'Denied by the user.' } });
    await turn.locator('.tool-card-denied').waitFor();
    assert.equal(await turn.locator('.tool-card-waiting').count(), 0);
  });

  it('the footer shows the task’s steps, tokens and cost as it runs', async () => {
    view = await openWebview(browser());
    await view.post(viewState(), conversation());
    const usage = { model: 'grok-4.3', promptTokens: 1_200, completionTokens: 80, reasoningTokens: 0, cachedTokens: 0, totalTokens: 1_280, costUsd: 0.0017 };
    await view.post({ type: 'turnProgress', turnId: 'a1', steps: 4, usage });
    const footer = view.page.locator('article[data-turn-id="a1"] .turn-footer');
    await footer.waitFor();
    assert.match(await footer.innerText(), /^4 steps\s*·\s*grok-4\.3\s*·\s*1\.2k in/);
  });

  it('the mode switch shows the mode and posts setMode', async () => {
    view = await openWebview(browser());
    await view.post(viewState({ mode: 'chat' }), conversation());
    const agent = view.page.getByRole('button', { name: 'Agent', exact: true });
    assert.equal(await agent.getAttribute('aria-pressed'), 'false');
    await agent.click();
    assert.deepEqual((await view.posted()).filter((m) => m.type === 'setMode'), [{ type: 'setMode', mode: 'agent' }]);
    await view.post(viewState({ mode: 'agent' }));
    assert.equal(await agent.getAttribute('aria-pressed'), 'true');
    assert.equal(await view.page.getByRole('button', { name: 'Chat', exact: true }).getAttribute('aria-pressed'), 'false');
    await view.page.locator('article[data-turn-id="a1"] .tool-card summary').first().click();
    await view.frames(2);
    await screenshot(view.page, 'webview-agent-cards-dark');
  });
  it('a command card: the approval shows command, folder and the part that asks; output shows while it runs; Undo Task posts', async () => {
    view = await openWebview(browser());
    await view.post(viewState(), conversation());
    const turn = view.page.locator('article[data-turn-id="a1"]');
    const command = 'echo <b>hi</b> && rm -rf build';
    const asking: ToolCardView = {
      id: 'a1/c4',
      tool: 'run_command',
      arg: command,
      status: 'waiting',
      question: '`rm -rf build` (one part of the line) deletes files recursively. This always asks.',
      details: [
        { label: 'Command', value: command },
        { label: 'Folder', value: '.' },
        { label: 'Asks because of', value: 'rm -rf build' },
      ],
      noTaskGrant: true,
    };
    await view.post({ type: 'toolCard', turnId: 'a1', card: asking });
    const approval = turn.locator('.tool-card-waiting[data-card-id="a1/c4"]');
    await approval.waitFor();
    assert.deepEqual(await approval.locator('.tool-card-details dt').allInnerTexts(), ['Command', 'Folder', 'Asks because of']);
    assert.equal(await approval.locator('.tool-card-details dd').first().innerText(), command, 'untrusted text stays text');
    assert.equal(await approval.locator('b').count(), 0);
    assert.deepEqual(await approval.getByRole('button').allInnerTexts(), ['Allow', 'Deny'], 'no task grant for a dangerous command');
    // Running: the output so far shows without a click.
    await view.post({ type: 'toolCard', turnId: 'a1', card: { id: 'a1/c4', tool: 'run_command', arg: command, status: 'running', result: 'hi\n' } });
    await turn.locator('.tool-card-running[data-card-id="a1/c4"] .tool-card-result').waitFor();
    // The user closes it: later updates keep it closed.
    await turn.locator('.tool-card-running[data-card-id="a1/c4"] summary').click();
    await view.post({ type: 'toolCard', turnId: 'a1', card: { id: 'a1/c4', tool: 'run_command', arg: command, status: 'failed', result: 'Exit code 1 (ran in .).\nhi' } });
    await turn.locator('.tool-card-failed[data-card-id="a1/c4"]').waitFor();
    assert.equal(await turn.locator('.tool-card-failed[data-card-id="a1/c4"] .tool-card-result').count(), 0);

    await view.post({ type: 'taskUndo', turnId: 'a1', undo: { files: 3 } });
    assert.equal(await turn.getByRole('button', { name: 'Undo Task' }).count(), 0, 'not while the task runs');
    await view.post({ type: 'turnEnd', turnId: 'a1', status: 'done', text: 'Done.' });
    const undo = turn.getByRole('button', { name: 'Undo Task' });
    await undo.waitFor();
    assert.match(await turn.locator('.task-undo').innerText(), /3 files changed/);
    await undo.click();
    assert.deepEqual((await view.posted()).filter((m) => m.type === 'undoTask'), [{ type: 'undoTask', turnId: 'a1' }]);
    await view.post({ type: 'taskUndo', turnId: 'a1', undo: { files: 3, undone: true } });
    await turn.locator('.task-undone', { hasText: 'Task undone: 3 files put back.' }).waitFor();
    assert.equal(await undo.count(), 0);
  });
});
