import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { EditCardView } from '../../src/shared/protocol';
import { activateExtension, useFakeXai } from './helpers';

interface ApplyResult {
  applied: boolean;
  message: string;
}

const ORIGINAL = 'export function add(a: number, b: number): number {\r\n  return a - b;\r\n}\r\n\r\nexport const twice = (x: number) => x * 2;\r\n';

function workspaceFile(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a workspace folder open');
  return vscode.Uri.joinPath(folder.uri, path);
}

/**
 * Writes a file on disk, as another program would, and waits until a loaded document of it shows
 * the new text (VS Code picks up disk changes asynchronously).
 */
async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  for (let i = 0; doc && doc.getText() !== text && i < 100; i++) await new Promise((r) => setTimeout(r, 50));
  if (doc) assert.equal(doc.getText(), text, 'the loaded document caught up with the disk');
}

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('Structured edits from a propose_edits tool call', () => {
  const server = useFakeXai();
  const math = () => workspaceFile('src/math.ts');

  async function proposal(): Promise<EditCardView> {
    const api = await activateExtension();
    await api.sendChatMessage('[scenario:tool-call] add() is wrong, fix it');
    const turn = api.lastTurn();
    assert.equal(turn?.status, 'done', turn?.error?.message);
    const card = turn?.edits?.[0];
    assert.ok(card, 'the answer carries an edit card');
    return card;
  }

  after(async () => {
    await vscode.workspace.fs.delete(workspaceFile('src'), { recursive: true }).then(undefined, () => undefined);
  });

  beforeEach(async () => {
    await write(math(), ORIGINAL);
  });

  it('previews, applies in one undo step, and undo restores the exact original', async () => {
    const card = await proposal();
    assert.equal(card.status, 'proposed');
    assert.deepEqual(card.files, [{ path: 'src/math.ts', added: 1, removed: 1, refused: [] }]);
    assert.equal(await read(math()), ORIGINAL, 'nothing is written by proposing');

    const api = await activateExtension();
    assert.equal(await vscode.commands.executeCommand('grok.previewEdits', card.id), true);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(tab instanceof vscode.TabInputTextDiff, 'the preview is a diff');
    assert.equal(tab.modified.scheme, 'grok-edit');
    const proposed = await vscode.workspace.openTextDocument(tab.modified);
    assert.equal(proposed.getText(), ORIGINAL.replace('return a - b;', 'return a + b;'));
    assert.equal(await vscode.commands.executeCommand('grok.chooseHunks', 'no-such-session'), undefined);
    const result = await vscode.commands.executeCommand<ApplyResult>('grok.acceptEdits', card.id);
    assert.equal(result.applied, true, result.message);
    const expected = ORIGINAL.replace('return a - b;', 'return a + b;');
    assert.equal(await read(math()), expected, 'applied, saved, CRLF kept');
    assert.equal(api.lastTurn()?.edits?.[0]?.status, 'applied');
    const previews = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff);
    assert.equal(previews.length, 0, 'the preview closed after Accept');

    const editor = await vscode.window.showTextDocument(math());
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), ORIGINAL, 'one undo restores the original exactly');
    await editor.document.save();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('tells the model the result on the next turn', async () => {
    const card = await proposal();
    await vscode.commands.executeCommand('grok.acceptEdits', card.id);
    const api = await activateExtension();
    await api.sendChatMessage('thanks');
    const body = JSON.stringify(server.get().requests.at(-1)?.body);
    assert.match(body, /applied 1 edit to src\/math\.ts/i);
  });

  it('refuses an ambiguous edit with its reason and changes no file', async () => {
    const twin = `${ORIGINAL}\r\nexport function sub(a: number, b: number): number {\r\n  return a - b;\r\n}\r\n`;
    await write(math(), twin);
    const card = await proposal();
    assert.match(card.files[0]?.refused.join(' ') ?? '', /ambiguous.*2 places/i);
    const result = await vscode.commands.executeCommand<ApplyResult>('grok.acceptEdits', card.id);
    assert.equal(result.applied, false);
    assert.equal(await read(math()), twin, 'no file changed');
  });

  it('refuses a stale edit when the file changed after the preview, changing nothing', async () => {
    const card = await proposal();
    const changed = ORIGINAL.replace('return a - b;', 'return b - a; // changed by the user');
    await write(math(), changed);
    const result = await vscode.commands.executeCommand<ApplyResult>('grok.acceptEdits', card.id);
    assert.equal(result.applied, false);
    assert.match(result.message, /changed since the preview/);
    assert.equal(await read(math()), changed, 'no file changed');
  });

  it('Reject leaves the file byte-identical and reports it', async () => {
    const card = await proposal();
    await vscode.commands.executeCommand('grok.rejectEdits', card.id);
    assert.equal(await read(math()), ORIGINAL);
    const api = await activateExtension();
    assert.equal(api.lastTurn()?.edits?.[0]?.status, 'rejected');
  });
});
