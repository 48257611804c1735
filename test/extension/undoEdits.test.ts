import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { cardFor, read, withAnswer, workspaceFile } from './cards';
import { activateExtension, useFakeXai } from './helpers';

const BEFORE = '{\n  "name": "before"\n}\n';
const AFTER = '{\n  "name": "after"\n}\n';
const CREATED = '{\n  "created": true\n}\n';

const exists = (uri: vscode.Uri) => vscode.workspace.fs.stat(uri).then(() => true, () => false);

describe('Undo on an applied edit card', () => {
  useFakeXai();
  const changed = () => workspaceFile('undo/changed.json');
  const created = () => workspaceFile('undo/created.json');

  beforeEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceFile('undo'), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.writeFile(changed(), new TextEncoder().encode(BEFORE));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceFile('undo'), { recursive: true }).then(undefined, () => undefined);
  });

  it('puts back the changed file byte for byte and deletes the created one, in one step; the card says so', async () => {
    const api = await activateExtension();
    const card = await cardFor('undo/changed.json', AFTER, { 'undo/created.json': CREATED });
    await api.fromChatView({ type: 'applyEdits', cardId: card.id });
    assert.equal(api.lastTurn()?.edits?.[0]?.status, 'applied', api.lastTurn()?.edits?.[0]?.message);
    assert.equal(await read(changed()), AFTER);
    assert.equal(await read(created()), CREATED);

    const undo = await withAnswer(undefined, () => api.fromChatView({ type: 'undoEdits', cardId: card.id }));
    assert.deepEqual(undo.shown, [], 'nothing changed since the edit: Undo asks nothing');
    assert.equal(await read(changed()), BEFORE);
    assert.equal(await exists(created()), false, 'the file the edit created is gone');
    const after = api.lastTurn()?.edits?.[0];
    assert.equal(after?.status, 'undone');
    assert.match(after?.message ?? '', /Undid Grok's edit of undo\/changed\.json, undo\/created\.json/);
  });

  it('asks first when the user changed a file after the edit; Cancel changes nothing, Undo Anyway restores', async () => {
    const api = await activateExtension();
    const card = await cardFor('undo/changed.json', AFTER);
    await api.fromChatView({ type: 'applyEdits', cardId: card.id });
    assert.equal(await read(changed()), AFTER);
    const doc = await vscode.workspace.openTextDocument(changed());
    const userEdit = new vscode.WorkspaceEdit();
    userEdit.insert(changed(), doc.positionAt(0), '// mine\n');
    await vscode.workspace.applyEdit(userEdit);
    await doc.save();

    const cancel = await withAnswer(undefined, () => api.fromChatView({ type: 'undoEdits', cardId: card.id }));
    assert.equal(cancel.shown.length, 1);
    assert.ok(cancel.shown[0]?.modal);
    assert.match(cancel.shown[0]?.message ?? '', /undo\/changed\.json changed after it was applied/);
    assert.equal(await read(changed()), `// mine\n${AFTER}`, 'Cancel changed nothing');
    assert.equal(api.lastTurn()?.edits?.[0]?.status, 'applied', 'the card can still undo');

    await withAnswer('Undo Anyway', () => api.fromChatView({ type: 'undoEdits', cardId: card.id }));
    assert.equal(await read(changed()), BEFORE);
    assert.equal(api.lastTurn()?.edits?.[0]?.status, 'undone');
  });
});
