/**
 * Opens the checkpoint store in the extension's global storage (so Undo Task survives a reload
 * and a window switch), with `grok.agent.checkpointsToKeep`. The store's own files (index,
 * snapshots) are written with Node (a temp file renamed into place); workspace files go through
 * `vscode.workspace.fs`, so open editors see a restored or deleted file at once.
 */
import * as vscode from 'vscode';
import { CheckpointStore, nodeCheckpointFs, type CheckpointFs } from '../../core/checkpoints';

function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}

/** Workspace files through VS Code's file service. */
const workspaceFs: CheckpointFs = {
  read: (path) => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.file(path))).catch((error: unknown) => (isNotFound(error) ? undefined : Promise.reject(error))),
  write: async (path, bytes) => {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(vscode.Uri.file(path), '..'));
    await vscode.workspace.fs.writeFile(vscode.Uri.file(path), bytes);
  },
  remove: (path) => Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.file(path), { useTrash: false })).catch((error: unknown) => (isNotFound(error) ? undefined : Promise.reject(error))),
  list: (dir) => nodeCheckpointFs.list(dir),
};

/** Paths under `storageDir` with Node, the rest through VS Code. */
function splitFs(storageDir: string): CheckpointFs {
  const own = (path: string) => path === storageDir || path.startsWith(`${storageDir}/`);
  return {
    read: (p) => (own(p) ? nodeCheckpointFs : workspaceFs).read(p),
    write: (p, b) => (own(p) ? nodeCheckpointFs : workspaceFs).write(p, b),
    remove: (p) => (own(p) ? nodeCheckpointFs : workspaceFs).remove(p),
    list: (d) => nodeCheckpointFs.list(d),
  };
}

/** The store under `globalStorageUri` (the extension context's). */
export function openCheckpointStore(globalStorageUri: vscode.Uri, keep: number): Promise<CheckpointStore> {
  const storageDir = `${globalStorageUri.fsPath}/checkpoints`;
  return CheckpointStore.open(splitFs(storageDir), { storageDir, keep });
}
