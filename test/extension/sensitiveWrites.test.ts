import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { cardFor, read, withAnswer, workspaceFile } from './cards';
import { activateExtension, useFakeXai } from './helpers';

interface ApplyResult {
  applied: boolean;
  message: string;
}

const ORIGINAL = '{\n  "version": "2.0.0",\n  "tasks": []\n}\n';
const PROPOSED = '{\n  "version": "2.0.0",\n  "tasks": [{ "label": "build", "type": "shell", "command": "npm run build" }]\n}\n';

function activeDiff(): vscode.TabInputTextDiff | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputTextDiff ? input : undefined;
}

describe('Sensitive writes: files that can run code are confirmed', () => {
  useFakeXai();
  const tasks = () => workspaceFile('.vscode/tasks.json');
  const plain = () => workspaceFile('notes/plain.json');

  beforeEach(async () => {
    await vscode.workspace.fs.writeFile(tasks(), new TextEncoder().encode(ORIGINAL));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [tasks(), workspaceFile('notes')]) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
  });

  it('Apply on a card for .vscode/tasks.json opens the diff and writes nothing; Accept asks, Cancel writes nothing, Write Anyway writes', async () => {
    const api = await activateExtension();
    const card = await cardFor('.vscode/tasks.json', PROPOSED);
    assert.equal(card.status, 'proposed');
    assert.match(card.files[0]?.refused.join(' ') ?? '', /VS Code tasks can run commands/, 'the card says why the file matters');

    const apply = await withAnswer('Write Anyway', () => api.fromChatView({ type: 'applyEdits', cardId: card.id }));
    assert.deepEqual(apply.shown, [], 'Apply asks nothing: it opens the diff (even a yes would not be used)');
    const diff = activeDiff();
    assert.ok(diff, 'the diff opened');
    assert.equal(diff.modified.scheme, 'grok-edit');
    assert.ok(diff.modified.path.endsWith('/.vscode/tasks.json'), diff.modified.path);
    assert.equal((await vscode.workspace.openTextDocument(diff.modified)).getText(), PROPOSED, 'the diff shows the proposal');
    assert.equal(await read(tasks()), ORIGINAL, 'Apply wrote nothing');
    assert.equal(api.lastTurn()?.edits?.[0]?.status, 'proposed');

    // Accept in the diff's title bar (no argument: the active preview): the modal answers Cancel.
    const cancel = await withAnswer(undefined, () => vscode.commands.executeCommand<ApplyResult>('grok.acceptEdits'));
    const modals = cancel.shown.filter((s) => s.modal);
    assert.equal(modals.length, 1, 'Accept asked once, as a modal');
    assert.match(modals[0]?.message ?? '', /\.vscode\/tasks\.json/, 'the modal names the file');
    assert.match(modals[0]?.message ?? '', /VS Code tasks can run commands/, 'and says why it matters');
    assert.equal(cancel.value.applied, false);
    assert.equal(await read(tasks()), ORIGINAL, 'Cancel wrote nothing');
    assert.equal(api.lastTurn()?.edits?.[0]?.status, 'proposed', 'the proposal stays open after Cancel');

    const agree = await withAnswer('Write Anyway', () => vscode.commands.executeCommand<ApplyResult>('grok.acceptEdits', card.id));
    assert.equal(agree.shown.filter((s) => s.modal).length, 1);
    assert.equal(agree.value.applied, true, agree.value.message);
    assert.equal(await read(tasks()), PROPOSED, 'written after consent');
    assert.equal(api.lastTurn()?.edits?.[0]?.status, 'applied');
  });

  it('a plain file still applies from the card in one click, asking nothing', async () => {
    const api = await activateExtension();
    const card = await cardFor('notes/plain.json', PROPOSED);
    assert.deepEqual(card.files[0]?.refused, []);
    const apply = await withAnswer(undefined, () => api.fromChatView({ type: 'applyEdits', cardId: card.id }));
    assert.deepEqual(apply.shown, []);
    assert.equal(await read(plain()), PROPOSED);
    assert.equal(api.lastTurn()?.edits?.[0]?.status, 'applied');
  });
});
