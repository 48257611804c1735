import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { useFakeXai, withoutKey } from './helpers';

interface EditRequestResult {
  ok: boolean;
  sessionId?: string;
  message: string;
}
interface ApplyResult {
  applied: boolean;
  message: string;
}

// The fake server's tool-call scenario proposes: in src/math.ts, `return a - b;` → `return a + b;`.
const ORIGINAL = 'export function add(a: number, b: number): number {\n  return a - b;\n}\n';

describe('Refactor Selection and Fix with Grok', () => {
  const server = useFakeXai();
  const fake = () => server.get();
  let uri: vscode.Uri;
  const bytes = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

  async function openMath(): Promise<vscode.TextEditor> {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(ORIGINAL));
    const editor = await vscode.window.showTextDocument(uri);
    for (let i = 0; editor.document.getText() !== ORIGINAL && i < 100; i++) await new Promise((r) => setTimeout(r, 50));
    return editor;
  }

  before(() => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    uri = vscode.Uri.joinPath(folder.uri, 'src/math.ts');
  });

  after(async () => {
    while (vscode.window.activeTextEditor) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('Refactor Selection asks for a structured edit of the file, previews it, and Accept applies in one undo step', async () => {
    const editor = await openMath();
    editor.selection = new vscode.Selection(0, 0, 2, 1);
    const result = await vscode.commands.executeCommand<EditRequestResult>('grok.refactorSelection', '[scenario:tool-call] fix the sign');
    assert.equal(result.ok, true, result.message);
    const body = fake().requests.at(-1)?.body as Record<string, unknown>;
    assert.match(JSON.stringify(body.tools), /propose_edits/);
    assert.match(JSON.stringify(body), /fix the sign/);
    assert.equal(editor.document.getText(), ORIGINAL, 'the preview writes nothing');
    const applied = await vscode.commands.executeCommand<ApplyResult>('grok.acceptEdits', result.sessionId);
    assert.equal(applied.applied, true, applied.message);
    assert.equal(editor.document.getText(), ORIGINAL.replace('a - b', 'a + b'));
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), ORIGINAL, 'one undo step');
    await editor.document.save();
  });

  it('Reject leaves the file byte-identical', async () => {
    const editor = await openMath();
    editor.selection = new vscode.Selection(1, 0, 1, 15);
    const result = await vscode.commands.executeCommand<EditRequestResult>('grok.refactorSelection', '[scenario:tool-call] fix');
    assert.ok(result.sessionId, result.message);
    await vscode.commands.executeCommand('grok.rejectEdits', result.sessionId);
    assert.equal(editor.document.isDirty, false);
    assert.equal(await bytes(), ORIGINAL);
  });

  it('a failed request shows the error and leaves the file untouched', async () => {
    const editor = await openMath();
    editor.selection = new vscode.Selection(1, 0, 1, 15);
    const result = await vscode.commands.executeCommand<EditRequestResult>('grok.refactorSelection', '[scenario:invalid-key] x');
    assert.equal(result.ok, false);
    assert.match(result.message, /API key/i);
    assert.equal(await bytes(), ORIGINAL);
  });

  it('offers Fix with Grok for a diagnostic, and its edit applies', async () => {
    const editor = await openMath();
    const diagnostics = vscode.languages.createDiagnosticCollection('grok-test');
    try {
      const diagnostic = new vscode.Diagnostic(new vscode.Range(1, 2, 1, 15), '[scenario:tool-call] add() subtracts', vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'test';
      diagnostics.set(uri, [diagnostic]);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(1, 5, 1, 5));
      const fix = actions.find((a) => a.title.startsWith('Fix with Grok'));
      assert.ok(fix?.command, `Fix with Grok is offered (got: ${actions.map((a) => a.title).join(', ')})`);
      const result = await vscode.commands.executeCommand<EditRequestResult>(fix.command.command, ...(fix.command.arguments ?? []));
      assert.equal(result.ok, true, result.message);
      assert.match(JSON.stringify(fake().requests.at(-1)?.body), /line 2, column 3 by test/);
      const applied = await vscode.commands.executeCommand<ApplyResult>('grok.acceptEdits', result.sessionId);
      assert.equal(applied.applied, true, applied.message);
      assert.match(editor.document.getText(), /return a \+ b;/);
      await editor.document.save();
    } finally {
      diagnostics.dispose();
    }
  });

  it('offers Explain with Grok on a selection', async () => {
    const editor = await openMath();
    editor.selection = new vscode.Selection(1, 0, 1, 10);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, editor.selection);
    assert.ok(actions.some((a) => a.title === 'Explain with Grok'));
  });

  it('with no key set, says so and offers Set API Key', async () => {
    await withoutKey(fake(), async () => {
      const editor = await openMath();
      editor.selection = new vscode.Selection(1, 0, 1, 15);
      const result = await vscode.commands.executeCommand<EditRequestResult>('grok.refactorSelection', 'x');
      assert.equal(result.ok, false);
      assert.match(result.message, /key/i);
      const fix = await vscode.commands.executeCommand<EditRequestResult>('grok.fixDiagnostic', uri, new vscode.Diagnostic(new vscode.Range(1, 0, 1, 1), 'x'));
      assert.match(fix.message, /key/i);
    });
  });
});
