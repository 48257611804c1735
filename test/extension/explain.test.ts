import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { FakeXaiServer } from '../fakeXai/server';
import { useFakeXai, withoutKey } from './helpers';

interface EditorCommandResult {
  ok: boolean;
  message?: string;
}

const SOURCE = ['import { x } from "./x";', '', 'export function area(r: number): number {', '  const pi = 3.14159;', '  return pi * r * r;', '}', '', 'export const answer = 42;', ''].join('\n');

async function openSource(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: SOURCE });
  return vscode.window.showTextDocument(doc);
}

function lastUserText(fake: FakeXaiServer): string {
  const body = fake.requests.at(-1)?.body as { messages?: { role: string; content: unknown }[]; input?: { role: string; content: unknown }[] };
  const msgs = body.messages ?? body.input ?? [];
  return JSON.stringify(msgs.filter((m) => m.role === 'user').at(-1)?.content);
}

describe('Explain Selection', () => {
  const server = useFakeXai();
  const fake = () => server.get();

  after(async () => {
    // Untitled documents would ask to be saved; revert them instead.
    while (vscode.window.activeTextEditor) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('sends the selection with its language and lines, and streams the answer', async () => {
    const editor = await openSource();
    editor.selection = new vscode.Selection(3, 0, 4, 20);
    const result = await vscode.commands.executeCommand<EditorCommandResult>('grok.explainSelection');
    assert.equal(result.ok, true, result.message);
    const sent = lastUserText(fake());
    assert.match(sent, /const pi = 3\.14159;/);
    assert.match(sent, /typescript, lines 4-5/);
    assert.doesNotMatch(sent, /export const answer/, 'only the selection is sent');
  });

  it('explains the enclosing function when nothing is selected', async () => {
    const editor = await openSource();
    editor.selection = new vscode.Selection(4, 3, 4, 3);
    const result = await vscode.commands.executeCommand<EditorCommandResult>('grok.explainSelection');
    assert.equal(result.ok, true, result.message);
    const sent = lastUserText(fake());
    assert.match(sent, /export function area/);
    assert.match(sent, /return pi \* r \* r;\\n}/);
  });

  it('says what it needs when there is no selection and no enclosing block', async () => {
    const editor = await openSource();
    editor.selection = new vscode.Selection(7, 0, 7, 0);
    const result = await vscode.commands.executeCommand<EditorCommandResult>('grok.explainSelection');
    assert.equal(result.ok, false);
    assert.match(result.message ?? '', /Select the code to explain, or put the cursor inside a function or block/);
    assert.equal(fake().requests.length, 0, 'nothing was sent');
  });

  it('with no key set, says so instead of sending', async () => {
    await withoutKey(fake(), async () => {
      const editor = await openSource();
      editor.selection = new vscode.Selection(3, 0, 4, 20);
      const result = await vscode.commands.executeCommand<EditorCommandResult>('grok.explainSelection');
      assert.equal(result.ok, false);
      assert.match(result.message ?? '', /key/i);
    });
  });
});
