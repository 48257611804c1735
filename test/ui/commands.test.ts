/**
 * Agent commands and Undo Task in the real workbench (code-server) against the fake xAI server:
 * `node -e` commands that print and exit non-zero (output and exit code reach the model and the
 * card), a chained command whose second part is dangerous asks even on auto, Stop kills a running
 * command (its process is gone), a timeout ends one; a task that edits two files, creates one and
 * deletes one is undone in one step byte for byte, and asks first once the user changed one.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { alive } from '../../src/vscode/agent/killTree';
import { agentWorkbench, ask, screenshot } from './workbench';

/** The answer's text once its turn ended. */
async function ended(answer: Locator, timeout = 90_000): Promise<string> {
  await answer.locator('.turn-streaming').waitFor({ state: 'detached', timeout });
  return answer.locator('.markdown.answer').innerText();
}

async function gone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

/** The pid the `slow` command printed, read from its running card's live output. */
async function printedPid(answer: Locator): Promise<number> {
  const result = answer.locator('.tool-card-running .tool-card-result');
  await result.waitFor({ timeout: 60_000 });
  for (let i = 0; i < 100; i++) {
    const match = /pid=(\d+)/.exec(await result.innerText().catch(() => ''));
    if (match) return Number(match[1]);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the running card never showed the pid');
}

/** Clicks `button` in the modal dialog once it shows `text`. */
async function answerDialog(page: Page, text: RegExp, button: string): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box', { hasText: text });
  await dialog.waitFor({ timeout: 20_000 });
  const shown = await dialog.innerText();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  return shown;
}

describe('Agent commands in the real workbench (fake xAI server)', function () {
  const parts = agentWorkbench({ 'grok.agent.commands': 'auto' });

  it('node -e commands that print and exit non-zero: output and exit code reach the model and the card', async () => {
    const answer = await ask(parts.frame, '[scenario:agent-commands] run the tests');
    const text = await ended(answer);
    // The model got both results (quoted back by the scripted answer).
    assert.match(text, /Exit code 3 \(ran in \.\)\.\s+build output line\s+error: 2 tests failed/);
    assert.match(text, /Exit code 0 \(ran in \.\)\.\s+all 12 tests passed/);
    const failed = answer.locator('.tool-card-failed');
    assert.equal(await failed.count(), 1);
    assert.equal(await answer.locator('.tool-card-done').count(), 1);
    // The failed command's output shows on its card without a click, the same text the model got.
    const shown = await failed.locator('.tool-card-result').innerText();
    assert.match(shown, /^Exit code 3 \(ran in \.\)\.\nbuild output line\nerror: 2 tests failed/);
    const sent = parts.fake.requests.filter((r) => r.method === 'POST')[1]!.body!.messages!.filter((m) => m.role === 'tool').map((m) => String(m.content));
    assert.equal(sent[0], shown.trim());
    // They ran in a terminal named for the task, through shell integration (bash), where the user watches.
    await parts.wb.page.locator('.part.panel', { hasText: 'Grok: run the tests' }).waitFor({ timeout: 10_000 });
    await answer.scrollIntoViewIfNeeded();
    await screenshot(parts.wb.page, 'agent-command-cards-dark');
  });

  it('a chained command whose second part is dangerous asks even on auto, naming that part', async () => {
    const answer = await ask(parts.frame, '[scenario:agent-command cmd=chained] clean the build');
    const approval = answer.locator('.tool-card-waiting');
    await approval.waitFor({ timeout: 30_000 });
    const details = await approval.locator('.tool-card-details').innerText();
    assert.match(details, /Command\s+echo cleaning && rm -rf build/);
    assert.match(details, /Folder\s+\./);
    assert.match(details, /Asks because of\s+rm -rf build/);
    assert.match(await approval.locator('.tool-card-question').innerText(), /This always asks\./);
    assert.equal(await approval.getByRole('button', { name: 'Allow for this task' }).count(), 0, 'a dangerous command is never granted for the task');
    await screenshot(parts.wb.page, 'agent-command-approval-dark');
    await approval.getByRole('button', { name: 'Deny', exact: true }).click();
    assert.match(await ended(answer), /^Command result: Denied by the user\./);
  });

  it('Stop kills a running command: its process is gone', async () => {
    const answer = await ask(parts.frame, '[scenario:agent-command cmd=slow] start the server');
    const pid = await printedPid(answer);
    assert.ok(alive(pid), 'the command runs');
    await parts.frame.getByRole('button', { name: 'Stop', exact: true }).click();
    await answer.locator('.turn-stopped').waitFor({ timeout: 10_000 });
    assert.ok(await gone(pid, 10_000), `process ${pid} still runs after Stop`);
  });

  it('a timeout ends a command and says so to the model', async () => {
    const answer = await ask(parts.frame, '[scenario:agent-command cmd=slow timeout=3] start it again');
    const pid = await printedPid(answer);
    const text = await ended(answer, 60_000);
    assert.match(text, /^Command result: Timed out after 3 s and was ended \(ran in \.\)\.\s+pid=\d+/);
    assert.ok(await gone(pid, 10_000), `process ${pid} still runs after the timeout`);
    assert.equal(await answer.locator('.tool-card-failed').count(), 1);
  });
});

