/**
 * Undo for an applied edit card: what each file held before Grok's edit and right after it, and
 * the one WorkspaceEdit that puts the "before" back (a created file is deleted). A file changed
 * since the edit is only overwritten after the user said so.
 */
import * as vscode from 'vscode';

/** One file as the applied edit found and left it. `before` undefined: the edit created it. */
export interface RestorePoint {
  uri: vscode.Uri;
  path: string;
  before: string | undefined;
  after: string;
}

export interface UndoResult {
  undone: boolean;
  message: string;
}

/** The file's text now, or undefined when it no longer exists. */
async function currentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return (await vscode.workspace.openTextDocument(uri)).getText();
  } catch {
    return undefined;
  }
}

/** The text of each point's file right after the edit (read once it was applied). */
export async function afterTexts(points: { uri: vscode.Uri; path: string; before: string | undefined }[]): Promise<RestorePoint[]> {
  return Promise.all(points.map(async (p) => ({ ...p, after: (await currentText(p.uri)) ?? '' })));
}

/**
 * Restores every point in one WorkspaceEdit (one undo step). Files the user changed after the edit
 * are listed in a modal first; anything but "Undo Anyway" changes nothing.
 */
export async function undoRestorePoints(points: readonly RestorePoint[]): Promise<UndoResult> {
  const now = await Promise.all(points.map((p) => currentText(p.uri)));
  const changed = points.filter((p, i) => now[i] !== p.after).map((p) => p.path);
  if (changed.length) {
    const choice = await vscode.window.showWarningMessage(
      `Undo Grok's edit? ${changed.join(', ')} changed after it was applied.`,
      { modal: true, detail: "Undo puts back the text from before Grok's edit; the later changes to those files are lost (Ctrl+Z in the editor can bring them back)." },
      'Undo Anyway',
    );
    if (choice !== 'Undo Anyway') return { undone: false, message: 'Not undone: nothing changed.' };
  }
  const edit = new vscode.WorkspaceEdit();
  for (const [i, p] of points.entries()) {
    if (p.before === undefined) {
      if (now[i] !== undefined) edit.deleteFile(p.uri, { ignoreIfNotExists: true });
    } else if (now[i] === undefined) {
      edit.createFile(p.uri, { ignoreIfExists: false, contents: new TextEncoder().encode(p.before) });
    } else {
      const doc = await vscode.workspace.openTextDocument(p.uri);
      edit.replace(p.uri, new vscode.Range(new vscode.Position(0, 0), doc.positionAt(doc.getText().length)), p.before);
    }
  }
  const wasDirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
  if (!(await vscode.workspace.applyEdit(edit))) return { undone: false, message: 'VS Code could not undo the edit; nothing changed.' };
  // Files that were saved before the undo are saved again, so the disk matches what the user sees.
  for (const p of points) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === p.uri.toString());
    if (doc?.isDirty && !wasDirty.has(p.uri.toString())) await doc.save();
  }
  const names = points.map((p) => p.path).join(', ');
  return { undone: true, message: `Undid Grok's edit of ${names}.` };
}
