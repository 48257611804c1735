/** How the agent names files to the model: relative to their folder (prefixed by its name in a multi-root workspace). */
import * as vscode from 'vscode';

/** `src/a.ts`, or `api/src/a.ts` with several folders; the full path outside every folder. */
export function workspaceLabel(uri: vscode.Uri): string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const label = vscode.workspace.asRelativePath(uri, folders.length > 1);
  return label.replace(/\\/g, '/');
}
