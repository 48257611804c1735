import * as vscode from 'vscode';
import { editsOf, planEdits, type FileOutcome, type Replacement } from '../../core/edits';
import { afterTexts, type RestorePoint } from './undoEdits';
import { acceptedReplacements, needsConsent, planDeferred, type EditSession, type SessionFile } from './editSession';

export interface ApplyResult {
  /** Applied in one WorkspaceEdit (one undo step). */
  applied: boolean;
  outcomes: FileOutcome[];
  /** One line for the user. */
  message: string;
  /** Nothing was written only because the user did not confirm (the proposal can still be applied). */
  declined?: boolean;
  /** When applied: each file before and after, for Undo on the card. */
  restore?: RestorePoint[];
}

/**
 * Maps the accepted replacements onto the document's current text. If the text changed since the
 * preview, the file is planned again and the same edits must match again, else it is refused:
 * old offsets are never applied to new text.
 */
function replacementsFor(file: SessionFile, text: string): { replacements: Replacement[] } | { refused: string } {
  if (text === (file.baseText ?? '')) return { replacements: acceptedReplacements(file) };
  const plan = planEdits(text, file.change);
  const wanted = new Set(acceptedReplacements(file).map((r) => r.editIndex));
  const replacements = plan.replacements.filter((r) => wanted.has(r.editIndex));
  const found = new Set(replacements.map((r) => r.editIndex));
  if ([...wanted].some((i) => !found.has(i))) {
    return { refused: `${file.path} changed since the preview and the edits no longer match; nothing was written.` };
  }
  return { replacements };
}

/**
 * Writes the accepted hunks of the given files through one WorkspaceEdit. All or nothing: if any
 * file is refused (changed, sensitive or outside the workspace without consent), no file is
 * touched. `confirm` is asked once per file that {@link needsConsent}, before anything else; a file
 * outside the workspace is read only after that yes.
 */
export async function applySession(
  session: EditSession,
  files: readonly SessionFile[],
  confirm: (file: SessionFile) => Promise<boolean>,
): Promise<ApplyResult> {
  const edit = new vscode.WorkspaceEdit();
  const refusals: string[] = [];
  const planned: { file: SessionFile; editIndexes: number[]; before: string | undefined }[] = [];
  let declined = 0;
  for (const file of files) {
    if (file.done || !file.uri || (!file.deferred && (!file.plan || file.accepted.size === 0))) continue;
    if (!file.pathCheck.ok && !(file.pathCheck.confirmable && (await confirm(file)))) {
      if (needsConsent(file)) declined++;
      refusals.push(needsConsent(file) ? `Nothing was written: you did not confirm writing ${file.path}.` : file.pathCheck.message);
      continue;
    }
    await planDeferred(file);
    if (!file.plan || file.accepted.size === 0) continue;
    const exists = await vscode.workspace.fs.stat(file.uri).then(
      () => true,
      () => false,
    );
    if (!exists) {
      if (file.baseText !== undefined) {
        refusals.push(`${file.path} was deleted since the preview; nothing was written.`);
        continue;
      }
      edit.createFile(file.uri, { ignoreIfExists: false, contents: new TextEncoder().encode(acceptedReplacements(file).map((r) => r.text).join('')) });
      planned.push({ file, editIndexes: [...new Set(acceptedReplacements(file).flatMap(editsOf))], before: undefined });
      continue;
    }
    if (file.baseText === undefined) {
      refusals.push(`${file.path} was created since the preview; nothing was written.`);
      continue;
    }
    const doc = await vscode.workspace.openTextDocument(file.uri);
    const result = replacementsFor(file, doc.getText());
    if ('refused' in result) {
      refusals.push(result.refused);
      continue;
    }
    for (const r of result.replacements) {
      edit.replace(file.uri, new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)), r.text);
    }
    planned.push({ file, editIndexes: [...new Set(result.replacements.flatMap(editsOf))], before: doc.getText() });
  }
  if (refusals.length > 0) {
    return {
      applied: false,
      outcomes: files.map((f) => ({ path: f.path, plan: f.plan, applied: [], note: refusals.join(' ') })),
      message: refusals.join(' '),
      ...(declined === refusals.length ? { declined: true } : {}),
    };
  }
  if (planned.length === 0) return { applied: false, outcomes: [], message: 'Nothing to apply.' };
  const ok = await vscode.workspace.applyEdit(edit, { isRefactoring: false });
  if (!ok) {
    return {
      applied: false,
      outcomes: planned.map(({ file }) => ({ path: file.path, plan: file.plan, applied: [], note: 'VS Code refused the edit' })),
      message: 'VS Code could not apply the edit; nothing was written.',
    };
  }
  const count = planned.reduce((n, p) => n + p.editIndexes.length, 0);
  const restore = await afterTexts(planned.flatMap(({ file, before }) => (file.uri ? [{ uri: file.uri, path: file.path, before }] : [])));
  return {
    applied: true,
    restore,
    outcomes: planned.map(({ file, editIndexes }) => ({ path: file.path, plan: file.plan, applied: editIndexes })),
    message: `Applied ${count} edit${count === 1 ? '' : 's'} to ${planned.map((p) => p.file.path).join(', ')}.`,
  };
}
