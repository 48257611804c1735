/**
 * Agent mode in the real workbench (code-server) against the fake xAI server: a scripted task that
 * lists, searches, reads, proposes an edit (previewed, then applied from its card) and answers;
 * Deny on a read outside the workspace goes back to the model; the step limit; Stop while a step
 * waits; an invalid argument reaching the model as an error.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Locator } from 'playwright-core';
import { agentWorkbench, ask, screenshot } from './workbench';

const ORIGINAL = 'export function add(a: number, b: number): number {\n  return a - b;\n}\n';

/** The answer's text once its turn ended (the footer shows during an agent task already, so wait for the streaming line to go). */
async function ended(answer: Locator): Promise<string> {
  await answer.locator('.turn-streaming').waitFor({ state: 'detached', timeout: 60_000 });
  return answer.locator('.markdown.answer').innerText();
}

describe('Agent mode in the real workbench (fake xAI server)', function () {
  const parts = agentWorkbench({ 'grok.agent.maxSteps': 5 }, (workspace) => {
    mkdirSync(join(workspace, 'src'), { recursive: true });
    writeFileSync(join(workspace, 'src/math.ts'), ORIGINAL);
    writeFileSync(join(workspace, 'README.md'), '# Demo\n');
    writeFileSync(join(workspace, 'AGENTS.md'), 'Project rule: keep answers short.\n');
    writeFileSync(join(dirname(workspace), 'outside.txt'), 'outside the workspace\n');
  });

  it('lists, searches, reads, proposes an edit that previews and applies, and answers; each step is a card', async () => {
    const answer = await ask(parts.frame, '[scenario:agent-task] add() is wrong, fix it');
    const card = answer.locator('.edit-card');
    await card.waitFor({ timeout: 60_000 });
    // The preview opened by itself; nothing is written before Apply.
    await parts.wb.page.locator('.editor-actions [aria-label^="Accept Proposed Edits"]').first().waitFor({ timeout: 20_000 });
    assert.equal(readFileSync(join(parts.wb.server.workspace, 'src/math.ts'), 'utf8'), ORIGINAL);
    assert.deepEqual(await answer.locator('.tool-card-name').allInnerTexts(), ['list_files', 'search_text', 'read_file', 'propose_edits']);
    await card.locator('button[aria-label="Apply edits"]').click();
    const text = await ended(answer);
    assert.match(text, /Fixed add\(\) in src\/math\.ts\. Edit result: applied 1 edit to src\/math\.ts/);
    assert.match(readFileSync(join(parts.wb.server.workspace, 'src/math.ts'), 'utf8'), /return a \+ b;/);
    assert.equal(await answer.locator('.tool-card-done').count(), 4);
    assert.match(await answer.locator('.tool-card-arg').nth(1).innerText(), /a - b/);
    assert.match(await answer.locator('.turn-footer').innerText(), /^5 steps/);
    const sent = parts.fake.requests.filter((r) => r.method === 'POST');
    assert.equal(sent.length, 5);
    assert.ok((sent[3]!.body!.messages ?? []).some((m) => m.role === 'tool' && String(m.content).includes('1: export function add')), 'the read went back as a tool result');
    await answer.locator('.tool-card summary').nth(2).click();
    await answer.locator('.tool-card-result').waitFor();
    await answer.scrollIntoViewIfNeeded();
    await screenshot(parts.wb.page, 'agent-task-cards-dark');
  });

  it('a read outside the workspace asks; Deny goes back to the model and the task continues', async () => {
    parts.fake.reset();
    const answer = await ask(parts.frame, '[scenario:agent-outside] read the file next to the workspace');
    const approval = answer.locator('.tool-card-waiting');
    await approval.waitFor({ timeout: 30_000 });
    assert.match(await approval.innerText(), /outside the workspace/);
    await screenshot(parts.wb.page, 'agent-approval-dark');
    await approval.getByRole('button', { name: 'Deny', exact: true }).click();
    assert.match(await ended(answer), /^Outside read: Denied by the user\./);
    assert.equal(await answer.locator('.tool-card-denied').count(), 1);
  });

  it('Allow on the same question runs the read', async () => {
    const answer = await ask(parts.frame, '[scenario:agent-outside] read it now');
    const approval = answer.locator('.tool-card-waiting');
    await approval.waitFor({ timeout: 30_000 });
    await approval.getByRole('button', { name: 'Allow', exact: true }).click();
    assert.match(await ended(answer), /Outside read: \.\.\/outside\.txt \(1 lines\)\s+1: outside the workspace/);
  });

  it('Stop while a step waits ends the task at once', async () => {
    const answer = await ask(parts.frame, '[scenario:agent-outside] and again');
    await answer.locator('.tool-card-waiting').waitFor({ timeout: 30_000 });
    const before = parts.fake.requests.filter((r) => r.method === 'POST').length;
    const started = Date.now();
    await parts.frame.getByRole('button', { name: 'Stop', exact: true }).click();
    await answer.locator('.turn-stopped').waitFor({ timeout: 5_000 });
    assert.ok(Date.now() - started < 5_000);
    assert.equal(await answer.locator('.tool-card-failed').count(), 1);
    assert.equal(parts.fake.requests.filter((r) => r.method === 'POST').length, before, 'no model call after Stop');
  });

  it('the step limit stops a looping model with a message', async () => {
    const answer = await ask(parts.frame, '[scenario:agent-steps] keep going');
    await answer.locator('.turn-error').waitFor({ timeout: 60_000 });
    assert.match(await answer.locator('.turn-error').innerText(), /Stopped after 5 steps in one answer \(grok\.agent\.maxSteps\)/);
  });

  it('an invalid tool argument reaches the model as an error', async () => {
    const answer = await ask(parts.frame, '[scenario:agent-invalid] read something');
    assert.match(await ended(answer), /^The tool said: Error: invalid arguments for read_file: path: /);
    assert.equal(await answer.locator('.tool-card-failed').count(), 1);
  });

  it('AGENTS.md goes into the system prompt, shown as a chip that removes it for the conversation', async () => {
    const chip = parts.frame.locator('.composer .chip', { hasText: 'Rules: AGENTS.md' });
    await chip.waitFor({ timeout: 15_000 });
    parts.fake.reset();
    await ended(await ask(parts.frame, '[scenario:echo] hello'));
    const system = () => String(parts.fake.requests.filter((r) => r.method === 'POST').at(-1)!.body!.messages![0]!.content);
    assert.match(system(), /<project_rules>\n## AGENTS\.md\nProject rule: keep answers short\./);
    await chip.getByRole('button', { name: 'Remove Rules: AGENTS.md' }).click();
    await chip.waitFor({ state: 'detached', timeout: 10_000 });
    await ended(await ask(parts.frame, '[scenario:echo] again'));
    assert.ok(!system().includes('project_rules'), 'removed for this conversation');
  });
});
