/**
 * The agent's workspace tools in a real extension host: unsaved editor text wins over the disk,
 * binary files are reported, list/search honour .gitignore and files.exclude through the ripgrep
 * VS Code ships, and problems and symbols come from VS Code's own providers.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { BUILTIN_TOOLS, parseToolArgs, type ToolContext } from '../../src/core/agent/tools';
import { VscodeWorkspaceTools } from '../../src/vscode/agent/workspaceTools';

const tools = new VscodeWorkspaceTools(async () => 'not used');
const folder = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;
const fixture = (path: string): vscode.Uri => vscode.Uri.joinPath(folder(), 'agent-fixture', path);

async function run(name: string, args: unknown): Promise<string> {
  const tool = BUILTIN_TOOLS.find((t) => t.name === name)!;
  const parsed = parseToolArgs(tool, JSON.stringify(args));
  assert.ok(parsed.ok);
  const ctx: ToolContext = { host: tools, signal: new AbortController().signal, resolve: (p) => vscode.Uri.joinPath(folder(), p).fsPath, autoEdits: false, toolCallId: 't', turnId: 'turn', progress: () => undefined };
  return (await tool.execute(parsed.value, ctx)).content;
}

describe('Agent workspace tools (VS Code adapter)', () => {
  const disposables: vscode.Disposable[] = [];

  before(async () => {
    const write = (path: string, data: string | Uint8Array) => vscode.workspace.fs.writeFile(fixture(path), typeof data === 'string' ? new TextEncoder().encode(data) : data);
    await write('.gitignore', 'ignored/\n');
    await write('a.ts', 'export const needleAlpha = 1;\n');
    await write('ignored/x.ts', 'needleAlpha hidden by .gitignore\n');
    await write('out/y.ts', 'needleAlpha hidden by files.exclude\n');
    await write('logo.bin', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    await vscode.workspace.getConfiguration('files').update('exclude', { '**/agent-fixture/out': true }, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    for (const d of disposables) d.dispose();
    await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), 'agent-fixture'), { recursive: true });
  });

  it('read_file shows numbered lines, with unsaved editor text winning over the disk', async () => {
    assert.equal(await run('read_file', { path: 'agent-fixture/a.ts' }), 'agent-fixture/a.ts (1 lines)\n1: export const needleAlpha = 1;');
    const doc = await vscode.workspace.openTextDocument(fixture('a.ts'));
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(1, 0), '// not saved yet\n');
    await vscode.workspace.applyEdit(edit);
    assert.ok(doc.isDirty);
    assert.match(await run('read_file', { path: 'agent-fixture/a.ts' }), /2: \/\/ not saved yet$/);
  });

  it('read_file reports a binary file instead of dumping it', async () => {
    assert.match(await run('read_file', { path: 'agent-fixture/logo.bin' }), /is a binary file \(6 B\); its content is not shown/);
    assert.match(await run('read_file', { path: 'agent-fixture/nope.ts' }), /does not exist/);
  });

  it('list_files and search_text leave out what .gitignore and files.exclude hide', async () => {
    const listed = (await run('list_files', { path: 'agent-fixture' })).split('\n').sort();
    assert.deepEqual(listed, ['agent-fixture/.gitignore', 'agent-fixture/a.ts', 'agent-fixture/logo.bin']);
    assert.equal(await run('search_text', { query: 'needleAlpha', glob: 'agent-fixture/**' }), 'agent-fixture/a.ts:1: export const needleAlpha = 1;');
    assert.match(await run('list_files', { path: 'agent-fixture', max_results: 1 }), /\[Showing the first 1 results; there are more/);
  });

  it('get_diagnostics and find_symbols answer from VS Code’s providers', async () => {
    const collection = vscode.languages.createDiagnosticCollection('agent-test');
    disposables.push(collection);
    collection.set(fixture('a.ts'), [new vscode.Diagnostic(new vscode.Range(0, 13, 0, 24), 'needleAlpha is never used', vscode.DiagnosticSeverity.Warning)]);
    assert.match(await run('get_diagnostics', { path: 'agent-fixture/a.ts' }), /^agent-fixture\/a\.ts:1: warning: needleAlpha is never used/);
    disposables.push(
      vscode.languages.registerWorkspaceSymbolProvider({
        provideWorkspaceSymbols: (query) => (query === 'needle' ? [new vscode.SymbolInformation('needleAlpha', vscode.SymbolKind.Constant, '', new vscode.Location(fixture('a.ts'), new vscode.Position(0, 13)))] : []),
      }),
    );
    assert.match(await run('find_symbols', { query: 'needle' }), /constant needleAlpha — agent-fixture\/a\.ts:1/);
  });
});
