import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { openCheckpointStore } from '../../src/vscode/agent/checkpoints';

/** Each test has its own folder, so no editor or document of an earlier test is in the way. */
let folderName = '';
function file(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a workspace folder open');
  return vscode.Uri.joinPath(folder.uri, folderName, rel);
}

async function bytes(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  // As a plain Uint8Array (readFile gives a Buffer, which deepEqual would tell apart by type).
  return vscode.workspace.fs.readFile(uri).then(
    (b) => new Uint8Array(b),
    () => undefined,
  );
}

async function eventually(check: () => boolean, ms = 5000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (check()) return true;
  return check();
}

describe('Undo Task checkpoints in a real VS Code', function () {
  this.timeout(30_000);
  let storage: string;
  const original = {
    'a.ts': new TextEncoder().encode('export const a = 1;\r\n'),
    'b.bin': new Uint8Array([0, 255, 13, 10, 0xc3, 0x28]),
    'gone.md': new TextEncoder().encode('# to be deleted\n'),
  };

  let run = 0;
  beforeEach(async () => {
    folderName = `checkpoint-test-${Date.now()}-${++run}`;
    storage = await mkdtemp(join(tmpdir(), 'grok-storage-'));
    for (const [rel, b] of Object.entries(original)) await vscode.workspace.fs.writeFile(file(rel), b);
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(file(''), { recursive: true }).then(undefined, () => undefined);
    await rm(storage, { recursive: true, force: true });
  });

  /** A task that edits two files (one open in an editor, edited there and saved), creates one and deletes one. */
  async function runTask(): Promise<vscode.TextDocument> {
    const store = await openCheckpointStore(vscode.Uri.file(storage), 20);
    await store.beginTask({ taskId: 'task-1', turnId: 'turn-7' });
    const paths = ['a.ts', 'b.bin', 'new.ts', 'gone.md'].map((r) => file(r).fsPath);
    await store.recordBeforeWrite('task-1', paths);
    const doc = await vscode.workspace.openTextDocument(file('a.ts'));
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(0, 0, doc.lineCount, 0), 'export const a = 2;\n')));
    assert.ok(await doc.save(), 'the edited file was saved');
    await vscode.workspace.fs.writeFile(file('new.ts'), new TextEncoder().encode('new file\n'));
    await vscode.workspace.fs.delete(file('gone.md'));
    await vscode.workspace.fs.writeFile(file('b.bin'), new TextEncoder().encode('text'));
    assert.notDeepEqual(await bytes(file('a.ts')), original['a.ts'], 'the task changed a.ts on disk');
    await store.recordAfterWrite('task-1', paths);
    return doc;
  }

  it('undoes edits, a created and a deleted file in one step, byte for byte, from a reloaded store; the open editor shows it', async () => {
    const doc = await runTask();
    const reloaded = await openCheckpointStore(vscode.Uri.file(storage), 20);
    assert.equal(reloaded.list()[0]?.turnId, 'turn-7');
    assert.deepEqual(reloaded.list()[0]?.files.map((f) => f.change), ['modified', 'modified', 'created', 'deleted']);
    const result = await reloaded.undo('task-1');
    assert.ok(result.ok, JSON.stringify(result));
    for (const [rel, b] of Object.entries(original)) assert.deepEqual(await bytes(file(rel)), b, rel);
    assert.equal(await bytes(file('new.ts')), undefined);
    assert.ok(await eventually(() => doc.getText() === 'export const a = 1;\r\n'), `the editor reloaded: ${JSON.stringify(doc.getText())}`);
  });

  it('asks first when the user changed a file after the task, and lists it', async () => {
    await runTask();
    await vscode.workspace.fs.writeFile(file('a.ts'), new TextEncoder().encode('user edit\n'));
    const store = await openCheckpointStore(vscode.Uri.file(storage), 20);
    const result = await store.undo('task-1');
    assert.ok(!result.ok && result.reason === 'conflicts');
    assert.deepEqual(result.conflicts, [{ path: file('a.ts').fsPath, change: 'changed' }]);
    assert.equal(new TextDecoder().decode(await bytes(file('a.ts'))), 'user edit\n');
    assert.ok(await bytes(file('new.ts')), 'nothing was undone');
  });
});