const ONE = 'export const one = 1;\r\n';
const TWO = 'export const two = 2;\n';
const OLD = Buffer.from([0x6f, 0x6c, 0x64, 0x00, 0xff, 0x0a]);

describe('Undo Task in the real workbench (fake xAI server)', function () {
  const at = (rel: string) => join(parts.wb.server.workspace, rel);
  const seed = (workspace: string) => {
    mkdirSync(join(workspace, 'src'), { recursive: true });
    writeFileSync(join(workspace, 'src/one.ts'), ONE);
    writeFileSync(join(workspace, 'src/two.ts'), TWO);
    writeFileSync(join(workspace, 'old.txt'), OLD);
  };
  const assertAsBefore = () => {
    assert.equal(readFileSync(at('src/one.ts'), 'utf8'), ONE);
    assert.equal(readFileSync(at('src/two.ts'), 'utf8'), TWO);
    assert.deepEqual(readFileSync(at('old.txt')), OLD);
    assert.equal(existsSync(at('src/three.ts')), false, 'the created file is gone');
  };
  const parts = agentWorkbench({ 'grok.agent.commands': 'auto', 'grok.agent.approveEdits': 'auto' }, seed);

  /** Runs the scripted task (edits applied without a preview, the command on auto) and checks what it did. */
  async function runTask(): Promise<Locator> {
    const answer = await ask(parts.frame, '[scenario:agent-undo-task] bump the constants and drop old.txt');
    assert.match(await ended(answer), /^Done: edited two files, created one, deleted old\.txt\./);
    assert.equal(readFileSync(at('src/one.ts'), 'utf8'), 'export const one = 11;\r\n');
    assert.equal(readFileSync(at('src/two.ts'), 'utf8'), 'export const two = 22;\n');
    assert.equal(readFileSync(at('src/three.ts'), 'utf8'), 'export const three = 3;\n');
    assert.equal(existsSync(at('old.txt')), false);
    await answer.getByRole('button', { name: 'Undo Task' }).waitFor({ timeout: 15_000 });
    assert.match(await answer.locator('.task-undo').innerText(), /4 files changed/);
    return answer;
  }


  it('a task that edits two files, creates one and deletes one is undone in one step, byte for byte', async () => {
    const answer = await runTask();
    await answer.scrollIntoViewIfNeeded();
    await screenshot(parts.wb.page, 'agent-undo-task-button-dark');
    await answer.getByRole('button', { name: 'Undo Task' }).click();
    const shown = await answerDialog(parts.wb.page, /Undo this task\?/, 'Files');
    assert.match(shown, /src\/one\.ts \(changed\)/);
    assert.match(shown, /src\/three\.ts \(created\)/);
    assert.match(shown, /old\.txt \(deleted\)/);
    await answer.locator('.task-undone').waitFor({ timeout: 15_000 });
    assertAsBefore();
    assert.match(await answer.locator('.task-undone').innerText(), /Task undone: 4 files put back\./);
    assert.equal(await parts.frame.locator('article.turn-assistant').count(), 1, 'Files leaves the conversation as it is');
  });

  it('after the user changes one of its files, Undo Task asks first; Both also takes the chat back', async () => {
    const answer = await runTask();
    writeFileSync(at('src/two.ts'), 'export const two = 22; // changed by the user\n');
    await answer.getByRole('button', { name: 'Undo Task' }).click();
    await answerDialog(parts.wb.page, /Undo this task\?/, 'Both');
    const asked = await answerDialog(parts.wb.page, /You changed a file after the task did/, 'Cancel');
    assert.match(asked, /src\/two\.ts/);
    assert.equal(readFileSync(at('src/two.ts'), 'utf8'), 'export const two = 22; // changed by the user\n', 'Cancel changed nothing');
    assert.equal(readFileSync(at('src/three.ts'), 'utf8'), 'export const three = 3;\n');

    await answer.getByRole('button', { name: 'Undo Task' }).click();
    await answerDialog(parts.wb.page, /Undo this task\?/, 'Both');
    await answerDialog(parts.wb.page, /You changed a file after the task did/, 'Undo Anyway');
    await answer.waitFor({ state: 'detached', timeout: 15_000 });
    assertAsBefore();
    // The conversation is back to before the task: its request waits in the composer.
    assert.equal(await parts.frame.locator('article.turn-assistant').count(), 1);
    assert.match(await parts.frame.locator('textarea[aria-label="Message Grok"]').inputValue(), /\[scenario:agent-undo-task\] bump the constants/);
  });
});
