/**
 * What the buttons and links inside an answer do in the editor: Insert and Apply on a code
 * block, and links (decided in core by {@link classifyLink}, carried out here).
 */
import * as vscode from 'vscode';
import { placeCodeBlock } from '../../core/edits';
import { classifyLink } from '../../core/chat/links';
import type { EditFlow } from '../edits/editFlow';
import { classifyWorkspacePath } from '../edits/workspacePaths';

/** Shows a short message in the Chat view. */
export type Notice = (level: 'info' | 'warning', text: string) => void;

/** "Insert": replaces every selection of the active (or first visible) editor with the code. */
export async function insertCode(code: string, notice: Notice): Promise<void> {
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
  if (!editor) return notice('info', 'Open a file to insert the code into.');
  await editor.edit((b) => {
    for (const s of editor.selections) b.replace(s, code);
  });
}

/**
 * "Apply" on a code block, through the edit preview: into the selection, else merged where the
 * snippet's declarations are in the file ({@link placeCodeBlock}); a whole-file result is said
 * plainly, and code that matches nothing is not applied. The user still accepts or rejects the diff.
 */
export async function applyCode(code: string, edits: EditFlow, notice: Notice): Promise<void> {
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'file');
  if (!editor || editor.document.uri.scheme !== 'file') {
    return notice('info', 'Open the file to apply the code to (select the lines it should replace, or none to let Grok find its place).');
  }
  const path = vscode.workspace.asRelativePath(editor.document.uri, false);
  const { selection, document } = editor;
  const selected = selection.isEmpty ? undefined : { text: document.getText(selection), startLine: selection.start.line };
  const placement = placeCodeBlock(path, document.getText(), code, selected);
  if (!placement.ok) return notice('warning', `Not applied: ${placement.message}`);
  if (placement.replacesFile) notice('warning', `Apply ${placement.summary}: check the diff before you accept it.`);
  const session = await edits.propose([placement.change], 'code block');
  await edits.preview(session.id);
}

/** A link clicked in an answer: web and mail links open outside, workspace files in the editor. */
export async function openLink(href: string, notice: Notice): Promise<void> {
  const action = classifyLink(href);
  switch (action.kind) {
    case 'ignore':
      return;
    case 'refuse':
      return notice('warning', action.message);
    case 'external':
      await vscode.env.openExternal(vscode.Uri.parse(action.url, true));
      return;
    case 'workspaceFile':
      return openWorkspaceFile(action.path, notice);
  }
}

/**
 * Opens a file named by a link, after resolving where it really leads: a link (or a symlink) out
 * of the workspace or into `.git` is not opened. Files that can run code may be looked at.
 */
async function openWorkspaceFile(path: string, notice: Notice): Promise<void> {
  const check = await classifyWorkspacePath(path);
  if (!check.ok && check.reason !== 'sensitive') return notice('warning', `Not opened: ${check.message}.`);
  if (!check.absolutePath) return;
  const uri = vscode.Uri.file(check.absolutePath);
  const exists = await vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
  if (!exists) return notice('info', `${path} does not exist in the workspace.`);
  await vscode.window.showTextDocument(uri, { preview: true });
}
